import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyKnowledge } from '../support/knowledge.ts'

/** `npm run ingest` as its own process, on a fresh PGlite folder: its exit status is what scripts see. */
function runIngest(knowledgeDir: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qd-ingest-cli-'))
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts'], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 170_000,
    })
    return { code: run.status, output: `${run.stdout}${run.stderr}` }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('npm run ingest', () => {
  let knowledge: ReturnType<typeof copyKnowledge> | undefined
  afterEach(() => knowledge?.remove())

  // One run only: a process start, PGlite and jieba cost seconds (ingestComplete is tested in pipeline.test.ts).
  it('exits 1 and names the file when one is left out, after storing the others', { timeout: 180_000 }, () => {
    knowledge = copyKnowledge()
    writeFileSync(join(knowledge.dir, 'broken.pdf'), 'not a pdf at all')
    writeFileSync(
      join(knowledge.dir, 'one-line.txt'),
      '浦东新区位于上海市东部，是中国改革开放的前沿。面积约1210平方公里。',
    )
    const run = runIngest(knowledge.dir)
    expect(run.output).toMatch(/新增 4，.*失败 1/)
    expect(run.output).toMatch(/有 1 个文件未能入库：broken\.pdf（/)
    expect(run.code).toBe(1)
  })
})
