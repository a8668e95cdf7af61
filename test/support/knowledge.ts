import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FIXTURE_KNOWLEDGE = 'test/fixtures/knowledge'

/** A throw-away copy of a knowledge folder that a test may edit; remove() deletes it. */
export function copyKnowledge(from = FIXTURE_KNOWLEDGE): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'qd-knowledge-'))
  cpSync(from, dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
