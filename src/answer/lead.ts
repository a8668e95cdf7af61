import { answerCueOf, asksHowOften, tellsIntervalInWords } from '../query/answer-types.ts'
import { breachOf, tellsBreach } from '../query/breach.ts'
import { type Concept, isMatter } from '../query/concepts.ts'
import { tellsIssuance } from '../query/issuance.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { tellsRecourse } from '../query/recourse.ts'
import { tiesRelation } from '../query/relation.ts'
import { headerOf } from '../retrieval/chunk-analysis.ts'
import { foldText } from '../text/fold.ts'
import { paraphrasesOf } from '../text/paraphrases.ts'
import { cutWords, namesADoing, namesAnAct, namesAPosition, namesAQuantity, namesAThing } from '../text/segment.ts'
import { settlingSentences } from './alternatives.ts'
import { isColumnNames, linesOf } from './blocks.ts'
import { answersTypes, askedConcepts, bodyOf, coverage, coverageOfFolded, type Evidence } from './evidence.ts'
import { judgedListPool } from './judged-lead.ts'
import { weighToldWords } from './told-clause.ts'
import { LEAD_BREACH_CUE, LEAD_CUE, LEAD_EXACT_CUE, LEAD_PREDICATE_WEIGHT, LEAD_WHOLE_WORD_LENGTH } from './tuning.ts'

type Sentence = Evidence['sentences'][number]

/**
 * Share of the focus words a sentence says, in its words or in plain paraphrase ("去世" by "病逝"). A
 * word the store never uses ("招募新兵") cannot be said whole, but its parts can ("…招募农民…"): half
 * credit, as coverage gives a long word said in parts.
 */
function focusCoverage(focus: Concept[], folded: string): number {
  const says = (word: string) => paraphrasesOf(word).some((term) => folded.includes(term))
  let total = 0
  let said = 0
  for (const concept of focus) {
    total += concept.weight
    // "哪一年" is said by any date, known word or not: the kind of fact it asks for is what answers it.
    if (concept.asks?.gives.test(folded)) {
      said += concept.weight
      continue
    }
    const whole = concept.known ? coverage([concept], folded) : 0
    const parts = concept.parts.filter(says).length / Math.max(concept.parts.length, 1) / 2
    // Characters are taken as written: "叫" is said by "又名", but its character is no word of its own.
    const characters = charactersOf(concept)
    const written =
      characters.filter((character) => folded.includes(character)).length / Math.max(characters.length, 1) / 2
    said += concept.weight * (says(concept.word) ? 1 : Math.max(whole, parts, written))
  }
  return total === 0 ? 0 : said / total
}

// Characters that stand in too many words to say anything on their own.
const COMMON_CHARACTERS = /[的了是在和与及有个一不也就都这那之其为以于人家子么着过们上下来去要里得地把被]/u

/** A word the store never uses ("炸掉", "交换") may still be said in part by its characters ("炸毁", "换取"). */
const charactersOf = (concept: Concept): string[] =>
  concept.known || concept.parts.length > 0
    ? []
    : [...concept.word].filter((character) => !COMMON_CHARACTERS.test(character))

/**
 * The things the question is about (中小企业, 免办证明), not what is done with them (留, 送, 拿到), how much of
 * them (一年, 尊) nor the words that ask the fact (天 of 哪天).
 */
export function thingsAsked(question: PreparedQuestion): Concept[] {
  const asking = question.answerTypes.map((type) => type.asks.exec(question.folded)?.[0] ?? '')
  return askedConcepts(question.concepts).filter(
    (concept) =>
      isMatter(concept) &&
      concept.known &&
      !namesADoing(concept.word) &&
      !namesAQuantity(concept.word) &&
      !namesAPosition(concept.word) &&
      !asking.some((words) => words.includes(concept.word)),
  )
}

const MATERIALS_HEADING = /材料|资料|证件/

/**
 * The sentence of a passage that states what was asked. Of the sentences giving the kind of fact asked
 * for (if any), the one that says most of what the question adds to the document and section names —
 * in "纲要对制造业质量竞争力指数定的目标是多少" the section "主要目标" already says 目标, so
 * "《纲要》…细化了2025年目标" is not the answer and "制造业质量竞争力指数要达到86" is — with a bonus
 * for holding what the question word wants (a number for 多少, a cause for 为什么, an enumeration for a
 * list). On a tie, the sentence that says the question's words in one clause; then the one where that
 * fact stands nearest them ("十二月病逝", not "万历十年张居正去世后，戚继光…", which names more of the
 * question); then the one naming more; then the earliest.
 */
export function leadSentence(evidence: Evidence, question: PreparedQuestion): Sentence | undefined {
  // A table's column names say the words of the question ("2025年目标") and state none of the facts.
  const body = bodyOf(evidence)
  // The materials asked of a section that lists them ("四、需要准备哪些材料") are its list, from the first item: the
  // item that happens to say 证明 or 原件 (4. 委托他人代为投诉的…) is one of them, not the answer.
  if (question.answerTypes.some((type) => type.name === 'materials') && MATERIALS_HEADING.test(evidence.chunk.section))
    return body[0]
  const lines = evidence.chunk.content.includes('|') ? linesOf(evidence.chunk.content) : []
  const stating = body.filter((sentence) => !isColumnNames(lines, sentence.start))
  const told = stating.length > 0 ? stating : body
  // "打电话还是发短信": the sentence naming the alternative answers which.
  const settling = settlingSentences(question, evidence.chunk, told)
  const sentences = settling.length > 0 ? settling : told
  const giving = sentences.filter((sentence) => answersTypes(question.answerTypes, sentence.text))
  const stated = cycleSentences(question, evidence, sentences, giving) ?? (giving.length > 0 ? giving : sentences)
  // "纲要是谁定的", "哪天发布的": the sentence telling the document's issuance, not one of its 定位 or 发布会.
  const issuing = question.asksIssuance ? stated.filter((sentence) => tellsIssuance(sentence.folded)) : []
  // "调解一直谈不拢咋整": the sentence telling the consumer the way still open (仍可以通过仲裁或诉讼维权), not the
  // table's limits that share the words of the mediation.
  const redress = question.asksRecourse ? stated.filter((sentence) => tellsRecourse(sentence.folded)) : []
  const plain = issuing.length > 0 ? issuing : redress.length > 0 ? redress : stated
  // An owner's case judged by a list of conditions: the item saying what the case does, or the list's introduction.
  const pool = judgedListPool(question, sentences) ?? plain
  // A year the passage opens with ("到2025年（总体）：…") is the scope of all it says, as its heading is: a sentence
  // repeating it is no likelier the one that states the target asked of that year.
  const scope = body[0]?.folded.match(/\d{4}年/g)?.join(' ') ?? ''
  const header = `${foldText(headerOf(evidence.chunk))} ${scope}`
  // The doing asked (延期, 撤回, 收费) weighs more than the thing it is asked of: "免办证明可以延期吗" is answered
  // by the sentence on 延期, not by one that repeats 免办证明, the rarer word.
  // "厂里要搞ISO认证，我当老板的自己要做些什么": 厂里 only tells where the asker stands (told-clause.ts).
  const focus = weighToldWords(
    question,
    question.concepts
      .filter(
        (concept) =>
          !concept.filler && (concept.known ? coverage([concept], header) < 1 : !header.includes(concept.word)),
      )
      .map((concept) =>
        asksTheDoing(concept) ? { ...concept, weight: concept.weight * LEAD_PREDICATE_WEIGHT } : concept,
      ),
  )
  // With the header saying every word, the title's words only name the document: a sentence repeating them
  // ("计量器具" for 电子秤) is no likelier the answer. A matter the heading names among others still picks
  // its sentence (药品 of "…农产品食品药品…"); with none, the first giving the fact leads.
  const title = foldText(evidence.chunk.title)
  const headingMatter = askedConcepts(question.concepts).filter(
    (concept) => !concept.aspect && !concept.asks && coverage([concept], title) < 1,
  )
  const asked = askedConcepts(question.concepts)
  // `words`: the sentence with the question's short verbs blanked where they begin a thing named after them.
  const said = (sentence: Sentence, words: string) =>
    focus.length > 0
      ? words === sentence.folded
        ? sentence.coverage
        : coverageOfFolded(asked, words)
      : coverageOfFolded(headingMatter, sentence.folded)
  const cue = answerCueOf(question)
  // "质量安全总监跟主要负责人是啥关系": the sentence tying the two (…协助主要负责人…) is the asked thing's own form.
  const ties = (sentence: Sentence) => (question.relation && tiesRelation(question.relation, sentence.folded) ? 1 : 0)
  // "没去检会咋样": the line of a consequences section telling that breach (未按规定申请检定…) is the asker's case.
  const breach = breachOf(question.folded)
  const tells = (sentence: Sentence) =>
    breach !== null && tellsBreach(breach, sentence.folded, (character) => !COMMON_CHARACTERS.test(character))
  const wanted = [...question.answerTypes.map((type) => type.gives), ...(cue ? [cue.holds] : [])]
  const verbs = focus.flatMap((concept) =>
    concept.known && !concept.asks
      ? concept.alternatives.filter((term) => term.length <= LEAD_WHOLE_WORD_LENGTH && namesAnAct(term))
      : [],
  )
  const scored = pool.map((sentence) => {
    const words = wholeWordsOf(sentence.folded, verbs)
    return {
      sentence,
      said: said(sentence, words),
      score:
        (focus.length > 0 ? focusCoverage(focus, words) : said(sentence, words)) +
        (cue?.holds.test(sentence.text) ? (cue.exact ? LEAD_EXACT_CUE : LEAD_CUE) : 0) +
        ties(sentence) * LEAD_EXACT_CUE +
        (tells(sentence) ? LEAD_BREACH_CUE : 0),
      clause: focus.length > 0 ? clauseCoverage(focus, words) : 0,
      gap: gapBetween(words, wanted, focus),
    }
  })
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.clause - a.clause ||
      a.gap - b.gap ||
      b.said - a.said ||
      a.sentence.start - b.sentence.start,
  )
  return scored[0]?.sentence
}

/**
 * "管理评审多久做一次": when no sentence giving a length of time names the thing asked (证书有效期三年 names
 * another), the sentences naming it that tell its interval in words ("由最高管理者按策划的时间间隔…进行评审"):
 * they say honestly that no fixed period is set. Undefined when there are none.
 */
export function cycleSentences(
  question: PreparedQuestion,
  evidence: Evidence,
  sentences: Sentence[],
  giving: Sentence[],
): Sentence[] | undefined {
  const things = thingsAsked(question)
  if (!asksHowOften(question.folded) || things.length === 0) return undefined
  // A thing the header names (ISO9001 of the guide's title) is named for each of its sentences.
  const header = foldText(headerOf(evidence.chunk))
  const namesThings = (sentence: Sentence) => coverage(things, `${header}\n${sentence.folded}`) >= 1
  if (giving.some(namesThings)) return undefined
  const told = sentences.filter((sentence) => namesThings(sentence) && tellsIntervalInWords(sentence.folded))
  return told.length > 0 ? told : undefined
}

/** A verb of the question that names the doing asked about: not one character (找, 做), which says how it is put. */
const asksTheDoing = (concept: Concept): boolean =>
  concept.known &&
  concept.word.length > 1 &&
  !concept.aspect &&
  !concept.asks &&
  !concept.scene &&
  namesAnAct(concept.word)

/**
 * The sentence with each short verb of the question blanked where it only begins a thing named after it, a
 * word one character longer: "纲要是什么时候发布的" is not said by 发布会, "纲要是谁定的" not by 定位, "申请" not
 * by 申请书. A verb said in full (制定, 编写), with its result (找出) or joined with another word (认证 of
 * 认证机构) still says it. Blanks keep the length, so that places in it stay places in the sentence.
 */
function wholeWordsOf(folded: string, verbs: string[]): string {
  const present = verbs.filter((verb) => folded.includes(verb))
  if (present.length === 0) return folded
  const namedAfter = (word: string, verb: string) =>
    word.length === verb.length + 1 && word.startsWith(verb) && namesAThing(word)
  return cutWords(folded)
    .map((word) => {
      const verb = present.find((verb) => namedAfter(word, verb))
      return verb ? word.replace(verb, '_'.repeat(verb.length)) : word
    })
    .join('')
}

/**
 * The most of the question's words one clause of a sentence says: "暗反应在叶绿体基质中进行" says 暗反应
 * and 进行 together, "…光反应和暗反应两个阶段：光反应在类囊体薄膜上进行" says both, but of two things.
 */
function clauseCoverage(focus: Concept[], folded: string): number {
  // Folded text has the half-width comma, colon and semicolon.
  return Math.max(0, ...folded.split(/[,:;、]/).map((clause) => focusCoverage(focus, clause)))
}

// The global form of each pattern a lead sentence is measured by, built once: gapBetween runs for every
// sentence weighed, and the patterns are the answer types' and cues' own, a fixed set. (matchAll works on a
// copy, so a shared global pattern keeps its lastIndex at 0.)
const globals = new WeakMap<RegExp, RegExp>()
function globalOf(pattern: RegExp): RegExp {
  const known = globals.get(pattern)
  if (known) return known
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)
  globals.set(pattern, global)
  return global
}

/**
 * How far, in characters, the fact asked for stands from the nearest word of the question: of two
 * sentences that both name 《辞源》 and a year, "1915年出版的《辞源》" dates it and "1902年…陆续出版了
 * 《辞源》" dates something else. Infinity when the sentence has no such fact or none of the words.
 */
function gapBetween(folded: string, wanted: RegExp[], focus: Concept[]): number {
  const at = (pattern: RegExp) => [...folded.matchAll(globalOf(pattern))].map((match) => match.index)
  const facts = wanted.flatMap(at)
  const words = focus.flatMap((concept) =>
    [...concept.alternatives, ...paraphrasesOf(concept.word)].flatMap((term) =>
      folded.includes(term) ? [folded.indexOf(term)] : [],
    ),
  )
  let gap = Number.POSITIVE_INFINITY
  for (const fact of facts) for (const word of words) gap = Math.min(gap, Math.abs(fact - word))
  return gap
}
