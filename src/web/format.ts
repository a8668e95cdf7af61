/** Times as people in Shanghai read them, whatever the browser's own time zone. */

const PARTS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function partsOf(iso: string): Record<string, string> | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]))
}

/** 2026年11月25日 17:00 */
export function formatDateTime(iso: string): string {
  const p = partsOf(iso)
  return p ? `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}` : iso
}

/** 2026年11月25日 */
export function formatDate(iso: string): string {
  const p = partsOf(iso)
  return p ? `${p.year}年${p.month}月${p.day}日` : iso
}

/** 11月25日 17:00, for times near now. */
export function formatShortDateTime(iso: string): string {
  const p = partsOf(iso)
  return p ? `${p.month}月${p.day}日 ${p.hour}:${p.minute}` : iso
}

/** A document date from its front matter: 2023-04-04 → 2023年4月4日; anything else as written. */
export function formatIssued(value: string | undefined): string | null {
  if (!value) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value
}

/** 3 天 4 小时 / 2 小时 5 分 / 12 分钟 */
export function describeSpan(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`
  if (hours > 0) return `${hours} 小时 ${minutes % 60} 分`
  return `${minutes} 分钟`
}

export type DueTone = 'ok' | 'soon' | 'overdue' | 'paused' | 'done'

const SOON_MS = 4 * 3_600_000

/**
 * The SLA countdown of a ticket row. Like isOverdue in src/tickets/sla.ts, only "new" and
 * "claimed" run against the clock: waiting for the requester pauses it.
 */
export function describeDue(dueAt: string, status: string, now: Date): { text: string; tone: DueTone } {
  if (status === 'resolved') return { text: '已办结', tone: 'done' }
  if (status === 'closed') return { text: '已关闭', tone: 'done' }
  if (status === 'waiting_user') return { text: '等待提交人补充', tone: 'paused' }
  const left = new Date(dueAt).getTime() - now.getTime()
  if (left < 0) return { text: `已超时 ${describeSpan(-left)}`, tone: 'overdue' }
  return { text: `剩 ${describeSpan(left)}`, tone: left < SOON_MS ? 'soon' : 'ok' }
}
