import type { Embedder } from '../embedding/index.ts'
import { foldText } from '../text/fold.ts'
import type { Glossary } from '../text/glossary.ts'
import { segmentWords } from '../text/segment.ts'

/**
 * The lowest similarity at which an approved FAQ entry answers a question. Measured on the
 * paraphrase set evals/faq/paraphrases.jsonl by `npx tsx evals/faq/measure.ts`, which prints
 * precision and recall per threshold: this value keeps every unrelated-but-similar question out
 * (a wrong reviewed answer is worse than the documents' answer) while taking most paraphrases.
 */
export const FAQ_MATCH_THRESHOLD = 0.5

/** A question as the matcher compares it: its local embedding and its words in glossary wording. */
export type FaqText = { vector: number[]; words: Set<string> }

/** "3C" and "强制性产品认证" are one word here: each glossary term counts as its group's first term. */
function canonicalWords(text: string, glossary: Glossary): Set<string> {
  const folded = foldText(text)
  const words = new Set<string>()
  for (const group of glossary.groups) {
    if (group.some((term) => term.length > 1 && folded.includes(term))) words.add(group[0] as string)
  }
  for (const word of segmentWords(text)) {
    const group = glossary.groups.find((terms) => terms.includes(word))
    words.add(group ? (group[0] as string) : word)
  }
  return words
}

export async function prepareFaqText(text: string, deps: { embedder: Embedder; glossary: Glossary }): Promise<FaqText> {
  return { vector: await deps.embedder.embedQuery(text), words: canonicalWords(text, deps.glossary) }
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

/** Dice overlap of the two questions' words. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0
  let shared = 0
  for (const word of a) if (b.has(word)) shared += 1
  return (2 * shared) / (a.size + b.size)
}

/** 0–1: the mean of the embeddings' cosine and the words' overlap. */
export const faqSimilarity = (a: FaqText, b: FaqText): number =>
  (cosine(a.vector, b.vector) + overlap(a.words, b.words)) / 2
