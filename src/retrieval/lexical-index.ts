import type { Db } from '../db/index.ts'

/**
 * The stored full-text analysis of every chunk (its `search_vector`: jieba words with their positions),
 * held as term counts so that the lexical side of the hybrid search needs no SQL. Ranking a question
 * with PostgreSQL's ts_rank_cd cost about half of a turn (embedded database, two CPUs); the
 * same order from these counts costs microseconds. Loaded with the vocabulary, once per knowledge
 * version, so an upload on another instance is seen at the next turn.
 */
export type LexicalIndex = {
  /** Chunk ids containing each lexeme, with how many positions it has there. */
  postings: ReadonlyMap<string, ReadonlyArray<{ id: number; count: number }>>
  /** Positions per chunk: the document length ts_rank_cd normalises by. */
  lengths: ReadonlyMap<number, number>
}

export type LexemeCount = { id: number; lexeme: string; count: number }

export function createLexicalIndex(rows: LexemeCount[]): LexicalIndex {
  const postings = new Map<string, Array<{ id: number; count: number }>>()
  const lengths = new Map<number, number>()
  for (const { id, lexeme, count } of rows) {
    const list = postings.get(lexeme) ?? []
    if (list.length === 0) postings.set(lexeme, list)
    list.push({ id, count })
    lengths.set(id, (lengths.get(id) ?? 0) + count)
  }
  return { postings, lengths }
}

export async function loadLexicalIndex(db: Db): Promise<LexicalIndex> {
  // A lexeme without positions counts once, as in ts_rank_cd's document length.
  const rows = await db.query<LexemeCount>(
    `select c.id, t.lexeme, coalesce(array_length(t.positions, 1), 1) as count
     from chunks c, unnest(c.search_vector) t`,
  )
  return createLexicalIndex(rows)
}

// ts_rank_cd's default weight of an unlabelled position (class D), as PostgreSQL stores it: a float4.
const WEIGHT_D = Math.fround(0.1)

/**
 * Ids of the chunks holding any of the words, best first, as
 * `search_vector @@ ('w1' | 'w2' | …) order by ts_rank_cd(search_vector, q, 1) desc, id` gives them.
 * For a query of single words joined by OR every matched position is a cover of its own, each
 * worth the weight of class D, and normalisation 1 divides by ln(1 + length): the sum is taken in
 * the same order and precision (double, then float4) so that ties fall exactly as in the database.
 */
export function rankLexical(index: LexicalIndex, words: readonly string[], limit: number): number[] {
  // The words as the search once quoted them into to_tsquery: letters and digits only, each once.
  const lexemes = new Set(words.map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean))
  const matched = new Map<number, number>()
  for (const word of lexemes) {
    for (const { id, count } of index.postings.get(word) ?? []) matched.set(id, (matched.get(id) ?? 0) + count)
  }
  const cover = 1 / (1 / WEIGHT_D)
  const ranked = [...matched].map(([id, positions]) => {
    let rank = 0
    for (let i = 0; i < positions; i += 1) rank += cover
    return { id, rank: Math.fround(rank / Math.log((index.lengths.get(id) ?? 0) + 1)) }
  })
  return ranked
    .sort((a, b) => b.rank - a.rank || a.id - b.id)
    .slice(0, limit)
    .map((item) => item.id)
}
