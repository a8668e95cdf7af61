import { ConflictError } from '../errors.ts'
import { STATUS_LABELS, type TicketStatus } from './model.ts'

/**
 * Where a ticket may go from each status. Claiming moves it out of the queue; `claimed → new`
 * hands it back; `waiting_user → claimed` resumes work once the requester has answered; a resolved
 * or closed ticket can be reopened, either to its handler (`claimed`) or back to the queue (`new`).
 */
const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['claimed'],
  claimed: ['waiting_user', 'resolved', 'new'],
  waiting_user: ['claimed', 'resolved'],
  resolved: ['closed', 'claimed', 'new'],
  closed: ['claimed', 'new'],
}

export const canTransition = (from: TicketStatus, to: TicketStatus): boolean => TRANSITIONS[from].includes(to)

export const allowedTransitions = (from: TicketStatus): readonly TicketStatus[] => TRANSITIONS[from]

/** A reopen takes a finished ticket back into work. */
export const isReopen = (from: TicketStatus, to: TicketStatus): boolean =>
  (from === 'resolved' || from === 'closed') && (to === 'claimed' || to === 'new')

const describe = (status: TicketStatus) => `“${STATUS_LABELS[status]}”(${status})`

/** Throws a 409 that names both statuses and where the ticket can go instead. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to) throw new ConflictError(`工单已经是${describe(to)}状态，无需再次更改。`)
  if (canTransition(from, to)) return
  const options = TRANSITIONS[from].map(describe).join('、')
  throw new ConflictError(`工单当前为${describe(from)}，不能直接改为${describe(to)}；可改为：${options}。`)
}
