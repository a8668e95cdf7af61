import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDeflate } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chunkDocument } from '../../ingest/chunk.ts'
import { DEFAULT_INGEST_LIMITS, type IngestLimits, MAX_SECTION_CHARS } from '../../ingest/limits.ts'
import { loadDocument } from '../../ingest/loaders/index.ts'
import { normaliseLines } from '../../ingest/normalise.ts'
import { type FileOutcome, ingestKnowledge } from '../../ingest/pipeline.ts'
import { MAX_ANSWER_CHARS } from '../../src/answer/answer-length.ts'
import { createPgliteDb, type Db, migrate } from '../../src/db/index.ts'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { createTestApp } from '../support/app.ts'

const MB = 1024 * 1024
const embedder = createLocalEmbedder()

/** Runs `work`, sampling this process's memory: the peak growth over the start, in MB, and the time. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  const baseline = process.memoryUsage.rss()
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 10)
  const started = performance.now()
  try {
    const result = await work()
    return { result, ms: performance.now() - started, peakMb: (peak - baseline) / MB }
  } finally {
    clearInterval(sampler)
  }
}

/** A one-page PDF whose content stream inflates to `inflatedMb` of zeros from a few hundred KB. */
async function compressionBomb(inflatedMb: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const zeros = Buffer.alloc(MB)
  for (let i = 0; i < inflatedMb; i++) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  const stream = Buffer.concat(parts)
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ]
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  const offsets: number[] = []
  let length = chunks[0]!.length
  const push = (buffer: Buffer) => {
    chunks.push(buffer)
    length += buffer.length
  }
  objects.forEach((body, index) => {
    offsets.push(length)
    push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`))
  })
  offsets.push(length)
  push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`))
  push(stream)
  push(Buffer.from('\nendstream\nendobj\n'))
  const xref = length
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  )
  return Buffer.concat(chunks)
}

const GOOD =
  '---\ntitle: 电子秤检定须知\n---\n# 电子秤检定须知\n\n## 一、检定周期\n\n电子秤的检定周期一般不超过一年。\n'

describe('hostile knowledge files', () => {
  let db: Db
  let dir: string
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS, maxFileBytes: MB, pdfMaxMemoryMb: 128 }
  const ingest = async (overrides: Partial<IngestLimits> = {}) => {
    const outcomes = new Map<string, FileOutcome>()
    await ingestKnowledge({
      db,
      embedder,
      dir,
      limits: { ...limits, ...overrides },
      onFile: (outcome) => outcomes.set(outcome.file, outcome),
    })
    return outcomes
  }

  beforeAll(async () => {
    db = await createPgliteDb()
    await migrate(db)
    dir = mkdtempSync(join(tmpdir(), 'qd-hostile-'))
  })
  afterAll(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a file over the size limit and keeps what was stored for it', async () => {
    writeFileSync(join(dir, 'scales.md'), GOOD)
    expect((await ingest()).get('scales.md')).toMatchObject({ status: 'added' })
    writeFileSync(join(dir, 'scales.md'), `# 标题\n${'电子秤检定'.repeat((2 * MB) / 15)}`)
    const outcome = (await ingest()).get('scales.md')
    expect(outcome).toMatchObject({ status: 'failed' })
    expect((outcome as { reason: string }).reason).toMatch(/超过上限 1\.0 MB（INGEST_MAX_FILE_MB）/)
    const [chunk] = await db.query<{ content: string }>("select content from chunks where document_id = 'scales'")
    expect(chunk?.content).toContain('检定周期一般不超过一年')
    rmSync(join(dir, 'scales.md'))
  })

  it('cuts a 1 MB one-line file without punctuation in linear time into chunks of at most 700 characters', async () => {
    // 10 MB of it became one chunk, and a 3.58-million-character answer, before the hard split.
    const path = join(dir, 'one-line.md')
    writeFileSync(path, `# 一行\n${'市场监管部门负责计量器具检定工作'.repeat(MB / 3 / 16)}`)
    const { result: chunks, ms } = await measured(async () => {
      const loaded = await loadDocument(path, undefined, limits)
      return chunkDocument({ ...loaded, lines: normaliseLines(loaded.lines, loaded.format) })
    })
    expect(chunks.length).toBeGreaterThan(400)
    expect(Math.max(...chunks.map((chunk) => chunk.content.length))).toBeLessThanOrEqual(700)
    // Measured 0.1 s; a quadratic scan takes minutes on this much.
    expect(ms).toBeLessThan(10_000)
    rmSync(path)
  })

  it('strips a long run of spaces and a long heading in linear time', async () => {
    const line = `a${' '.repeat(200_000)}b`
    const { ms } = await measured(async () => {
      normaliseLines([{ text: line }], 'md')
      chunkDocument({
        id: 'x',
        path: 'x.md',
        format: 'md',
        title: 'x',
        meta: {},
        lines: [{ text: `## a${' '.repeat(200_000)}b` }, { text: '正文。' }],
      })
    })
    // Measured under 50 ms; /\s+$/ and a lazy heading pattern took tens of seconds on this.
    expect(ms).toBeLessThan(5_000)
  })

  it('keeps a heading explosion small: one long heading over 1,000 sub-headings', async () => {
    const subHeadings = Array.from({ length: 1_000 }, (_, i) => `### 子项${i + 1}\n\n第${i + 1}项内容。`).join('\n\n')
    writeFileSync(join(dir, 'headings.md'), `# 标题\n\n## ${'很长的标题'.repeat(20_000)}\n\n${subHeadings}\n`)
    const { result, ms } = await measured(() => ingest())
    expect(result.get('headings.md')).toMatchObject({ status: 'added' })
    const [stored] = await db.query<{ chunks: number; longest: number; bytes: number }>(
      `select count(*)::int as chunks, max(length(section))::int as longest,
              sum(octet_length(section) + octet_length(content))::int as bytes
       from chunks where document_id = 'headings'`,
    )
    expect(stored?.chunks).toBeGreaterThanOrEqual(1_000)
    expect(stored?.longest).toBeLessThanOrEqual(MAX_SECTION_CHARS)
    // 1,000 chunks of a few hundred bytes, where the whole heading in every path made 394 MB.
    expect(stored?.bytes).toBeLessThan(2 * MB)
    expect(ms).toBeLessThan(120_000)
    rmSync(join(dir, 'headings.md'))
  }, 180_000)

  it('stops a PDF compression bomb at the memory limit and keeps the server process small', async () => {
    // 1 GB of zeros in 1 MB of file.
    writeFileSync(join(dir, 'bomb.pdf'), await compressionBomb(1_000))
    const { result, ms, peakMb } = await measured(() => ingest({ maxFileBytes: 4 * MB }))
    const outcome = result.get('bomb.pdf')
    expect(outcome).toMatchObject({ status: 'failed' })
    expect((outcome as { reason: string }).reason).toMatch(/INGEST_PDF_MAX_MEMORY_MB|INGEST_PDF_TIMEOUT_MS/)
    // 128 MB for the worker plus what one sampling interval lets through; 5.7 GB in the server before.
    expect(peakMb).toBeLessThan(600)
    expect(ms).toBeLessThan(60_000)
    rmSync(join(dir, 'bomb.pdf'))
  }, 120_000)

  it('refuses a PDF over the page limit', async () => {
    const outcomes = new Map<string, FileOutcome>()
    await ingestKnowledge({
      db,
      embedder,
      dir: 'test/fixtures/knowledge',
      limits: { ...limits, pdfMaxPages: 1 },
      onFile: (outcome) => outcomes.set(outcome.file, outcome),
    })
    const outcome = outcomes.get('sample-regulation.pdf') as { reason: string }
    expect(outcome.reason).toBe('PDF 共 2 页，超过上限 1 页（INGEST_PDF_MAX_PAGES）；请拆分文件或调高上限')
  })
})

describe('answers from a hostile document', () => {
  let db: Db
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qd-hostile-answer-'))
    // No sentence end anywhere: before the hard split this was one chunk and the whole line the answer.
    writeFileSync(
      join(dir, 'no-stop.md'),
      `---\ntitle: 电子秤检定说明\n---\n# 电子秤检定说明\n\n## 检定周期\n\n${'电子秤检定周期一般不超过一年并由法定计量检定机构实施检定'.repeat(8_000)}\n`,
    )
    db = await createPgliteDb()
  })
  afterAll(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers with bounded text', async () => {
    const { app } = await createTestApp(db, { knowledge: dir })
    const response = await app.inject({
      method: 'POST',
      url: '/api/chat',
      payload: { message: '电子秤检定周期是多久？' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS)
    await app.close()
  }, 120_000)
})
