import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import type { Db } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { type LexicalIndex, loadLexicalIndex, rankLexical } from '../../src/retrieval/lexical-index.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { GLOSSARY_FILE, loadGlossary } from '../../src/text/glossary.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'

// What the search asked PostgreSQL before the index: the reference the in-process ranking must equal.
const RANKED_IN_SQL = `select id from chunks, to_tsquery('simple', $1) q
  where search_vector @@ q order by ts_rank_cd(search_vector, q, 1) desc, id limit 20`

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

describe.each(testDatabases)('the lexical index on $name', (database) => {
  let db: Db
  let index: LexicalIndex
  const glossary = loadGlossary(`knowledge/${GLOSSARY_FILE}`)
  beforeAll(async () => {
    db = await createMigratedDb(database)
    await ingestKnowledge({ db, embedder: createLocalEmbedder(), dir: 'knowledge' })
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

  it('finds nothing for words no chunk has', () => {
    expect(rankLexical(index, ['不存在的词语'], 20)).toEqual([])
  })
})
