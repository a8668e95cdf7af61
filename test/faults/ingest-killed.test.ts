import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { chunkDocument } from '../../ingest/chunk.ts'
import { documentIdOf, loadDocument } from '../../ingest/loaders/index.ts'
import { normaliseLines } from '../../ingest/normalise.ts'
import { createPgliteDb, createPostgresDb, type Db } from '../../src/db/index.ts'
import { copyKnowledge } from '../support/knowledge.ts'

const PG_URL = process.env.TEST_DATABASE_URL

type Run = { code: number | null; signal: NodeJS.Signals | null; output: string }

/**
 * `npm run ingest` as its own process. Node runs the CLI directly (with tsx as a loader) rather
 * than through the tsx binary, which would put a second process between the signal and the work.
 */
function runIngest(env: Record<string, string>, killAfter?: RegExp): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts'], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (data: Buffer) => {
    output += data
    if (killAfter?.test(output)) child.kill('SIGKILL')
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })))
}

/** How many chunks each knowledge file makes: what a complete ingest must have stored. */
async function expectedChunks(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const file of readdirSync(dir).filter((name) => /\.(md|txt|pdf)$/.test(name))) {
    const loaded = await loadDocument(join(dir, file))
    counts.set(
      documentIdOf(file),
      chunkDocument({ ...loaded, lines: normaliseLines(loaded.lines, loaded.format) }).length,
    )
  }
  return counts
}

/** Every stored document has all its chunks, numbered without gaps, and no chunk is left without its document. */
async function expectConsistent(db: Db, expected: Map<string, number>): Promise<string[]> {
  const documents = await db.query<{ id: string; chunk_count: number; stored: number; ordinals: number }>(
    `select d.id, d.chunk_count, count(c.id)::int as stored, count(distinct c.ordinal)::int as ordinals
       from documents d left join chunks c on c.document_id = d.id group by d.id, d.chunk_count order by d.id`,
  )
  for (const doc of documents) {
    expect(doc, doc.id).toMatchObject({ chunk_count: expected.get(doc.id), stored: expected.get(doc.id) })
    expect(doc.ordinals).toBe(doc.stored)
  }
  const [orphans] = await db.query<{ n: number }>(
    'select count(*)::int as n from chunks c where not exists (select 1 from documents d where d.id = c.document_id)',
  )
  expect(orphans?.n).toBe(0)
  return documents.map((doc) => doc.id)
}

type Store = {
  name: string
  env: () => Promise<Record<string, string>>
  open: () => Promise<Db>
  cleanup: () => Promise<void>
}

function pgliteStore(): Store {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-ingest-kill-'))
  return {
    name: 'pglite',
    env: async () => ({ DATA_DIR: dataDir }),
    open: () => createPgliteDb(join(dataDir, 'pglite')),
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  }
}

function postgresStore(url: string): Store {
  const schema = `ingest_kill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  const scoped = new URL(url)
  scoped.searchParams.set('options', `-c search_path=${schema},public`)
  return {
    name: 'postgres',
    env: async () => {
      await admin(`create schema ${schema}`)
      return { DATABASE_URL: scoped.href }
    },
    open: () => createPostgresDb(url, { poolSize: 1, searchPath: `${schema},public` }),
    cleanup: () => admin(`drop schema if exists ${schema} cascade`),
  }
}

const stores = [pgliteStore(), ...(PG_URL ? [postgresStore(PG_URL)] : [])]

describe.each(stores)('ingest killed half-way ($name)', (store) => {
  const knowledge = copyKnowledge('knowledge')
  afterAll(async () => {
    knowledge.remove()
    await store.cleanup()
  })

  it('leaves a consistent store, and the next run completes it', { timeout: 180_000 }, async () => {
    const env = { ...(await store.env()), KNOWLEDGE_DIR: knowledge.dir }
    const expected = await expectedChunks(knowledge.dir)

    const killed = await runIngest(env, /新增 {2}\S+: \d+ 个片段/)
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.output).not.toContain('入库完成')

    // Killed after the first file: what was reported is in, not everything is, and what is in is whole.
    let db = await store.open()
    const stored = await expectConsistent(db, expected)
    await db.close()
    const reported = [...killed.output.matchAll(/新增 {2}(\S+): /g)].map((match) => documentIdOf(match[1]!))
    expect(stored).toEqual(expect.arrayContaining(reported))
    expect(stored.length).toBeLessThan(expected.size)

    const resumed = await runIngest(env)
    expect(resumed.code, resumed.output).toBe(0)
    expect(resumed.output).toContain('未变')
    const again = await runIngest(env)
    expect(again.output).toContain(`未变 ${expected.size}`)

    db = await store.open()
    expect(await expectConsistent(db, expected)).toEqual([...expected.keys()].sort())
    await db.close()
  })
})
