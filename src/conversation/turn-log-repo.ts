import type { Citation } from '../answer/citations.ts'
import type { Db } from '../db/index.ts'
import type { Audience, Intent } from '../routing/intents.ts'

/** One row of the conversation log: a turn with everything staff need to judge it. */
export type LoggedTurn = {
  turnId: number
  sessionId: string
  turnNo: number
  createdAt: string
  audience: Audience
  message: string
  resolvedQuery: string
  intent: Intent
  grounded: boolean
  refusalReason: string | null
  mode: string
  answer: string
  citations: Citation[]
  rating: 'up' | 'down' | null
  comment: string | null
  latencyMs: number | null
}

export type TurnLogFilter = {
  grounded?: boolean
  /** The named gate that refused, or `partial`. */
  reason?: string
  rating?: 'up' | 'down'
  from?: string
  to?: string
  q?: string
  intent?: Intent
  mode?: string
  /** Turns that cite this document. */
  doc?: string
}

type LoggedRow = {
  id: number
  session_id: string
  turn_no: number
  created_at: Date | string
  audience: Audience
  message: string
  resolved_query: string
  intent: Intent
  grounded: boolean
  refusal_reason: string | null
  mode: string
  answer: string
  citations: Citation[]
  feedback: -1 | 1 | null
  feedback_comment: string | null
  latency_ms: number | null
}

const toLoggedTurn = (row: LoggedRow): LoggedTurn => ({
  turnId: row.id,
  sessionId: row.session_id,
  turnNo: row.turn_no,
  createdAt: new Date(row.created_at).toISOString(),
  audience: row.audience,
  message: row.message,
  resolvedQuery: row.resolved_query,
  intent: row.intent,
  grounded: row.grounded,
  refusalReason: row.refusal_reason,
  mode: row.mode,
  answer: row.answer,
  citations: row.citations,
  rating: row.feedback === 1 ? 'up' : row.feedback === -1 ? 'down' : null,
  comment: row.feedback_comment,
  latencyMs: row.latency_ms,
})

// LIKE's wildcards in a search text are meant literally.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`

/** The filter as SQL conditions over chat_turns t; every value is a parameter. */
function whereOf(filter: TurnLogFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = []
  const params: unknown[] = []
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value)
    conditions.push(condition(`$${params.length}`))
  }
  if (filter.grounded !== undefined) add((n) => `t.grounded = ${n}`, filter.grounded)
  if (filter.reason) add((n) => `t.refusal_reason = ${n}`, filter.reason)
  if (filter.rating) add((n) => `t.feedback = ${n}`, filter.rating === 'up' ? 1 : -1)
  if (filter.from) add((n) => `t.created_at >= ${n}`, filter.from)
  if (filter.to) add((n) => `t.created_at < ${n}`, filter.to)
  if (filter.intent) add((n) => `t.intent = ${n}`, filter.intent)
  if (filter.mode) add((n) => `t.mode = ${n}`, filter.mode)
  if (filter.q) add((n) => `(t.message ilike ${n} or t.resolved_query ilike ${n})`, likePattern(filter.q))
  if (filter.doc) add((n) => `t.citations @> ${n}::jsonb`, JSON.stringify([{ docId: filter.doc }]))
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params }
}

/** Turns newest first, filtered, with the total for paging. */
export async function listLoggedTurns(
  db: Db,
  filter: TurnLogFilter,
  page: { limit: number; offset: number },
): Promise<{ turns: LoggedTurn[]; total: number }> {
  const where = whereOf(filter)
  const n = where.params.length
  const rows = await db.query<LoggedRow>(
    `select t.id, t.session_id, t.turn_no, t.created_at, s.audience, t.message, t.resolved_query, t.intent, t.grounded,
            t.refusal_reason, t.mode, t.answer, t.citations, t.feedback, t.feedback_comment, t.latency_ms
     from chat_turns t join chat_sessions s on s.id = t.session_id
     ${where.sql} order by t.created_at desc, t.id desc limit $${n + 1} offset $${n + 2}`,
    [...where.params, page.limit, page.offset],
  )
  const [count] = await db.query<{ total: number }>(
    `select count(*)::int as total from chat_turns t ${where.sql}`,
    where.params,
  )
  return { turns: rows.map(toLoggedTurn), total: count?.total ?? 0 }
}
