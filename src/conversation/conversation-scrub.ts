import type { Db } from '../db/index.ts'

/**
 * Applies `scrub` to everything a person typed or was told in one chat session (message, the query
 * searched for, the answer, a 👎 comment) and drops the session's state (an intake in progress).
 * Returns how many turns changed.
 */
export async function scrubConversation(db: Db, sessionId: string, scrub: (text: string) => string): Promise<number> {
  const turns = await db.query<{
    id: number
    message: string
    resolved_query: string
    answer: string
    feedback_comment: string | null
  }>('select id, message, resolved_query, answer, feedback_comment from chat_turns where session_id = $1', [sessionId])
  let changed = 0
  for (const turn of turns) {
    const next = {
      message: scrub(turn.message),
      resolvedQuery: scrub(turn.resolved_query),
      answer: scrub(turn.answer),
      comment: turn.feedback_comment === null ? null : scrub(turn.feedback_comment),
    }
    if (
      next.message === turn.message &&
      next.resolvedQuery === turn.resolved_query &&
      next.answer === turn.answer &&
      next.comment === turn.feedback_comment
    )
      continue
    await db.query(
      'update chat_turns set message = $2, resolved_query = $3, answer = $4, feedback_comment = $5 where id = $1',
      [turn.id, next.message, next.resolvedQuery, next.answer, next.comment],
    )
    changed += 1
  }
  await db.query(`update chat_sessions set state = '{}'::jsonb where id = $1 and state <> '{}'::jsonb`, [sessionId])
  return changed
}
