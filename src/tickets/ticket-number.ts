import type { Db } from '../db/index.ts'
import { shanghaiDate } from './sla.ts'

/** QD-20261125-0001: the Shanghai calendar day, then that day's sequence (more digits after 9999). */
export const formatTicketNumber = (day: string, sequence: number): string =>
  `QD-${day}-${String(sequence).padStart(4, '0')}`

/** Matches what formatTicketNumber makes; anything else cannot be a ticket and is not looked up. */
export const TICKET_NUMBER = /^QD-\d{8}-\d{4,}$/

/**
 * Takes the next number of the day. Call it inside the transaction that inserts the ticket: the
 * counter row stays locked until commit, and a rollback gives the number back.
 */
export async function takeTicketNumber(db: Db, now: Date): Promise<string> {
  const day = shanghaiDate(now).replaceAll('-', '')
  const [row] = await db.query<{ last_value: number }>(
    `insert into ticket_counters (day, last_value) values ($1, 1)
     on conflict (day) do update set last_value = ticket_counters.last_value + 1
     returning last_value`,
    [day],
  )
  return formatTicketNumber(day, row!.last_value)
}
