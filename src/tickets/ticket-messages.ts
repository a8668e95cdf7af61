import { CATEGORY_LABELS } from './model.ts'
import type { OpenedTicket } from './open-ticket.ts'

const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** 11月26日 17:00, in Shanghai time. */
export function formatShanghaiTime(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  const hh = String(local.getUTCHours()).padStart(2, '0')
  const mm = String(local.getUTCMinutes()).padStart(2, '0')
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hh}:${mm}`
}

/**
 * What the requester reads once the ticket is committed: its number, the lookup token (shown only
 * this once), when to expect a call, and how to follow up. The chat can say the same.
 */
export function describeOpenedTicket(ticket: OpenedTicket): string {
  const lines = [
    `已为您登记“${CATEGORY_LABELS[ticket.category]}”工单，编号 ${ticket.number}，查询码 ${ticket.lookupToken}。`,
    '查询码只显示这一次，请截图或记下；凭工单编号和查询码可以随时查看办理进度和工作人员的答复。',
    `工作人员会在 ${formatShanghaiTime(ticket.firstResponseDueAt)} 前通过您留的电话与您联系，请保持电话畅通。`,
  ]
  if (ticket.priority === 'high') {
    lines.push('您描述的情况可能涉及人身安全：如有人受伤、起火或燃气泄漏，请先拨打 120、119 或 110。')
  }
  return lines.join('\n')
}
