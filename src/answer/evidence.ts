import type { Vocabulary } from '../retrieval/vocabulary.ts'
import { foldText } from '../text/fold.ts'
import type { Glossary } from '../text/glossary.ts'
import { idfOf } from '../text/idf.ts'
import { segmentWords } from '../text/segment.ts'

/** One thing the question asks about, and the words that count as saying it. */
export type Concept = { word: string; alternatives: string[]; weight: number; known: boolean }

/**
 * The question's content words, each with its glossary synonyms, weighted by idf: "3c免办要多久"
 * asks about 3C (or 强制性产品认证, CCC…), 免办 (or 免予办理…) and 多久.
 */
export function conceptsOf(question: string, glossary: Glossary, vocabulary: Vocabulary): Concept[] {
  const folded = foldText(question)
  // Glossary phrases in the question are concepts of their own: "怎么申请" is met by "怎样申请".
  const phrases = glossary.groups.flatMap((group) =>
    group.filter((term) => term.length > 1 && folded.includes(term)).map((term) => ({ term, group })),
  )
  const longest = phrases.filter(
    ({ term }) => !phrases.some((other) => other.term !== term && other.term.includes(term)),
  )
  const words = [...new Set(segmentWords(question))].filter((word) => !longest.some(({ term }) => term.includes(word)))
  // Search mode also yields the parts of long words; a part adds nothing its whole does not.
  const wholes = words.filter((word) => !words.some((other) => other !== word && other.includes(word)))
  const entries = [
    ...longest.map(({ term, group }) => ({ word: term, alternatives: group })),
    ...wholes.map((word) => {
      const group = glossary.groups.find((terms) => terms.some((term) => term === word))
      return { word, alternatives: group ?? [word] }
    }),
  ]
  return entries.map(({ word, alternatives }) => {
    const frequency = Math.max(...alternatives.map((term) => vocabulary.documentFrequency(term)))
    // jieba's idf says how telling a word is in Chinese at large; the store's own, how telling among its chunks.
    const corpusIdf = Math.log(1 + vocabulary.chunkCount / Math.max(frequency, 1)) / Math.log(1 + vocabulary.chunkCount)
    return { word, alternatives, weight: Math.min(idfOf(word), 12) * (0.5 + 0.5 * corpusIdf), known: frequency > 0 }
  })
}

/** Share of the question's weight in words the knowledge store never uses. */
export function unknownShare(concepts: Concept[]): number {
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0)
  const unknown = concepts.filter((concept) => !concept.known).reduce((sum, concept) => sum + concept.weight, 0)
  return total === 0 ? 1 : unknown / total
}

/** Share of the question's weight that a text covers (0–1); parts of a word count for part of it. */
export function coverage(concepts: Concept[], text: string): number {
  const folded = foldText(text)
  let total = 0
  let covered = 0
  for (const concept of concepts) {
    // Words the store never uses can be met by no passage: they do not count against any.
    if (!concept.known) continue
    total += concept.weight
    if (concept.alternatives.some((term) => folded.includes(term))) {
      covered += concept.weight
      continue
    }
    // A long word the text says in other order or in parts ("质量管理体系认证" vs "质量管理体系的认证").
    const parts = segmentWords(concept.word).filter((part) => part !== concept.word && part.length > 1)
    if (parts.length > 0) {
      const found = parts.filter((part) => folded.includes(part)).length
      covered += (concept.weight * found) / parts.length / 2
    }
  }
  return total === 0 ? 0 : covered / total
}

export type Sentence = { text: string; start: number }

/** Sentences of a chunk with their offsets, so a quote is always a verbatim slice of the stored text. */
export function sentencesOf(content: string): Sentence[] {
  const sentences: Sentence[] = []
  const pattern = /[^。！？；!?\n]+[。！？；!?]?/g
  for (const match of content.matchAll(pattern)) {
    const raw = match[0]
    const leading = raw.length - raw.trimStart().length
    const text = raw.trim()
    // Fragments like "）" or a lone list marker say nothing on their own.
    if (text.replace(/[\p{P}\s\d]/gu, '').length >= 4) sentences.push({ text, start: (match.index ?? 0) + leading })
  }
  return sentences
}

// Sentences in which a summary says what it does not cover: an honest answer points to them, not around them.
const GAP_STATEMENT = /未收录|未在此整理|未整理|仅覆盖|只整理了|未能核实|未核实|以官方(发布)?(文本|原文)为准/

export const statesCoverageGap = (sentence: string): boolean => !sentence.includes('|') && GAP_STATEMENT.test(sentence)
