import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'

/** The English term list's file name, beside glossary.json in the knowledge folder. */
export const ENGLISH_TERMS_FILE = 'english.json'

/**
 * English phrases and the Chinese the documents use for them, longest phrase first. An empty Chinese drops a
 * phrase that only joins the sentence ("when I go to complain": a time told, not asked).
 */
export type EnglishTerms = Array<[english: string, chinese: string]>

const EnglishTermsFile = z.record(z.string().min(1), z.string())

/** Reads knowledge/english.json ({"weighing scale": "电子秤", …}); a missing file is an empty list. */
export function loadEnglishTerms(path: string): EnglishTerms {
  if (!existsSync(path)) return []
  const parsed = EnglishTermsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path}: expected an object of English phrase → Chinese term`)
  return Object.entries(parsed.data)
    .map(([english, chinese]): [string, string] => [english.toLowerCase(), chinese])
    .sort((a, b) => b[0].length - a[0].length)
}

// The single words of the listed phrases, per list: what a plural in a question is looked up as.
const LISTED_WORDS = new WeakMap<EnglishTerms, Set<string>>()

function listedWordsOf(terms: EnglishTerms): Set<string> {
  const known = LISTED_WORDS.get(terms)
  if (known) return known
  const words = new Set(terms.flatMap(([english]) => english.split(' ')))
  LISTED_WORDS.set(terms, words)
  return words
}

/**
 * A plural the list has in the singular ("inspections", "activities", "fees"), as the list writes it; any other
 * word as it is. The list then need not hold every form of a noun.
 */
function asListed(word: string, listed: Set<string>): string {
  if (listed.has(word) || word.length < 4 || !word.endsWith('s')) return word
  const singulars = [word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.slice(0, -1)]
  return singulars.find((singular) => singular !== word && listed.has(singular)) ?? word
}

// A contraction's ending as its word ("won't" → "won not" → the "not" the function words hold, "we're" → "we are"); a
// possessive's 's as nothing. Cut off as letters of their own, they were counted as words left untranslated.
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon['’]t\b/g, 'will not'],
  [/\bcan['’]t\b/g, 'can not'],
  [/n['’]t\b/g, ' not'],
  [/['’]re\b/g, ' are'],
  [/['’]ll\b/g, ' will'],
  [/['’]ve\b/g, ' have'],
  [/['’]d\b/g, ' would'],
  [/['’]m\b/g, ' am'],
  [/['’]s\b/g, ''],
]

// "Article 7", "Art. 3": the article as the documents cite one (第7条), which the order's lookup reads.
const ARTICLE_NUMBER = /\b(?:article|art\.?)\s*(\d{1,3})\b/g

/** A clause as space-padded words, punctuation gone, contractions undone, articles cited and plurals as the list has them. */
const wordsOf = (clause: string, terms: EnglishTerms): string => {
  const listed = listedWordsOf(terms)
  const words = CONTRACTIONS.reduce((text, [pattern, word]) => text.replace(pattern, word), clause)
    .replace(ARTICLE_NUMBER, '第$1条')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => asListed(word, listed))
  return ` ${words.join(' ')} `
}

// Each listed phrase as a whole-word pattern, compiled once per list (an English question tries them all, clause by clause).
const PATTERNS = new WeakMap<EnglishTerms, RegExp[]>()

function patternsOf(terms: EnglishTerms): RegExp[] {
  const known = PATTERNS.get(terms)
  if (known) return known
  const patterns = terms.map(
    ([english]) => new RegExp(`(?<=\\s)${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s)`, 'g'),
  )
  PATTERNS.set(terms, patterns)
  return patterns
}

const LATIN_WORD = /[a-z][a-z'-]*/g

/** A question written in English: mostly Latin letters and at least three words of them. */
export function isEnglish(folded: string): boolean {
  const latin = folded.match(/[a-z]/g)?.length ?? 0
  const cjk = folded.match(/[\u3400-\u9fff]/g)?.length ?? 0
  return (folded.match(LATIN_WORD)?.length ?? 0) >= 3 && latin > 4 * cjk
}

// Codes that mean the same in both languages ("ISO 9001", "CCC", "12315") are kept as they are.
export const KEPT_CODES = /^(iso|ccc|3c|cnas|cnca|samr|cpa|qms|gb)$/

// Words that carry no matter of their own: what is left of an English question without them is what it asks about.
const FUNCTION_WORDS = new Set(
  (
    'a an the i me my we our us you your he she it its they them their this that these those there here ' +
    'is are am was were be been being do does did done doing have has had can could may might must shall ' +
    'should will would to of in on at for with by from about into as or and but if so not no yes any some ' +
    'how what which who whom whose when where why get got need needs want please tell know one ones ' +
    'else also just still too very really until whether than then under something anything go goes going went come between don ' +
    'did with from but her him his them all only now like never back being own seems roughly exactly usually supposed ' +
    'already some sort kind through within instead ourselves themselves well these were say said thing whats thats ' +
    'keep keeps kept talking hearing heard news'
  ).split(' '),
)

/**
 * Of an English question's content words (function words aside), the share no listed phrase
 * translated: a question mostly dropped in translation is not understood, whatever is left of it.
 */
export function untranslatedShare(folded: string, terms: EnglishTerms): number {
  let text = wordsOf(folded, terms)
  let translated = 0
  const patterns = patternsOf(terms)
  for (const [index, [english]] of terms.entries()) {
    text = text.replace(patterns[index] as RegExp, () => {
      translated += english.split(' ').filter((word) => !FUNCTION_WORDS.has(word)).length
      return ' '
    })
  }
  // One letter is what is left of a possessive ("shop's"), not a word.
  const left = text
    .split(/\s+/)
    .filter((word) => /^[a-z]{2}/.test(word) && !FUNCTION_WORDS.has(word) && !KEPT_CODES.test(word))
  const content = translated + left.length
  return content === 0 ? 0 : left.length / content
}

// A clause ends at a stop or comma before a space or the end, not inside "2.5" or "no.75", nor after the
// abbreviation of a number ("Order No. 75", "Art. 3").
const CLAUSE_END = /(?<!\b(?:no|nr|art))\.(?=\s|$)|[,;:!?](?=\s|$)/

/**
 * The Chinese question an English one asks, in the documents' words: listed phrases replaced (longest
 * first, whole words only), codes and numbers kept, every other English word dropped. Clauses stay
 * apart as Chinese writes them ("商家拒绝调解，还能怎么解决"): a story and its question, or a case and
 * what is asked about it, are read as two clauses, not one run of words.
 */
export function toChineseQuestion(folded: string, terms: EnglishTerms): string {
  return folded
    .split(CLAUSE_END)
    .map((clause) => translateClause(clause, terms))
    .filter(Boolean)
    .join('，')
}

function translateClause(clause: string, terms: EnglishTerms): string {
  let text = wordsOf(clause, terms)
  const patterns = patternsOf(terms)
  for (const [index, [, chinese]] of terms.entries()) text = text.replace(patterns[index] as RegExp, chinese)
  const kept = text.split(/\s+/).filter((word) => word && (!/^[a-z]/.test(word) || KEPT_CODES.test(word)))
  // Chinese terms run together as the documents write them ("食品经营许可证", "买到假货怎么办"), so the
  // question is segmented as a Chinese one is; a code or number stays apart from its neighbours.
  return kept.reduce((question, word, index) => {
    const previous = kept[index - 1]
    const bothChinese = previous !== undefined && /\p{Script=Han}$/u.test(previous) && /^\p{Script=Han}/u.test(word)
    return index === 0 ? word : `${question}${bothChinese ? '' : ' '}${word}`
  }, '')
}
