import { appendFileSync, copyFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import { describeSummary, ingestComplete } from '../../ingest/report.ts'
import { type Db, migrate, toVectorLiteral } from '../../src/db/index.ts'
import { createLocalEmbedder, type Embedder } from '../../src/embedding/index.ts'
import { segmentWords } from '../../src/text/segment.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { copyKnowledge } from '../support/knowledge.ts'

type ChunkRow = { id: number; document_id: string; section: string; locator: string | null; page: number | null }

const chunkRows = (db: Db) =>
  db.query<ChunkRow>('select id, document_id, section, locator, page from chunks order by document_id, ordinal')

describe.each(testDatabases)('ingest on $name', (database) => {
  let db: Db
  let knowledge: ReturnType<typeof copyKnowledge>
  const embedder = createLocalEmbedder()
  const ingest = (options: { embedder?: Embedder; reembed?: boolean } = {}) =>
    ingestKnowledge({ db, embedder: options.embedder ?? embedder, dir: knowledge.dir, reembed: options.reembed })

  beforeEach(async () => {
    db = await createMigratedDb(database)
    knowledge = copyKnowledge()
  })
  afterEach(async () => {
    await db.close()
    knowledge.remove()
  })

  it('ingests Markdown, text and a Chinese PDF with page numbers', async () => {
    const summary = await ingest()
    expect(summary.files.map((file) => [file.file, file.status])).toEqual([
      ['sample-guide.txt', 'added'],
      ['sample-order.md', 'added'],
      ['sample-regulation.pdf', 'added'],
    ])
    const rows = await chunkRows(db)
    const pdf = rows.filter((row) => row.document_id === 'sample-regulation')
    expect(pdf.map((row) => [row.locator, row.page])).toEqual([
      ['第一条', 1],
      ['第二条', 1],
      ['第三条', 2],
      ['第四条', 2],
    ])
    const [doc] = await db.query<{ title: string; meta: Record<string, string>; chunk_count: number }>(
      "select title, meta, chunk_count from documents where id = 'sample-order'",
    )
    expect(doc?.title).toBe('示例监督管理规定（条文要点）')
    expect(doc?.meta.doc_no).toBe('示例总局令第1号')
    expect(doc?.chunk_count).toBe(3)
  })

  it('changes nothing when run again on unchanged files', async () => {
    await ingest()
    const before = await chunkRows(db)
    const again = await ingest()
    expect(again.files.every((file) => file.status === 'unchanged')).toBe(true)
    expect(await chunkRows(db)).toEqual(before)
  })

  it('replaces only the chunks of an edited file and removes a deleted one', async () => {
    await ingest()
    const before = await chunkRows(db)
    appendFileSync(join(knowledge.dir, 'sample-order.md'), '\n## 第三条 附则\n\n本规定自发布之日起施行。\n')
    rmSync(join(knowledge.dir, 'sample-guide.txt'))
    const summary = await ingest()
    expect(summary.files.find((file) => file.file === 'sample-order.md')?.status).toBe('updated')
    expect(summary.removed).toEqual(['sample-guide'])
    const after = await chunkRows(db)
    const pdfIds = (rows: ChunkRow[]) =>
      rows.filter((row) => row.document_id === 'sample-regulation').map((row) => row.id)
    expect(pdfIds(after)).toEqual(pdfIds(before))
    expect(after.filter((row) => row.document_id === 'sample-order').map((row) => row.locator)).toEqual([
      null,
      '第一条',
      '第二条',
      '第三条',
    ])
    expect(after.some((row) => row.document_id === 'sample-guide')).toBe(false)
  })

  it('reports a corrupt PDF by name and skips it, keeping what was stored before', async () => {
    await ingest()
    const before = await chunkRows(db)
    copyFileSync('test/fixtures/pdf/corrupt.pdf', join(knowledge.dir, 'sample-regulation.pdf'))
    writeFileSync(join(knowledge.dir, 'broken.pdf'), 'not a pdf at all')
    const summary = await ingest()
    const failed = summary.files.filter((file) => file.status === 'failed')
    expect(failed.map((file) => file.file).sort()).toEqual(['broken.pdf', 'sample-regulation.pdf'])
    for (const file of failed) expect('reason' in file && file.reason.length).toBeGreaterThan(0)
    // A file left out fails the run, and the summary names it with its reason.
    expect(ingestComplete(summary)).toBe(false)
    expect(describeSummary(summary)).toMatch(/有 2 个文件未能入库：broken\.pdf（.+）；sample-regulation\.pdf（.+）/)
    expect(await chunkRows(db)).toEqual(before)
  })

  it('is complete when every file went in', async () => {
    const summary = await ingest()
    expect(ingestComplete(summary)).toBe(true)
    expect(describeSummary(summary)).not.toContain('未能入库')
  })

  it('ingests a .txt that is one long line: its text as the body, a title from its first sentence', async () => {
    const passage =
      '吕志兴，生于香港，香港职业足球运动员，司职防守中场，现时效力香港超级联赛球队和富大埔。他小时候在大埔区长大，后来加入青年军。'
    writeFileSync(join(knowledge.dir, 'bare-passage.txt'), passage)
    writeFileSync(
      join(knowledge.dir, 'titled-passage.txt'),
      `马飚\n\n马飚，壮族，广西田阳人。1985年6月加入中国共产党。`,
    )
    const summary = await ingest()
    expect(summary.files.filter((file) => file.status === 'failed')).toEqual([])
    const documents = await db.query<{ id: string; title: string }>(
      "select id, title from documents where id in ('bare-passage', 'titled-passage') order by id",
    )
    expect(documents).toEqual([
      { id: 'bare-passage', title: '吕志兴，生于香港，香港职业足球运动员，司职防守中场…' },
      { id: 'titled-passage', title: '马飚' },
    ])
    const [bare] = await db.query<{ content: string }>(
      "select string_agg(content, '' order by ordinal) as content from chunks where document_id = 'bare-passage'",
    )
    expect(bare?.content).toContain(passage)
  })

  it('re-runs migrations cleanly', async () => {
    expect(await migrate(db)).toEqual([])
    expect(await migrate(db)).toEqual([])
  })

  it('finds chunks again by vector and by jieba lexical search', async () => {
    await ingest()
    const question = '检定不合格的计量器具还能继续使用吗？'
    const vector = toVectorLiteral(await embedder.embedQuery(question))
    const [nearest] = await db.query<{ document_id: string; locator: string }>(
      'select document_id, locator from chunks order by embedding <=> $1 limit 1',
      [vector],
    )
    expect(nearest?.document_id).toBe('sample-regulation')
    const terms = segmentWords('充电器生产单位').join(' | ')
    const lexical = await db.query<{ document_id: string; locator: string }>(
      `select document_id, locator from chunks where search_vector @@ to_tsquery('simple', $1)
       order by ts_rank(search_vector, to_tsquery('simple', $1)) desc`,
      [terms],
    )
    expect(lexical[0]).toEqual({ document_id: 'sample-order', locator: '第二条' })
  })

  it('refuses vectors of another model unless asked to re-embed everything', async () => {
    await ingest()
    const other = createLocalEmbedder(256)
    await expect(ingest({ embedder: { ...other, model: 'another-model' } })).rejects.toThrow(/--reembed/)
    const summary = await ingest({ embedder: { ...other, model: 'another-model' }, reembed: true })
    expect(summary.reembedded).toBe(true)
    expect(summary.files.every((file) => file.status === 'updated')).toBe(true)
    const [space] = await db.query<{ model: string; dimension: number }>('select model, dimension from embedding_space')
    expect(space).toEqual({ model: 'another-model', dimension: 256 })
    const [missing] = await db.query<{ count: number }>(
      'select count(*)::int as count from chunks where embedding is null',
    )
    expect(missing?.count).toBe(0)
  })
})
