import type { Db } from '../db/index.ts'

/**
 * A counter of changes to what answers come from (documents, approved FAQ entries). Every instance
 * remembers the value its caches were loaded at and compares it once per turn: one primary-key
 * read, so an upload on one instance is answered from by all of them at their next turn.
 */
export async function readKnowledgeVersion(db: Db): Promise<number> {
  const [row] = await db.query<{ version: number | string }>('select version from knowledge_version where id = 1')
  return Number(row?.version ?? 0)
}

/** Call in the transaction that makes the change, so that no instance reloads before it commits. */
export async function bumpKnowledgeVersion(db: Db): Promise<void> {
  await db.query('update knowledge_version set version = version + 1 where id = 1')
}
