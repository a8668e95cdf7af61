import type { Db } from '../db/index.ts'
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts'
import { announceToRequester } from '../notify/announce.ts'
import { findActiveStaff } from '../staff/accounts-repo.ts'
import { recordTicketEvent } from './events-repo.ts'
import { roleAtLeast, STATUS_LABELS, type StaffMember, type Ticket, type TicketStatus } from './model.ts'
import { insertReply } from './replies-repo.ts'
import { assertTransition, isReopen } from './status.ts'
import { claimNewTicket, markReplied, moveTicket, setTicketAssignee } from './ticket-changes-repo.ts'
import { findTicketById, findTicketByNumber } from './tickets-repo.ts'

/** What staff do to a ticket. Each runs in one transaction and leaves an entry in the audit log. */

const STALE = '工单刚刚被其他人更改，请刷新后再操作。'

export async function requireTicket(db: Db, number: string): Promise<Ticket> {
  const ticket = await findTicketByNumber(db, number)
  if (!ticket) throw new NotFoundError(`没有编号为 ${number} 的工单，请核对编号。`)
  return ticket
}

const reload = async (db: Db, id: number): Promise<Ticket> => (await findTicketById(db, id)) as Ticket

/** Supervisors may act on any ticket; an agent only on a ticket they handle. */
function assertCanAct(staff: StaffMember, ticket: Ticket): void {
  if (roleAtLeast(staff.role, 'supervisor') || ticket.assignee?.id === staff.id) return
  if (!ticket.assignee) throw new ForbiddenError('该工单还没有人认领，请先认领再操作。')
  throw new ForbiddenError(`该工单由${ticket.assignee.name}负责，只有负责人或主管可以操作；如需接手，请联系主管转派。`)
}

/** new → claimed for the caller. Of many simultaneous claims exactly one succeeds (a conditional UPDATE). */
export async function claimTicket(db: Db, staff: StaffMember, number: string, now: Date): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const ticket = await requireTicket(tx, number)
    if (!(await claimNewTicket(tx, ticket.id, staff.id, now))) {
      const current = await reload(tx, ticket.id)
      if (current.assignee?.id === staff.id) throw new ConflictError('您已经认领了这个工单。')
      throw new ConflictError(
        current.assignee
          ? `该工单已由${current.assignee.name}认领，请刷新队列选择其他工单。`
          : `工单当前为“${STATUS_LABELS[current.status]}”，只有“待受理”的工单可以认领。`,
      )
    }
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      actor: { kind: 'staff', staff },
      action: 'claimed',
      before: { status: 'new', assigneeId: null },
      after: { status: 'claimed', assigneeId: staff.id },
      now,
    })
    return reload(tx, ticket.id)
  })
}

/** Moves a ticket along the status machine; a transition it does not allow is a 409. */
export async function changeTicketStatus(
  db: Db,
  staff: StaffMember,
  number: string,
  change: { status: TicketStatus; note?: string },
  now: Date,
): Promise<Ticket> {
  return db.transaction(async (tx) => {
    const ticket = await requireTicket(tx, number)
    assertTransition(ticket.status, change.status)
    if (ticket.status === 'new' && change.status === 'claimed') return claimTicket(tx, staff, number, now)
    assertCanAct(staff, ticket)
    const assigneeId = change.status === 'new' ? null : (ticket.assignee?.id ?? staff.id)
    const moved = await moveTicket(tx, { id: ticket.id, from: ticket.status, to: change.status, assigneeId, now })
    if (!moved) throw new ConflictError(STALE)
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      actor: { kind: 'staff', staff },
      action: isReopen(ticket.status, change.status) ? 'reopened' : 'status_changed',
      before: { status: ticket.status, assigneeId: ticket.assignee?.id ?? null },
      after: { status: change.status, assigneeId },
      note: change.note ?? null,
      now,
    })
    await announceToRequester(
      tx,
      ticket,
      'status',
      `您的工单 ${ticket.number} 现在是“${STATUS_LABELS[change.status]}”。`,
      now,
    )
    return reload(tx, ticket.id)
  })
}

/** A reply the requester sees; optionally hands the ticket to them (`waiting_user`). */
export async function replyToTicket(
  db: Db,
  staff: StaffMember,
  number: string,
  reply: { body: string; waitingUser?: boolean },
  now: Date,
): Promise<{ ticket: Ticket; replyId: number }> {
  return db.transaction(async (tx) => {
    const ticket = await requireTicket(tx, number)
    if (ticket.status === 'new') throw new ConflictError('请先认领该工单，再回复提交人。')
    if (ticket.status === 'resolved' || ticket.status === 'closed') {
      throw new ConflictError('工单已办结或关闭；如需继续回复，请先把它重新打开。')
    }
    assertCanAct(staff, ticket)
    const replyId = await insertReply(tx, { ticketId: ticket.id, staffId: staff.id, body: reply.body, now })
    await markReplied(tx, ticket.id, now)
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      actor: { kind: 'staff', staff },
      action: 'replied',
      after: { replyId, ...(ticket.firstResponseAt === null ? { firstResponse: true } : {}) },
      now,
    })
    if (reply.waitingUser && ticket.status === 'claimed') {
      const assigneeId = ticket.assignee?.id ?? staff.id
      if (!(await moveTicket(tx, { id: ticket.id, from: 'claimed', to: 'waiting_user', assigneeId, now }))) {
        throw new ConflictError(STALE)
      }
      await recordTicketEvent(tx, {
        ticketId: ticket.id,
        actor: { kind: 'staff', staff },
        action: 'status_changed',
        before: { status: 'claimed' },
        after: { status: 'waiting_user' },
        now,
      })
    }
    // One message per channel for the reply, saying the new status too when it changed.
    const waiting =
      reply.waitingUser && ticket.status === 'claimed'
        ? `\n\n工作人员需要您补充信息：${STATUS_LABELS.waiting_user}。`
        : ''
    await announceToRequester(tx, ticket, 'reply', `工作人员答复：${reply.body}${waiting}`, now)
    return { ticket: await reload(tx, ticket.id), replyId }
  })
}

/** Supervisors only: gives an open ticket to another staff member (a new one becomes claimed). */
export async function reassignTicket(
  db: Db,
  staff: StaffMember,
  number: string,
  change: { assigneeId: number; note?: string },
  now: Date,
): Promise<Ticket> {
  if (!roleAtLeast(staff.role, 'supervisor')) throw new ForbiddenError('只有主管可以转派工单；如需转交，请联系主管。')
  return db.transaction(async (tx) => {
    const ticket = await requireTicket(tx, number)
    if (ticket.status === 'resolved' || ticket.status === 'closed') {
      throw new ConflictError('工单已办结或关闭，不能转派；如需继续处理，请先重新打开。')
    }
    const target = await findActiveStaff(tx, change.assigneeId)
    if (!target) throw new InvalidInputError(`没有编号为 ${change.assigneeId} 的在职工作人员，请核对转派对象。`)
    if (ticket.assignee?.id === target.id) throw new ConflictError(`工单已由${target.name}负责，无需转派。`)
    const status: TicketStatus = ticket.status === 'new' ? 'claimed' : ticket.status
    const expected = { status: ticket.status, assigneeId: ticket.assignee?.id ?? null }
    if (!(await setTicketAssignee(tx, { id: ticket.id, expected, status, assigneeId: target.id, now }))) {
      throw new ConflictError(STALE)
    }
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      actor: { kind: 'staff', staff },
      action: 'reassigned',
      before: expected,
      after: { status, assigneeId: target.id, assigneeName: target.name },
      note: change.note ?? null,
      now,
    })
    return reload(tx, ticket.id)
  })
}
