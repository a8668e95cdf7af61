import type { Db } from '../db/index.ts'
import { ConflictError, InvalidInputError } from '../errors.ts'
import { recordTicketEvent } from './events-repo.ts'
import {
  completeIdempotencyKey,
  findIdempotencyRecord,
  hashIdempotencyKey,
  hashRequest,
  reserveIdempotencyKey,
  sealLookupToken,
  unsealLookupToken,
} from './idempotency.ts'
import { generateLookupToken, hashLookupToken } from './lookup-token.ts'
import type { Priority, Ticket, TicketCategory, TicketSource, TicketStatus, TranscriptTurn } from './model.ts'
import { type NewTicketInput, NewTicketInputSchema } from './new-ticket.ts'
import { assessPriority } from './priority.ts'
import { computeSla, WEEKENDS_ONLY, type WorkCalendar } from './sla.ts'
import { takeTicketNumber } from './ticket-number.ts'
import { findTicketById, insertTicket } from './tickets-repo.ts'

export type OpenTicketOptions = {
  /** The moment of receipt; tests pass a fixed one. */
  now?: Date
  /** From the Idempotency-Key header: a retry with the same key gets the same ticket. */
  idempotencyKey?: string
  /** The chat that led here and what it cited (the chat passes them; the public form does not). */
  transcript?: TranscriptTurn[]
  sources?: TicketSource[]
  calendar?: WorkCalendar
}

/** What the requester is told; `lookupToken` exists only here, the database keeps its hash. */
export type OpenedTicket = {
  number: string
  status: TicketStatus
  category: TicketCategory
  priority: Priority
  lookupToken: string
  firstResponseDueAt: Date
  slaDueAt: Date
}

const describeIssues = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((issue) => `${issue.path.join('.') || '内容'}：${issue.message}`).join('；')

const toOpened = (ticket: Ticket, lookupToken: string): OpenedTicket => ({
  number: ticket.number,
  status: ticket.status,
  category: ticket.category,
  priority: ticket.priority,
  lookupToken,
  firstResponseDueAt: ticket.firstResponseDueAt,
  slaDueAt: ticket.slaDueAt,
})

/**
 * Opens a ticket: validates, rates the priority, sets the deadlines, takes a number and writes
 * the ticket with its first audit entry in one transaction, so it is acknowledged only after
 * commit. `replayed` is true when an earlier request with the same Idempotency-Key made it.
 */
export async function openTicket(
  db: Db,
  input: NewTicketInput,
  options: OpenTicketOptions = {},
): Promise<{ ticket: OpenedTicket; replayed: boolean }> {
  const parsed = NewTicketInputSchema.safeParse(input)
  if (!parsed.success) throw new InvalidInputError(`工单信息有误 — ${describeIssues(parsed.error.issues)}`)
  const request = parsed.data
  const now = options.now ?? new Date()
  // The request alone, not the transcript: a repeated "确认" carries a newer transcript (its own turn, a
  // new timestamp) yet is the same request, and must find the ticket of the same key, not a 409.
  const requestHash = hashRequest(request)
  const idempotency =
    options.idempotencyKey === undefined
      ? null
      : { key: options.idempotencyKey, keyHash: hashIdempotencyKey(options.idempotencyKey) }

  return db.transaction(async (tx) => {
    if (idempotency && !(await reserveIdempotencyKey(tx, idempotency.keyHash, requestHash, now))) {
      return { ticket: await replay(tx, idempotency.key, idempotency.keyHash, requestHash), replayed: true }
    }
    const userText = (options.transcript ?? []).filter((turn) => turn.role === 'user').map((turn) => turn.text)
    const { priority, reasons } = assessPriority([request.description, ...userText].join('\n'))
    const deadlines = computeSla(request.category, priority, now, options.calendar ?? WEEKENDS_ONLY)
    const lookupToken = generateLookupToken()
    const ticket = await insertTicket(tx, {
      number: await takeTicketNumber(tx, now),
      category: request.category,
      priority,
      audience: request.audience,
      description: request.description,
      contactName: request.contactName,
      phone: request.phone,
      companyName: request.companyName ?? null,
      address: request.address ?? null,
      details: request.details ?? {},
      notify: request.notify ?? {},
      sessionId: request.sessionId ?? null,
      transcript: options.transcript ?? [],
      sources: options.sources ?? [],
      lookupTokenHash: hashLookupToken(lookupToken),
      ...deadlines,
      now,
    })
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      actor: { kind: 'requester' },
      action: 'created',
      after: {
        status: ticket.status,
        category: ticket.category,
        priority,
        ...(reasons.length > 0 ? { priorityReasons: reasons } : {}),
        firstResponseDueAt: deadlines.firstResponseDueAt.toISOString(),
        slaDueAt: deadlines.slaDueAt.toISOString(),
      },
      now,
    })
    if (idempotency) {
      const sealedLookupToken = sealLookupToken(lookupToken, idempotency.key, requestHash)
      await completeIdempotencyKey(tx, idempotency.keyHash, { ticketId: ticket.id, sealedLookupToken })
    }
    return { ticket: toOpened(ticket, lookupToken), replayed: false }
  })
}

async function replay(db: Db, key: string, keyHash: string, requestHash: string): Promise<OpenedTicket> {
  const record = await findIdempotencyRecord(db, keyHash)
  if (!record || record.requestHash !== requestHash) {
    throw new ConflictError(
      '这个 Idempotency-Key 已用于内容不同的另一次提交；如果这是一个新的诉求，请换一个新的 Idempotency-Key 再提交。',
    )
  }
  const ticket = record.ticketId === null ? null : await findTicketById(db, record.ticketId)
  const lookupToken = record.sealedLookupToken ? unsealLookupToken(record.sealedLookupToken, key, requestHash) : null
  if (!ticket || !lookupToken) {
    throw new ConflictError('这次提交已经处理过，但结果已不可取回；请用工单编号和查询码查询，或重新提交一次。')
  }
  return toOpened(ticket, lookupToken)
}
