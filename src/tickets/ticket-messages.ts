import { CATEGORY_LABELS } from './model.ts'
import type { OpenedTicket } from './open-ticket.ts'
import { formatDeadline } from './sla.ts'

/**
 * What the requester reads once the ticket is committed: its number, the lookup token (shown only
 * this once), when to expect a call, and how to follow up. The chat can say the same.
 */
export function describeOpenedTicket(ticket: OpenedTicket): string {
  const lines = [
    `已为您登记“${CATEGORY_LABELS[ticket.category]}”工单，编号 ${ticket.number}，查询码 ${ticket.lookupToken}。`,
    '查询码只显示这一次，请截图或记下；凭工单编号和查询码可以随时查看办理进度和工作人员的答复。',
    // The same two deadlines, in the same words, as the card, the lookup page and the staff queue.
    `首次联系：工作人员会在 ${formatDeadline(ticket.firstResponseDueAt)} 前通过您留的电话与您联系，请保持电话畅通。`,
    `办理时限：${formatDeadline(ticket.slaDueAt)} 前。`,
  ]
  if (ticket.priority === 'high') {
    lines.push('您描述的情况可能涉及人身安全：如有人受伤、起火或燃气泄漏，请先拨打 120、119 或 110。')
  }
  return lines.join('\n')
}
