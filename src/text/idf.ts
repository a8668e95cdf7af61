import { idf as idfFile } from '@node-rs/jieba/dict.js'

let table: Map<string, number> | undefined
// jieba's own default for words missing from its table (its median); rarer words are not rarer than this.
const UNKNOWN_IDF = 11.7

/** Inverse document frequency of a word from jieba's shipped table: offline and the same everywhere. */
export function idfOf(word: string): number {
  return idfTable().get(word) ?? UNKNOWN_IDF
}

/** Whether jieba knows the word, rather than having joined characters it could not place ("要检"). */
export const jiebaKnows = (word: string): boolean => idfTable().has(word)

function idfTable(): Map<string, number> {
  if (!table) {
    table = new Map()
    for (const line of new TextDecoder().decode(idfFile).split('\n')) {
      const space = line.lastIndexOf(' ')
      if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)))
    }
  }
  return table
}
