import { z } from 'zod'
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from '../../tickets/model.ts'
import type { RequesterView } from '../../tickets/ticket-views.ts'
import { isoDateTime } from './common.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

/** POST /api/tickets: 201 for a new ticket, 200 for a replayed Idempotency-Key. The token is shown once. */
export const OpenedTicketResponse = z.object({
  ticket: z.object({
    number: z.string(),
    status: z.enum(TICKET_STATUSES),
    category: z.enum(TICKET_CATEGORIES),
    priority: z.enum(PRIORITIES),
    lookupToken: z.string(),
    firstResponseDueAt: isoDateTime,
    slaDueAt: isoDateTime,
  }),
  message: z.string(),
})

/** What the requester sees of their ticket: no staff names, no internal notes, personal data masked. */
export const RequesterTicketSchema = z.object({
  number: z.string(),
  status: z.enum(TICKET_STATUSES),
  statusLabel: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  categoryLabel: z.string(),
  createdAt: isoDateTime,
  firstResponseDueAt: isoDateTime,
  slaDueAt: isoDateTime,
  /** While `waiting_user`: what staff asked for, in their own words. */
  needed: z.string().nullable(),
  submitted: z.array(z.object({ label: z.string(), value: z.string() })),
  history: z.array(z.object({ at: isoDateTime, text: z.string() })),
  replies: z.array(z.object({ body: z.string(), createdAt: isoDateTime })),
  messages: z.array(z.object({ body: z.string(), evidence: z.string().nullable(), createdAt: isoDateTime })),
})

export const LookupResponse = z.object({ ticket: RequesterTicketSchema })
export const MessageAdded = z.object({ messageId: z.number().int() })

export type RequesterTicket = z.output<typeof RequesterTicketSchema>

type _EveryFieldNamed = NoneUnnamed<Unnamed<typeof RequesterTicketSchema, RequesterView>>
