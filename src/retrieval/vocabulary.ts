import { bareText, foldText } from '../text/fold.ts'
import { soundIndexOf } from '../text/sounds.ts'
import type { ChunkRecord } from './chunks-repo.ts'

/**
 * What the knowledge store says, as folded text per chunk. A question's word that appears nowhere
 * cannot be answered from it and is no evidence either way ("坑", "回点本"); a word in every chunk
 * of a document tells its chunks apart no better. Built at start and after each ingest.
 */
export type Vocabulary = {
  readonly chunkCount: number
  /** In how many chunks (with their document title and section) the word occurs. */
  documentFrequency(word: string): number
  /** Whether the document speaks of the word anywhere: a follow-up naming it stays with that document. */
  documentSays(docId: string, word: string): boolean
  /**
   * The distinct stretches of text a pattern (with the g flag) matches anywhere in the store, each with the
   * `after` characters that follow it (where the word it ends inside runs on to).
   */
  stretchesMatching(pattern: RegExp, after: number): string[]
  /** The word of the store spelled so in toneless pinyin ("zhiliang" → 质量), or null: src/text/sounds.ts. */
  soundsLike(spelled: string): string | null
  /** Whether a document's title says the word ("投诉", "电子秤", "质量月"): the store's matters by name. */
  titleSays(word: string): boolean
}

const STRETCH_CACHE_SIZE = 5_000

/** `docIds[i]`: the document of `texts[i]`, when known; `titles`: the documents' titles. */
export function createVocabulary(
  texts: string[],
  docIds: readonly string[] = [],
  titles: readonly string[] = [],
): Vocabulary {
  const folded = texts.map(foldText)
  const bareTitles = titles.map(bareText)
  const cache = new Map<string, number>()
  const stretches = new Map<string, string[]>()
  // Built at the first question typed partly in pinyin: segmenting every chunk costs tens of milliseconds.
  let sounds: Map<string, string> | null = null
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
    stretchesMatching(pattern, after) {
      // An abbreviation is looked for in every chunk; the same words come back in question after question.
      const key = `${pattern.source}/${pattern.flags}/${after}`
      const known = stretches.get(key)
      if (known) return known
      const found = [
        ...new Set(
          folded.flatMap((text) =>
            [...text.matchAll(pattern)].map((match) => text.slice(match.index, match.index + match[0].length + after)),
          ),
        ),
      ]
      if (stretches.size >= STRETCH_CACHE_SIZE) stretches.clear()
      stretches.set(key, found)
      return found
    },
    soundsLike(spelled) {
      sounds ??= soundIndexOf(folded)
      return sounds.get(spelled) ?? null
    },
    titleSays(word) {
      const said = bareText(word)
      return said !== '' && bareTitles.some((title) => title.includes(said))
    },
  }
}

/** The vocabulary of the catalogue's chunks, each with its document's title and number and its section. */
export function vocabularyOf(chunks: Iterable<ChunkRecord>): Vocabulary {
  const list = [...chunks]
  return createVocabulary(
    list.map((chunk) => `${chunk.title} ${chunk.meta.doc_no ?? ''} ${chunk.section} ${chunk.content}`),
    list.map((chunk) => chunk.docId),
    [...new Set(list.map((chunk) => chunk.title))],
  )
}
