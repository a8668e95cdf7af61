export type Sentence = { text: string; start: number }

/** Where a clause of a question ends: folded text holds the half-width forms, stored text the full-width ones. */
export const CLAUSE_BREAK = /[，,；;。？?！!]/u

/** Sentences of a text with their offsets, so a quote is always a verbatim slice of the stored text. */
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
