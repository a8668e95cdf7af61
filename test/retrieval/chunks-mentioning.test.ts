import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import type { Db } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { type ChunkCatalogue, chunksMentioning, loadChunkCatalogue } from '../../src/retrieval/chunks-repo.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'

// What the answerer asked the database before the lookup moved into process: the reference it must equal.
const MENTIONING_IN_SQL = `select c.id from chunks c where lower(c.content) like all($1::text[])
  order by c.document_id, c.ordinal limit $2`

// Numbers and codes as the prepared question gives them (lower case), some in many chunks of several
// documents (2023: the limit cuts in document order), some together, one in none.
const TERMS = [['12315'], ['2023'], ['ccc'], ['iso', '9001'], ['gb', '19001'], ['2025', 'ccc'], ['12365789']]

describe.each(testDatabases)('the chunks that say a number or code, on $name', (database) => {
  let db: Db
  let catalogue: ChunkCatalogue
  beforeAll(async () => {
    db = await createMigratedDb(database)
    await ingestKnowledge({ db, embedder: createLocalEmbedder(), dir: 'knowledge' })
    catalogue = await loadChunkCatalogue(db)
  })
  afterAll(() => db.close())

  it('are those the SQL lookup found, in its order, up to the limit', async () => {
    for (const terms of TERMS) {
      for (const limit of [3, 100]) {
        const expected = await db.query<{ id: number }>(MENTIONING_IN_SQL, [terms.map((term) => `%${term}%`), limit])
        const got = chunksMentioning(catalogue, terms, limit).map((chunk) => chunk.id)
        expect(got, terms.join(' ')).toEqual(expected.map((row) => row.id))
      }
    }
    expect(chunksMentioning(catalogue, ['2023'], 100).length).toBeGreaterThan(3)
    expect(chunksMentioning(catalogue, ['12365789'], 100)).toEqual([])
  })
})
