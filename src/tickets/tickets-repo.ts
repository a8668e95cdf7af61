import type { Db } from '../db/index.ts'
import type {
  Audience,
  Priority,
  Ticket,
  TicketCategory,
  TicketDetails,
  TicketSource,
  TicketStatus,
  TranscriptTurn,
} from './model.ts'

type TicketRow = {
  id: number
  number: string
  category: TicketCategory
  priority: Priority
  status: TicketStatus
  audience: Audience
  description: string
  contact_name: string
  phone: string
  company_name: string | null
  address: string | null
  details: TicketDetails | null
  notify_email: string | null
  notify_sms: boolean
  requester_replied_at: Date | null
  session_id: string | null
  transcript?: TranscriptTurn[]
  sources?: TicketSource[]
  assignee_id: number | null
  assignee_name: string | null
  first_response_due_at: Date
  sla_due_at: Date
  first_response_at: Date | null
  created_at: Date
  updated_at: Date
  resolved_at: Date | null
  closed_at: Date | null
  personal_data_purged_at: Date | null
}

/** A ticket without its transcript and sources, as the queue lists it. */
export type TicketSummary = Omit<Ticket, 'transcript' | 'sources'>

const SUMMARY_COLUMNS = `t.id, t.number, t.category, t.priority, t.status, t.audience, t.description,
  t.contact_name, t.phone, t.company_name, t.address, t.details, t.notify_email, t.notify_sms,
  t.requester_replied_at, t.session_id, t.assignee_id, s.name as assignee_name,
  t.first_response_due_at, t.sla_due_at, t.first_response_at, t.created_at, t.updated_at,
  t.resolved_at, t.closed_at, t.personal_data_purged_at`

// Keep in step with nextDueAt and isOverdue in sla.ts.
const NEXT_DUE = 'case when t.first_response_at is null then t.first_response_due_at else t.sla_due_at end'
const OVERDUE = `(t.status in ('new', 'claimed') and ${NEXT_DUE} < $5::timestamptz)`

function toSummary(row: TicketRow): TicketSummary {
  return {
    id: row.id,
    number: row.number,
    category: row.category,
    priority: row.priority,
    status: row.status,
    audience: row.audience,
    description: row.description,
    contactName: row.contact_name,
    phone: row.phone,
    companyName: row.company_name,
    address: row.address,
    details: row.details ?? {},
    notify: { ...(row.notify_email ? { email: row.notify_email } : {}), ...(row.notify_sms ? { sms: true } : {}) },
    requesterRepliedAt: row.requester_replied_at,
    sessionId: row.session_id,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    firstResponseDueAt: row.first_response_due_at,
    slaDueAt: row.sla_due_at,
    firstResponseAt: row.first_response_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    personalDataPurgedAt: row.personal_data_purged_at,
  }
}

const toTicket = (row: TicketRow): Ticket => ({
  ...toSummary(row),
  transcript: row.transcript ?? [],
  sources: row.sources ?? [],
})

export type NewTicketRow = Pick<
  Ticket,
  | 'number'
  | 'category'
  | 'priority'
  | 'audience'
  | 'description'
  | 'contactName'
  | 'phone'
  | 'companyName'
  | 'address'
  | 'details'
  | 'notify'
  | 'sessionId'
  | 'transcript'
  | 'sources'
  | 'firstResponseDueAt'
  | 'slaDueAt'
> & { lookupTokenHash: string; now: Date }

export async function insertTicket(db: Db, ticket: NewTicketRow): Promise<Ticket> {
  const [row] = await db.query<TicketRow>(
    `with inserted as (
       insert into tickets (number, category, priority, audience, description, contact_name, phone, company_name,
         address, session_id, transcript, sources, lookup_token_hash, first_response_due_at, sla_due_at,
         created_at, updated_at, details, notify_email, notify_sms)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14, $15, $16, $16,
         $17::jsonb, $18, $19)
       returning *
     )
     select ${SUMMARY_COLUMNS}, t.transcript, t.sources from inserted t left join staff s on s.id = t.assignee_id`,
    [
      ticket.number,
      ticket.category,
      ticket.priority,
      ticket.audience,
      ticket.description,
      ticket.contactName,
      ticket.phone,
      ticket.companyName,
      ticket.address,
      ticket.sessionId,
      JSON.stringify(ticket.transcript),
      JSON.stringify(ticket.sources),
      ticket.lookupTokenHash,
      ticket.firstResponseDueAt.toISOString(),
      ticket.slaDueAt.toISOString(),
      ticket.now.toISOString(),
      JSON.stringify(ticket.details),
      ticket.notify.email ?? null,
      ticket.notify.sms === true,
    ],
  )
  return toTicket(row!)
}

export async function findTicketByNumber(db: Db, number: string): Promise<Ticket | null> {
  const [row] = await db.query<TicketRow>(
    `select ${SUMMARY_COLUMNS}, t.transcript, t.sources
     from tickets t left join staff s on s.id = t.assignee_id where t.number = $1`,
    [number],
  )
  return row ? toTicket(row) : null
}

export async function findTicketById(db: Db, id: number): Promise<Ticket | null> {
  const [row] = await db.query<TicketRow>(
    `select ${SUMMARY_COLUMNS}, t.transcript, t.sources
     from tickets t left join staff s on s.id = t.assignee_id where t.id = $1`,
    [id],
  )
  return row ? toTicket(row) : null
}

/** The stored hash of a ticket's lookup token, for the requester's status page. */
export async function findLookupTokenHash(db: Db, number: string): Promise<{ id: number; hash: string } | null> {
  const [row] = await db.query<{ id: number; lookup_token_hash: string }>(
    'select id, lookup_token_hash from tickets where number = $1',
    [number],
  )
  return row ? { id: row.id, hash: row.lookup_token_hash } : null
}

export type TicketFilter = {
  statuses?: readonly TicketStatus[]
  category?: TicketCategory
  priority?: Priority
  overdue?: boolean
  assigneeId?: number
  unassigned?: boolean
  limit: number
  offset: number
}

/** The queue: high priority first, then the nearest deadline, then the oldest; `total` counts every match. */
export async function listTickets(
  db: Db,
  filter: TicketFilter,
  now: Date,
): Promise<{ tickets: TicketSummary[]; total: number }> {
  const rows = await db.query<TicketRow & { total: number }>(
    `select ${SUMMARY_COLUMNS}, (count(*) over ())::int as total
     from tickets t left join staff s on s.id = t.assignee_id
     where ($1::text is null or t.status = any (string_to_array($1::text, ',')))
       and ($2::text is null or t.category = $2::text)
       and ($3::text is null or t.priority = $3::text)
       and ($4::boolean is null or ${OVERDUE} = $4::boolean)
       and ($6::integer is null or t.assignee_id = $6::integer)
       and ($7::boolean is not true or t.assignee_id is null)
     order by case t.priority when 'high' then 0 else 1 end, ${NEXT_DUE}, t.created_at, t.id
     limit $8 offset $9`,
    [
      filter.statuses?.length ? filter.statuses.join(',') : null,
      filter.category ?? null,
      filter.priority ?? null,
      filter.overdue ?? null,
      now.toISOString(),
      filter.assigneeId ?? null,
      filter.unassigned ?? null,
      filter.limit,
      filter.offset,
    ],
  )
  return { tickets: rows.map(toSummary), total: rows[0]?.total ?? 0 }
}
