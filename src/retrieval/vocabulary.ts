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
  /** Whether the document speaks of the word anywhere: a follow-up naming it stays with that document. */
  documentSays(docId: string, word: string): boolean
}

/** `docIds[i]`: the document of `texts[i]`, when known. */
export function createVocabulary(texts: string[], docIds: readonly string[] = []): Vocabulary {
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
    documentSays(docId, word) {
      return folded.some((text, index) => docIds[index] === docId && text.includes(word))
    },
  }
}

export async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const rows = await db.query<{ doc_id: string; text: string }>(
    `select c.document_id as doc_id,
            d.title || ' ' || coalesce(d.meta->>'doc_no', '') || ' ' || c.section || ' ' || c.content as text
     from chunks c join documents d on d.id = c.document_id`,
  )
  return createVocabulary(
    rows.map((row) => row.text),
    rows.map((row) => row.doc_id),
  )
}
