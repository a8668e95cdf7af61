import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestKnowledge } from '../../ingest/pipeline.ts'
import type { Db } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { createTestApp } from '../support/app.ts'
import { createMigratedDb, testDatabases } from '../support/databases.ts'
import { staffWithToken } from '../support/tickets.ts'
import { ask, fixtureFile, upload, uploadForm } from '../support/uploads.ts'

const PDF = 'test/fixtures/upload/elevator-maintenance.pdf'
const MD = 'test/fixtures/upload/toy-safety.md'
const DOCX = 'test/fixtures/upload/optical-shops.docx'

describe.each(testDatabases)('documents in the staff console on $name', (database) => {
  let db: Db
  let app: FastifyInstance
  let supervisor: { token: string }
  let agent: { token: string }
  const documents = async () =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/staff/documents',
        headers: { authorization: `Bearer ${agent.token}` },
      })
    ).json().documents as Array<{ docId: string; origin: string; chunkCount: number; fileName: string | null }>

  beforeAll(async () => {
    db = await createMigratedDb(database)
    ;({ app } = await createTestApp(db, { knowledge: 'test/fixtures/knowledge', env: { INGEST_MAX_FILE_MB: '0.1' } }))
    supervisor = await staffWithToken(db, '李主管', 'supervisor')
    agent = await staffWithToken(db, '张三', 'agent')
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('ingests an uploaded PDF in the server: the next question is answered from it, and scanned pages are named', async () => {
    expect((await ask(app, '电梯多久维护保养一次？')).grounded).toBe(false)
    const response = await upload(app, supervisor.token, uploadForm(fixtureFile(PDF)))
    expect(response.statusCode).toBe(201)
    const report = response.json()
    expect(report).toMatchObject({ docId: 'elevator-maintenance', status: 'added' })
    expect(report.chunks).toBeGreaterThanOrEqual(3)
    expect(report.warnings.join('\n')).toMatch(/第 3 页没有可读取的文字/)
    expect(report.preview.map((chunk: { locator: string }) => chunk.locator)).toContain('第三条')
    const answer = await ask(app, '电梯多久维护保养一次？')
    expect(answer.grounded).toBe(true)
    expect(answer.citations[0]).toMatchObject({ docId: 'elevator-maintenance', article: '第三条', page: 2 })
  })

  it('takes Markdown with metadata fields and Word documents', async () => {
    const md = await upload(app, supervisor.token, uploadForm(fixtureFile(MD), { doc_no: '示例〔2026〕1号' }))
    expect(md.statusCode).toBe(201)
    expect(md.json()).toMatchObject({ docId: 'toy-safety', status: 'added', warnings: [] })
    const docx = await upload(app, supervisor.token, uploadForm(fixtureFile(DOCX)))
    expect(docx.statusCode).toBe(201)
    expect(docx.json().preview.map((chunk: { locator: string }) => chunk.locator)).toEqual(['第一条', '第二条'])
    const listed = await documents()
    expect(listed.find((doc) => doc.docId === 'toy-safety')).toMatchObject({
      origin: 'upload',
      fileName: 'toy-safety.md',
    })
    expect(listed.find((doc) => doc.docId === 'sample-order')).toMatchObject({ origin: 'folder', fileName: null })
    expect((await ask(app, '验光仪多久检定一次？')).citations[0]?.docId).toBe('optical-shops')
  })

  it('replaces a document by uploading it again: unchanged bytes are skipped, changed ones replace the chunks', async () => {
    const again = await upload(app, supervisor.token, uploadForm(fixtureFile(MD), { doc_no: '示例〔2026〕1号' }))
    expect(again.statusCode).toBe(200)
    expect(again.json().status).toBe('unchanged')
    const changed = `${fixtureFile(MD).bytes.toString('utf8')}\n## 三、召回\n\n生产者发现玩具存在缺陷的，应当立即停止生产销售并实施召回。\n`
    const replaced = await upload(app, supervisor.token, uploadForm({ name: 'toy-safety.md', bytes: changed }))
    expect(replaced.json()).toMatchObject({ status: 'updated' })
    expect((await documents()).find((doc) => doc.docId === 'toy-safety')?.chunkCount).toBe(replaced.json().chunks)
    expect((await ask(app, '玩具有缺陷要召回吗？')).citations[0]?.docId).toBe('toy-safety')
  })

  it('warns about article-like lines it did not recognise and about very long chunks', async () => {
    const text = [
      '示例告知书',
      '第一条　本告知书用于测试。',
      '第 二 条　编号里有空格的条款。',
      `第三条　${'很长的一句话，没有句末标点'.repeat(100)}`,
    ].join('\n')
    const response = await upload(app, supervisor.token, uploadForm({ name: 'notice.txt', bytes: text }))
    expect(response.statusCode).toBe(201)
    const warnings = response.json().warnings.join('\n')
    expect(warnings).toMatch(/“第 二 条.编号里有空格…” 像是条款标题，但没有被识别为条款/)
    expect(warnings).toMatch(/“第三条”.*超过 700 字没有句末标点，已被强制切断/)
  })

  it('refuses wrong types, broken files, oversize files and agents with a clear 4xx, keeping what was there', async () => {
    const before = await documents()
    const cases = [
      {
        form: uploadForm({ name: 'virus.exe', bytes: 'MZ' }),
        status: 415,
        message: /请上传 \.md、\.txt、\.pdf 或 \.docx/,
      },
      {
        form: uploadForm({ name: 'toy-safety.pdf', bytes: fixtureFile('test/fixtures/pdf/corrupt.pdf').bytes }),
        status: 422,
        message: /无法读取/,
      },
      { form: uploadForm({ name: 'toy-safety.docx', bytes: 'not a zip' }), status: 422, message: /无法读取/ },
      {
        form: uploadForm({ name: 'toy-safety.txt', bytes: Buffer.from([0xff, 0xfe, 0x00, 0x41]) }),
        status: 422,
        message: /UTF-8/,
      },
      { form: uploadForm({ name: 'big.md', bytes: '大'.repeat(50_000) }), status: 413, message: /超过 0\.1 MiB/ },
      { form: uploadForm({ name: 'sample-order.md', bytes: '# 覆盖' }), status: 409, message: /knowledge\// },
      { form: uploadForm({ name: '../x.md', bytes: '# x' }, { docId: '../../etc' }), status: 400, message: /文件编号/ },
    ]
    for (const { form, status, message } of cases) {
      const response = await upload(app, supervisor.token, form)
      expect(response.statusCode, await response.body).toBe(status)
      expect(response.json().message).toMatch(message)
    }
    const json = await app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: { authorization: `Bearer ${supervisor.token}` },
      payload: { file: 'x' },
    })
    expect(json.statusCode).toBe(415)
    const byAgent = await upload(app, agent.token, uploadForm(fixtureFile(MD)))
    expect(byAgent.statusCode).toBe(403)
    expect(byAgent.json().message).toMatch(/只有主管可以上传文件/)
    expect(await documents()).toEqual(before)
  })

  it('a folder ingest neither removes nor replaces uploaded documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-folder-'))
    writeFileSync(join(dir, 'toy-safety.md'), '# 同名的目录文件\n\n不应覆盖上传的文件。')
    const summary = await ingestKnowledge({ db, embedder: createLocalEmbedder(), dir })
    rmSync(dir, { recursive: true })
    expect(summary.files).toEqual([expect.objectContaining({ file: 'toy-safety.md', status: 'failed' })])
    expect(summary.removed).toEqual(expect.arrayContaining(['sample-order']))
    expect(summary.removed).not.toContain('elevator-maintenance')
    const listed = await documents()
    expect(
      listed
        .filter((doc) => doc.origin === 'upload')
        .map((doc) => doc.docId)
        .sort(),
    ).toEqual(['elevator-maintenance', 'notice', 'optical-shops', 'toy-safety'])
    expect(listed.some((doc) => doc.origin === 'folder')).toBe(false)
    await ingestKnowledge({ db, embedder: createLocalEmbedder(), dir: 'test/fixtures/knowledge' })
  })

  it('shows the chunks of a document with heading paths and locators', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/staff/documents/toy-safety/chunks',
      headers: { authorization: `Bearer ${agent.token}` },
    })
    expect(response.statusCode).toBe(200)
    const sections = response.json().chunks.map((chunk: { section: string }) => chunk.section)
    expect(sections).toContain('一、选购玩具 > 2．注意小零件')
  })

  it('deletes an upload (its answers go with it) but not a folder document', async () => {
    const del = (docId: string, token = supervisor.token) =>
      app.inject({
        method: 'DELETE',
        url: `/api/staff/documents/${docId}`,
        headers: { authorization: `Bearer ${token}` },
      })
    expect((await del('elevator-maintenance', agent.token)).statusCode).toBe(403)
    expect((await del('sample-order')).statusCode).toBe(409)
    expect((await del('elevator-maintenance')).statusCode).toBe(200)
    expect((await del('elevator-maintenance')).statusCode).toBe(404)
    const answer = await ask(app, '电梯多久维护保养一次？')
    expect(answer.citations.some((citation: { docId: string }) => citation.docId === 'elevator-maintenance')).toBe(
      false,
    )
  })
})
