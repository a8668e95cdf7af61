import type { ChunkRecord } from '../retrieval/chunks-repo.ts'

/** What an answer's [n] points to: enough to name the source in words and open it. */
export type Citation = {
  n: number
  chunkId: number
  docId: string
  title: string
  section: string
  article?: string
  page?: number
  /** The span actually used: a verbatim slice of the stored chunk. */
  quote: string
  score: number
}

export function citationFor(n: number, chunk: ChunkRecord, quote: string, score: number): Citation {
  return {
    n,
    chunkId: chunk.id,
    docId: chunk.docId,
    title: chunk.title,
    section: chunk.section,
    ...(chunk.locator ? { article: chunk.locator } : {}),
    ...(chunk.page ? { page: chunk.page } : {}),
    quote,
    score: Math.round(score * 1000) / 1000,
  }
}

/** Where in a document a chunk is, said the way a person would look it up. */
export function describeLocation(chunk: Pick<ChunkRecord, 'locator' | 'section'>): string {
  if (chunk.locator && /^第.+条/.test(chunk.locator)) return chunk.locator
  const last = chunk.section.split(' > ').at(-1) ?? chunk.section
  return `“${last}”部分`
}

/** Every [n] in a text, in order of appearance. */
export const citationMarkers = (text: string): number[] =>
  [...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]))

/**
 * Checks an answer against its citations: each [n] exists, each quote is really in its chunk.
 * Returns what is wrong, or an empty list.
 */
export function checkCitations(answer: string, citations: Citation[], chunks: Map<number, ChunkRecord>): string[] {
  const problems: string[] = []
  const known = new Set(citations.map((citation) => citation.n))
  for (const n of citationMarkers(answer)) if (!known.has(n)) problems.push(`[${n}] has no citation`)
  for (const citation of citations) {
    const chunk = chunks.get(citation.chunkId)
    if (!chunk) problems.push(`[${citation.n}] cites chunk ${citation.chunkId}, which was not retrieved`)
    else if (!chunk.content.includes(citation.quote)) problems.push(`[${citation.n}] quote is not in chunk ${chunk.id}`)
  }
  return problems
}
