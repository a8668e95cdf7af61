import type { Db } from '../db/index.ts'
import { foldText } from '../text/fold.ts'

/**
 * What the knowledge store says, as folded text per chunk. A question's word that appears nowhere
 * cannot be answered from it and is no evidence either way ("坑", "回点本"); a word in every chunk
 * of a document tells its chunks apart no better. Loaded at start and after each ingest.
 */
export type Vocabulary = {
  readonly chunkCount: number
  /** In how many chunks (with their document title and section) the word occurs. */
  documentFrequency(word: string): number
}

export function createVocabulary(texts: string[]): Vocabulary {
  const folded = texts.map(foldText)
  const cache = new Map<string, number>()
  return {
    chunkCount: folded.length,
    documentFrequency(word) {
      let count = cache.get(word)
      if (count === undefined) {
        count = folded.reduce((sum, text) => sum + (text.includes(word) ? 1 : 0), 0)
        cache.set(word, count)
      }
      return count
    },
  }
}

export async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const rows = await db.query<{ text: string }>(
    `select d.title || ' ' || coalesce(d.meta->>'doc_no', '') || ' ' || c.section || ' ' || c.content as text
     from chunks c join documents d on d.id = c.document_id`,
  )
  return createVocabulary(rows.map((row) => row.text))
}
