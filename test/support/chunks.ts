import { analyseChunk } from '../../src/retrieval/chunk-analysis.ts'
import type { ChunkRecord } from '../../src/retrieval/chunks-repo.ts'
import type { ScoredChunk } from '../../src/retrieval/search.ts'

/** An inline chunk shaped like the stored ones (a heading line, then the body as ingest keeps it), ranked `id`th. */
export function scoredChunk(id: number, section: string, content: string, title: string): ScoredChunk {
  const text: Omit<ChunkRecord, 'analysis'> = {
    id,
    docId: 'guide',
    ordinal: id,
    title,
    meta: {},
    section,
    locator: null,
    page: null,
    content,
  }
  return {
    ...text,
    analysis: analyseChunk(text),
    score: 1 / (60 + id),
    similarity: null,
    lexicalRank: id,
    vectorRank: id,
  }
}
