import type { Citation } from '../answer/citations.ts'
import type { Db } from '../db/index.ts'
import { KNOWLEDGE_VERSION_SQL } from '../retrieval/knowledge-version.ts'
import type { Audience, Intent } from '../routing/intents.ts'
import { maskPersonalData } from '../text/mask.ts'
import { type KnownPersonalData, scrubberFor } from '../text/scrub.ts'
import { scrubConversation } from './conversation-scrub.ts'

export type SessionState = Record<string, unknown>

export type ChatSession = { id: string; audience: Audience; state: SessionState }

export type ChatTurn = {
  id: number
  turnNo: number
  message: string
  resolvedQuery: string
  intent: Intent
  answer: string
  grounded: boolean
  mode: string
  citations: Citation[]
  /** The named gate that refused the turn, or null when it was answered. */
  refusalReason: string | null
  /** How the turn's LLM call ended, or null when no model was asked. */
  llmOutcome: string | null
  feedback: -1 | 1 | null
  createdAt: string
}

type TurnRow = {
  id: number
  turn_no: number
  message: string
  resolved_query: string
  intent: Intent
  answer: string
  grounded: boolean
  mode: string
  citations: Citation[]
  refusal_reason: string | null
  llm_outcome: string | null
  feedback: -1 | 1 | null
  created_at: Date | string
}

const toTurn = (row: TurnRow): ChatTurn => ({
  id: row.id,
  turnNo: row.turn_no,
  message: row.message,
  resolvedQuery: row.resolved_query,
  intent: row.intent,
  answer: row.answer,
  grounded: row.grounded,
  mode: row.mode,
  citations: row.citations,
  refusalReason: row.refusal_reason,
  llmOutcome: row.llm_outcome,
  feedback: row.feedback,
  createdAt: new Date(row.created_at).toISOString(),
})

/** A new session; it is stored with its first turn (recordTurn), so that a first turn costs no extra write. */
export const startSession = (audience: Audience): ChatSession => ({ id: crypto.randomUUID(), audience, state: {} })

const LAST_TURNS = `select id, turn_no, message, resolved_query, intent, answer, grounded, mode, citations, refusal_reason,
         llm_outcome, feedback, created_at
  from chat_turns where session_id = $1 order by turn_no desc limit $2`

export async function listTurns(db: Db, sessionId: string, limit = 20): Promise<ChatTurn[]> {
  const rows = await db.query<TurnRow>(LAST_TURNS, [sessionId, limit])
  return rows.map(toTurn).reverse()
}

/** A stored session at the start of a turn: whether this turn got its lease, its last turns, the knowledge version. */
export type OpenedSession = { session: ChatSession; claimed: boolean; turns: ChatTurn[]; knowledgeVersion: number }

// Longer than a turn can take (the LLM times out after at most 120 s); a lease left by a crash ends here.
const TURN_LEASE_SECONDS = 150

/**
 * Reads the session, takes its turn lease (held by another turn under way, here or on another instance:
 * `claimed` false) and reads its last `limit` turns and the knowledge version, in one statement: on
 * PostgreSQL each statement is a round trip, and these were four. Null when there is no such session.
 *
 * The lease is committed without waiting for the disk (`synchronous_commit` off in this statement's own
 * transaction, so call it outside any other): waiting cost every follow-up turn a second flush besides its
 * record's. A lease lost in a server crash loses nothing: it only keeps a second turn of the session from
 * running at the same time, and a duplicate turn number is refused anyway. The turn's record (recordTurn)
 * still waits for the disk, and so does everything written before it.
 */
export async function openSessionTurn(db: Db, id: string, limit: number): Promise<OpenedSession | null> {
  const [row] = await db.query<{
    id: string
    audience: Audience
    state: SessionState
    claimed: boolean
    turns: TurnRow[]
    knowledge_version: number | string
  }>(
    `with claimed as (
       update chat_sessions set turn_lease_until = now() + make_interval(secs => $3)
       where id = $1 and (turn_lease_until is null or turn_lease_until < now()) returning id
     )
     select s.id, s.audience, s.state, exists (select 1 from claimed) as claimed,
            (select coalesce(json_agg(t), '[]') from (${LAST_TURNS}) t) as turns,
            (${KNOWLEDGE_VERSION_SQL}) as knowledge_version,
            set_config('synchronous_commit', 'off', true) as relaxed_commit
     from chat_sessions s where s.id = $1`,
    [id, limit, TURN_LEASE_SECONDS],
    { name: 'open-session-turn' },
  )
  if (!row) return null
  return {
    session: { id: row.id, audience: row.audience, state: row.state },
    claimed: row.claimed,
    turns: row.turns.map(toTurn).reverse(),
    knowledgeVersion: Number(row.knowledge_version),
  }
}

export type NewTurn = Omit<ChatTurn, 'id' | 'turnNo' | 'feedback' | 'createdAt' | 'refusalReason' | 'llmOutcome'> & {
  latencyMs: number
  refusalReason?: string | null
  llmOutcome?: string | null
}

/**
 * Stores a turn and the session's state after it, in one statement: the session row is created with
 * its first turn or updated, and the turn's lease released. The turn number is the next in its session (unique, so a concurrent
 * duplicate fails). `knowledgeVersion`: the version the turn was answered at, checked by this statement
 * (a read of its own cost a first turn a round trip); nothing is stored and null returned when it moved.
 */
export async function recordTurn(
  db: Db,
  session: ChatSession,
  turn: NewTurn,
  knowledgeVersion: number | null = null,
): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `with saved as (
       insert into chat_sessions (id, audience, state)
       select $1, $12, $13 where $14::bigint is null or $14::bigint = (${KNOWLEDGE_VERSION_SQL})
       on conflict (id) do update set state = excluded.state, audience = excluded.audience, updated_at = now(),
                                      turn_lease_until = null
       returning id
     )
     insert into chat_turns (session_id, turn_no, message, resolved_query, intent, answer, grounded, mode, citations,
                             latency_ms, refusal_reason, llm_outcome)
     select saved.id, (select coalesce(max(turn_no), 0) + 1 from chat_turns where session_id = $1), $2, $3, $4, $5, $6,
            $7, $8, $9, $10, $11
     from saved
     returning id`,
    [
      session.id,
      turn.message,
      turn.resolvedQuery,
      turn.intent,
      turn.answer,
      turn.grounded,
      turn.mode,
      JSON.stringify(turn.citations),
      turn.latencyMs,
      turn.refusalReason ?? null,
      turn.llmOutcome ?? null,
      session.audience,
      JSON.stringify(session.state),
      knowledgeVersion,
    ],
    { name: 'record-turn' },
  )
  return row?.id ?? null
}

/** Records 👍 (1) or 👎 (-1) on a turn of the given session; false when there is no such turn. */
export async function setTurnFeedback(
  db: Db,
  sessionId: string,
  turnId: number,
  feedback: -1 | 1,
  comment: string | null,
): Promise<boolean> {
  const rows = await db.query(
    'update chat_turns set feedback = $3, feedback_comment = $4 where id = $2 and session_id = $1 returning id',
    [sessionId, turnId, feedback, comment],
  )
  return rows.length > 0
}

/**
 * Erases personal data from conversations idle since `before`: what the person gave (in an intake,
 * or in a ticket opened from the chat) wherever it appears in their turns, and any phone, ID number
 * or e-mail address; the unfinished intake state is dropped. Chats hold what people typed and keep it
 * no longer than tickets do. Returns how many turns were changed.
 */
export async function purgeIdleConversations(db: Db, before: Date): Promise<number> {
  const sessions = await db.query<{ id: string; state: { intake?: { fields?: KnownPersonalData } } }>(
    'select id, state from chat_sessions where updated_at < $1',
    [before],
  )
  let changed = 0
  for (const session of sessions) {
    const tickets = await db.query<KnownPersonalData & { contact_name: string; company_name: string | null }>(
      'select contact_name, phone, company_name, address from tickets where session_id = $1',
      [session.id],
    )
    const known = [
      session.state.intake?.fields ?? {},
      ...tickets.map((t) => ({
        contactName: t.contact_name,
        phone: t.phone,
        companyName: t.company_name,
        address: t.address,
      })),
    ]
    const scrubbers = known.map(scrubberFor)
    const scrub = (text: string) => scrubbers.reduce((result, next) => next(result), maskPersonalData(text))
    changed += await scrubConversation(db, session.id, scrub)
  }
  return changed
}

/** Gives the lease back when a turn failed before it was recorded (recordTurn releases it otherwise). */
export async function releaseSessionTurn(db: Db, sessionId: string): Promise<void> {
  await db.query('update chat_sessions set turn_lease_until = null where id = $1', [sessionId])
}
