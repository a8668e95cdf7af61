import type { Db } from '../db/index.ts'

const CHANNEL = 'knowledge_version'

/**
 * A counter of changes to what answers come from (documents, approved FAQ entries). Every instance
 * remembers the value its caches were loaded at and checks it before each turn, so an upload on one
 * instance is answered from by all of them at their next turn.
 */
async function readKnowledgeVersion(db: Db): Promise<number> {
  const [row] = await db.query<{ version: number | string }>(KNOWLEDGE_VERSION_SQL, [], { name: 'knowledge-version' })
  return Number(row?.version ?? 0)
}

/** The version as a statement reads it; a turn's first statement reads it as a subquery, saving a round trip. */
export const KNOWLEDGE_VERSION_SQL = 'select version from knowledge_version where id = 1'

/**
 * Call in the transaction that makes the change, so that no instance reloads before it commits. The
 * notify is delivered at commit, and only then, to the listeners of this process (watchKnowledgeVersion).
 */
export async function bumpKnowledgeVersion(db: Db): Promise<void> {
  await db.query(
    `with bumped as (update knowledge_version set version = version + 1 where id = 1 returning version)
     select pg_notify('${CHANNEL}', version::text) from bumped`,
  )
}

/**
 * Where the knowledge stands: take `current()` before loading the caches, ask `isCurrent` before a turn;
 * `seen`, the version a statement of the turn has just read with its own (KNOWLEDGE_VERSION_SQL), spares
 * the read.
 */
export type KnowledgeWatch = {
  current(): Promise<number>
  isCurrent(loaded: number, seen?: number): Promise<boolean>
  /** Whether other processes change the knowledge, so that only a read tells whether it moved (PostgreSQL). */
  shared: boolean
}

/**
 * On PostgreSQL other instances change the knowledge too: one primary-key read per check. On embedded
 * PGlite this process is the only writer and hears each bump at its commit: no read per turn (it cost
 * about a tenth of a turn, the embedded database's fixed cost per statement).
 */
export async function watchKnowledgeVersion(db: Db): Promise<KnowledgeWatch> {
  let heard = 0
  const local = await db.listenInProcess(CHANNEL, () => {
    heard += 1
  })
  // Heard bumps are counted from this process's start, not the stored value: what a statement saw is no help here.
  if (local) return { current: async () => heard, isCurrent: async (loaded) => loaded === heard, shared: false }
  return {
    shared: true,
    current: () => readKnowledgeVersion(db),
    isCurrent: async (loaded, seen) => (seen ?? (await readKnowledgeVersion(db))) === loaded,
  }
}
