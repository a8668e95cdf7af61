import type { Db } from '../db/index.ts'
import { TICKET_CATEGORIES, type TicketCategory } from './model.ts'

/** Open tickets per category; categories with none are listed with 0. */
export async function countOpenByCategory(db: Db): Promise<Record<TicketCategory, number>> {
  const rows = await db.query<{ category: TicketCategory; open: number }>(
    `select category, count(*)::int as open from tickets
     where status in ('new', 'claimed', 'waiting_user') group by category`,
  )
  const counts = Object.fromEntries(TICKET_CATEGORIES.map((category) => [category, 0])) as Record<
    TicketCategory,
    number
  >
  for (const row of rows) counts[row.category] = row.open
  return counts
}

/** Same rule as isOverdue in sla.ts. */
export async function countOverdue(db: Db, now: Date): Promise<number> {
  const [row] = await db.query<{ overdue: number }>(
    `select count(*)::int as overdue from tickets
     where status in ('new', 'claimed')
       and (case when first_response_at is null then first_response_due_at else sla_due_at end) < $1`,
    [now.toISOString()],
  )
  return row?.overdue ?? 0
}

/** Median seconds from opening to the first staff reply, over tickets opened since `since`. */
export async function medianFirstResponseSeconds(db: Db, since: Date): Promise<number | null> {
  const [row] = await db.query<{ median: number | null }>(
    `select percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at)::float8)
       as median
     from tickets where first_response_at is not null and created_at >= $1`,
    [since.toISOString()],
  )
  return row?.median ?? null
}

export type TicketStatistics = {
  openByCategory: Record<TicketCategory, number>
  openTotal: number
  overdue: number
  medianFirstResponseMinutes: number | null
  windowDays: number
}

export async function ticketStatistics(db: Db, now: Date, windowDays = 30): Promise<TicketStatistics> {
  const openByCategory = await countOpenByCategory(db)
  const median = await medianFirstResponseSeconds(db, new Date(now.getTime() - windowDays * 86_400_000))
  return {
    openByCategory,
    openTotal: Object.values(openByCategory).reduce((sum, n) => sum + n, 0),
    overdue: await countOverdue(db, now),
    medianFirstResponseMinutes: median === null ? null : Math.round((median / 60) * 10) / 10,
    windowDays,
  }
}
