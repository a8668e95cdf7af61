import type { Db } from '../db/index.ts'

/**
 * How the model calls of chat turns since `since` ended, counted by outcome ('ok', 'timeout',
 * 'first-token-timeout', 'stall', 'error', 'unverified', …): how often the model let people down.
 */
export async function countLlmOutcomes(db: Db, since: Date): Promise<Record<string, number>> {
  const rows = await db.query<{ outcome: string; turns: number }>(
    `select llm_outcome as outcome, count(*)::int as turns from chat_turns
     where llm_outcome is not null and created_at >= $1 group by llm_outcome order by llm_outcome`,
    [since.toISOString()],
  )
  return Object.fromEntries(rows.map((row) => [row.outcome, row.turns]))
}
