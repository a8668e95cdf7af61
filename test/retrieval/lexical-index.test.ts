import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import { type Db, toVectorLiteral } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { embedQuestion } from '../../src/query/question-vector.ts'
import { loadChunkCatalogue } from '../../src/retrieval/chunks-repo.ts'
import { fuseRanks } from '../../src/retrieval/fusion.ts'
import { type LexicalIndex, loadLexicalIndex, rankLexical } from '../../src/retrieval/lexical-index.ts'
import { searchEach } from '../../src/retrieval/search.ts'
import { loadVectorIndex, nearestChunks, type VectorIndex } from '../../src/retrieval/vector-index.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { GLOSSARY_FILE, loadGlossary } from '../../src/text/glossary.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'

// What the search asked PostgreSQL before the index: the reference the in-process ranking must equal.
const RANKED_IN_SQL = `select id from chunks, to_tsquery('simple', $1) q
  where search_vector @@ q order by ts_rank_cd(search_vector, q, 1) desc, id limit 20`

// The search as one statement before the fusion moved into process: the reference it must equal.
const FUSED_IN_SQL = `
with lexical as (
  select id, rank from unnest($1::int[]) with ordinality as ranked(id, rank)
),
nearest as (
  select id, similarity, row_number() over (order by distance, id) as rank
  from (select id, embedding <=> $2::vector as distance, 1 - (embedding <=> $2::vector) as similarity
        from chunks where $2::vector is not null and embedding is not null
        order by embedding <=> $2::vector limit 20) ranked
),
fused as (
  select coalesce(l.id, v.id) as id, l.rank as lexical_rank, v.rank as vector_rank, v.similarity,
         coalesce(1.0 / (61 + l.rank), 0) + coalesce(1.0 / (61 + v.rank), 0) as score
  from lexical l full outer join nearest v on v.id = l.id
)
select c.id, f.score, f.similarity, f.lexical_rank, f.vector_rank
from fused f join chunks c on c.id = f.id
order by f.score desc, c.id
limit $3`

const QUESTIONS = [
  'CCC免办需要哪些材料？',
  '电子秤多久检定一次',
  '投诉和举报有什么区别',
  '75号令对主要负责人有什么要求？',
  '质量月有哪些活动',
  'ISO9001证书有效期几年',
  '3c认证',
  '浦东哪个小区的房子值得买',
]

const orNull = (value: unknown) => (value === null ? null : Number(value))

describe.each(testDatabases)('the lexical index and the fused search on $name', (database) => {
  let db: Db
  let index: LexicalIndex
  const embedder = createLocalEmbedder()
  const glossary = loadGlossary(`knowledge/${GLOSSARY_FILE}`)
  beforeAll(async () => {
    db = await createMigratedDb(database)
    await ingestKnowledge({ db, embedder, dir: 'knowledge' })
    index = await loadLexicalIndex(db)
  })
  afterAll(() => db.close())

  it('ranks the chunks as ts_rank_cd over the stored search vectors does, ties included', async () => {
    for (const question of QUESTIONS) {
      const words = prepareQuestion(question, { glossary, vocabulary: createVocabulary([]) }).searchWords
      const terms = words.map((word) => `'${word.replace(/[^\p{L}\p{N}]/gu, '')}'`).join(' | ')
      const expected = (await db.query<{ id: number }>(RANKED_IN_SQL, [terms])).map((row) => row.id)
      expect(expected.length).toBeGreaterThan(0)
      expect(rankLexical(index, words, 20), question).toEqual(expected)
    }
  })

  it('fuses the two rankings as the single SQL statement did: scores, similarities, ranks and order', async () => {
    const vectors = await loadVectorIndex(db)
    const search = { db, embedder, lexicon: index, passages: await loadChunkCatalogue(db), vectors }
    for (const text of QUESTIONS) {
      const question = prepareQuestion(text, { glossary, vocabulary: createVocabulary([]) })
      const lexical = rankLexical(index, question.searchWords, 20)
      const vector = toVectorLiteral(await embedQuestion(embedder, question))
      const expected = (await db.query<Record<string, unknown>>(FUSED_IN_SQL, [lexical, vector, 12])).map((row) => ({
        id: row.id,
        score: Number(row.score),
        similarity: orNull(row.similarity),
        lexicalRank: orNull(row.lexical_rank),
        vectorRank: orNull(row.vector_rank),
      }))
      const [found = []] = await searchEach(search, [question], { limit: 12 })
      const got = found.map(({ id, score, similarity, lexicalRank, vectorRank }) => ({
        id,
        score,
        similarity,
        lexicalRank,
        vectorRank,
      }))
      if (database.name === 'pglite') expect(got, text).toEqual(expected)
      else {
        // PostgreSQL's native pgvector sums in SIMD lanes, in another order: its similarities differ from
        // the in-process ones (the embedded store's, bit for bit) in the last float32 bits, never in rank.
        const withoutSimilarity = (rows: { similarity: number | null }[]) =>
          rows.map((row) => ({ ...row, similarity: null }))
        expect(withoutSimilarity(got), text).toEqual(withoutSimilarity(expected))
        for (const [i, row] of got.entries()) expect(row.similarity ?? 0).toBeCloseTo(expected[i]?.similarity ?? 0, 6)
      }
      expect(found[0]?.content.length).toBeGreaterThan(0)
    }
  })

  it('searches several questions in one go exactly as each alone', async () => {
    const search = {
      db,
      embedder,
      lexicon: index,
      passages: await loadChunkCatalogue(db),
      vectors: await loadVectorIndex(db),
    }
    const questions = QUESTIONS.map((text) => prepareQuestion(text, { glossary, vocabulary: createVocabulary([]) }))
    const together = await searchEach(search, questions, { limit: 12 })
    for (const [i, question] of questions.entries()) {
      const [alone] = await searchEach(search, [question], { limit: 12 })
      expect(together[i], question.text).toEqual(alone)
    }
  })

  it.runIf(database.name === 'pglite')(
    'computes every cosine distance as the embedded pgvector does, bit for bit',
    async () => {
      const vectors = (await loadVectorIndex(db)) as VectorIndex
      for (const text of QUESTIONS) {
        const query = await embedQuestion(
          embedder,
          prepareQuestion(text, { glossary, vocabulary: createVocabulary([]) }),
        )
        const expected = await db.query<{ id: number; distance: number }>(
          'select id, embedding <=> $1::vector as distance from chunks where embedding is not null order by distance, id',
          [toVectorLiteral(query)],
        )
        const got = nearestChunks(vectors, query, vectors.ids.length)
        expect(got, text).toEqual(expected.map((row) => ({ id: row.id, distance: Number(row.distance) })))
      }
    },
  )

  it('finds nothing for words no chunk has', () => {
    expect(rankLexical(index, ['不存在的词语'], 20)).toEqual([])
  })
})

describe('fuseRanks', () => {
  it('breaks a tie of fused scores by chunk id, as the statement ordered them', () => {
    // Lexical 1st + vector 2nd against lexical 2nd + vector 1st: the same score, so the lower id first.
    const fused = fuseRanks(
      [7, 3],
      [
        { id: 3, distance: 0.1 },
        { id: 7, distance: 0.2 },
      ],
      61,
    )
    expect(fused.map((item) => item.id)).toEqual([3, 7])
    expect(fused[0]?.score).toBe(fused[1]?.score)
  })
})
