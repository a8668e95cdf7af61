import type { Embedder } from '../embedding/index.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { embedQuestion } from '../query/question-vector.ts'
import { type Glossary, groupOf } from '../text/glossary.ts'
import { idfOf } from '../text/idf.ts'

/**
 * The lowest similarity at which an approved FAQ entry answers a question. Measured on the
 * paraphrase set evals/faq/paraphrases.jsonl by `npx tsx evals/faq/measure.ts`, which prints
 * per threshold how many paraphrases find their entry and how many near-miss questions (same topic,
 * another thing asked) would wrongly get one. This is the lowest value with no wrong answer on that
 * set (19 of 40 paraphrases found; compared by the search's embedding of the prepared question
 * since #10 — with the raw message's own embedding it was 0.775 and 17 of 40): a wrong reviewed
 * answer is worse than the documents' answer.
 */
export const FAQ_MATCH_THRESHOLD = 0.8

/**
 * What a question asks for. Two questions on one topic that ask for different things ("电梯年检要带
 * 什么材料" and "电梯年检要多久") want different answers, however alike their words.
 */
const ASKS: Array<[string, RegExp]> = [
  ['duration', /多久|多长时间|几天|几年|多少天|多少年|有效期|期限|周期/],
  ['when', /什么时候|何时|几号|哪天|日期|时间(?!多长)|截止/],
  ['place', /哪里|哪儿|在哪|去哪|地点|地址/],
  ['who', /找谁|向谁|谁|哪个部门|什么部门|哪个单位|哪些企业|哪些单位|适用/],
  ['materials', /材料|资料|证明|带什么|带啥|提供什么/],
  ['amount', /多少钱|收费|费用|价格|免费|罚款/],
  ['how', /怎么|怎样|如何|方法|流程|步骤|预约/],
  ['difference', /区别|不同|差别/],
  ['whether', /吗|是否|要不要|需不需要|用不用|能不能|可不可以|必须/],
]

const asksOf = (folded: string): string =>
  ASKS.flatMap(([name, pattern]) => (pattern.test(folded) ? [name] : [])).join(',')

/** Numbers and Latin names ("75号令", "ISO 9001", "3C"): a question naming others is about something else. */
const identifiersOf = (folded: string): string[] => [...new Set(folded.match(/\d+|[a-z][a-z0-9]*/g) ?? [])].sort()

/** A question as the matcher compares it: its local embedding, its words in glossary wording (idf-weighted), what it asks for. */
export type FaqText = { vector: number[]; words: Map<string, number>; asks: string; identifiers: string }

type FaqQuestion = Pick<PreparedQuestion, 'folded' | 'words' | 'embeddingText'>

/** "3C" and "强制性产品认证" are one word here: each glossary term counts as its group's first term. */
function canonicalWords({ folded, words: segmented }: FaqQuestion, glossary: Glossary): Map<string, number> {
  const words = new Map<string, number>()
  const add = (word: string, weight: number) => words.set(word, Math.max(words.get(word) ?? 0, weight))
  for (const group of glossary.groups) {
    const term = group.find((candidate) => candidate.length > 1 && folded.includes(candidate))
    if (term) add(group[0] as string, idfOf(term))
  }
  for (const word of segmented) {
    // How the question is put ("需不需要", "吗") is compared as its asks, not as a topic word.
    if (ASKS.some(([, pattern]) => pattern.test(word))) continue
    const group = groupOf(glossary, word)
    add(group ? (group[0] as string) : word, idfOf(word))
  }
  return words
}

/**
 * A question as the matcher compares it, from the prepared question: its words as segmented once,
 * and the embedding the search of the same turn uses.
 */
export async function prepareFaqText(
  question: FaqQuestion,
  deps: { embedder: Embedder; glossary: Glossary },
): Promise<FaqText> {
  // Glossary expansions keep "3C" from counting as a different identifier than "CCC".
  const canonical = glossary(question.folded, deps.glossary)
  return {
    vector: await embedQuestion(deps.embedder, question),
    words: canonicalWords(question, deps.glossary),
    asks: asksOf(question.folded),
    identifiers: identifiersOf(canonical).join(','),
  }
}

/** The text with every glossary term replaced by its group's first term. */
function glossary(folded: string, terms: Glossary): string {
  let text = folded
  for (const group of terms.groups) {
    for (const term of group.slice(1)) if (term.length > 1) text = text.split(term).join(group[0] as string)
  }
  return text
}

function cosine(a: number[], b: number[]): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number
    const y = b[i] as number
    dot += x * y
    normA += x * x
    normB += y * y
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

/** Share of a's words (weighted by how telling each is, idf) that b says too. */
function covered(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0
  let shared = 0
  for (const [word, weight] of a) {
    total += weight
    if (b.has(word)) shared += weight
  }
  return total === 0 ? 0 : shared / total
}

/** Each question's words said by the other, the lesser share: a word either adds is a topic the other lacks. */
const overlap = (a: Map<string, number>, b: Map<string, number>) => Math.min(covered(a, b), covered(b, a))

/**
 * 0–1: the mean of the embeddings' cosine and the words' weighted overlap; 0 when the questions
 * ask for different things or name different numbers.
 */
export function faqSimilarity(a: FaqText, b: FaqText): number {
  if (a.asks !== b.asks || a.identifiers !== b.identifiers) return 0
  return (cosine(a.vector, b.vector) + overlap(a.words, b.words)) / 2
}
