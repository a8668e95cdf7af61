/** Pure helpers for showing an answer and its sources; no DOM, so they are tested in Node. */

export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'cite'; n: number }

/** Splits an answer at its [n] markers; a marker with no citation behind it stays plain text. */
export function segmentAnswer(answer: string, known: ReadonlySet<number>): AnswerSegment[] {
  const segments: AnswerSegment[] = []
  let last = 0
  for (const match of answer.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(match[1])
    if (!known.has(n)) continue
    const start = match.index ?? 0
    if (start > last) segments.push({ kind: 'text', text: answer.slice(last, start) })
    segments.push({ kind: 'cite', n })
    last = start + match[0].length
  }
  if (last < answer.length) segments.push({ kind: 'text', text: answer.slice(last) })
  return segments
}

/**
 * Where the quoted span sits in the full passage. Quotes are verbatim slices of the stored chunk,
 * so an exact match is expected; trimmed whitespace and a quote cut with "…" are tolerated.
 */
export function locateQuote(content: string, quote: string): { start: number; end: number } | null {
  const candidates = [
    quote,
    quote.trim(),
    quote
      .trim()
      .replace(/[…]+$|\.{3}$/, '')
      .trim(),
  ]
  for (const candidate of candidates) {
    if (candidate.length === 0) continue
    const start = content.indexOf(candidate)
    if (start >= 0) return { start, end: start + candidate.length }
  }
  return null
}

/** The section path as a heading and its parents: 'A > B > C' → { heading: 'C', parents: ['A', 'B'] }. */
export function splitSection(section: string): { heading: string; parents: string[] } {
  const parts = section
    .split(' > ')
    .map((part) => part.trim())
    .filter(Boolean)
  return { heading: parts.at(-1) ?? section, parents: parts.slice(0, -1) }
}

/** Chunks repeat their heading as the first line; the document page shows it once, as the heading. */
export function withoutHeadingLine(content: string, heading: string): string {
  const [first, ...rest] = content.split('\n')
  return first?.trim() === heading.trim() && rest.length > 0 ? rest.join('\n') : content
}

/** 第三条 · 第 2 页: where in the document a passage is. */
export function describeLocator(article: string | null | undefined, page: number | null | undefined): string {
  return [article && /^第.+条/.test(article) ? article : null, page ? `第 ${page} 页` : null]
    .filter(Boolean)
    .join(' · ')
}

/** Where a cited passage is read in full: /documents/<docId>#chunk-<id>. */
export const passageUrl = (docId: string, chunkId?: number): string =>
  `/documents/${encodeURIComponent(docId)}${chunkId ? `#chunk-${chunkId}` : ''}`
