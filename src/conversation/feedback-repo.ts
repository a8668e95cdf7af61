import type { Citation } from '../answer/citations.ts'
import type { Db } from '../db/index.ts'
import type { Intent } from '../routing/intents.ts'
import { conversationRef } from './conversation-ref.ts'
import type { ChatTurn } from './sessions-repo.ts'

/** A rated answer, as staff review it: what was asked, what was said, on what evidence. */
export type RatedTurn = Pick<
  ChatTurn,
  'turnNo' | 'message' | 'resolvedQuery' | 'intent' | 'answer' | 'grounded' | 'mode' | 'citations' | 'createdAt'
> & {
  turnId: number
  /** A one-way reference to the conversation, never its sessionId (see conversation-ref.ts). */
  conversation: string
  rating: 'up' | 'down'
  comment: string | null
}

type RatedTurnRow = {
  id: number
  session_id: string
  turn_no: number
  feedback: -1 | 1
  feedback_comment: string | null
  message: string
  resolved_query: string
  intent: Intent
  answer: string
  grounded: boolean
  mode: string
  citations: Citation[]
  created_at: Date | string
}

const toRatedTurn = (row: RatedTurnRow): RatedTurn => ({
  turnId: row.id,
  conversation: conversationRef(row.session_id),
  turnNo: row.turn_no,
  rating: row.feedback === 1 ? 'up' : 'down',
  comment: row.feedback_comment,
  message: row.message,
  resolvedQuery: row.resolved_query,
  intent: row.intent,
  answer: row.answer,
  grounded: row.grounded,
  mode: row.mode,
  citations: row.citations,
  createdAt: new Date(row.created_at).toISOString(),
})

/** Turns rated 👍 or 👎, newest first, with the total for paging. Uses chat_turns_feedback_idx. */
export async function listRatedTurns(
  db: Db,
  filter: { rating: 'up' | 'down'; limit: number; offset: number },
): Promise<{ turns: RatedTurn[]; total: number }> {
  const feedback = filter.rating === 'up' ? 1 : -1
  const rows = await db.query<RatedTurnRow>(
    `select id, session_id, turn_no, feedback, feedback_comment, message, resolved_query, intent, answer,
            grounded, mode, citations, created_at
     from chat_turns where feedback = $1 order by created_at desc, id desc limit $2 offset $3`,
    [feedback, filter.limit, filter.offset],
  )
  const [count] = await db.query<{ total: number }>(
    'select count(*)::int as total from chat_turns where feedback = $1',
    [feedback],
  )
  return { turns: rows.map(toRatedTurn), total: count?.total ?? 0 }
}
