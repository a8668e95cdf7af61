import { OPEN_STATUSES, type Priority, type TicketCategory, type TicketStatus } from './model.ts'

type Span = { workingDays: number } | { hours: number }
export type SlaRule = { firstResponse: Span; resolution: Span; basis: string }

/**
 * How long the bureau has for each kind of ticket: a first reply to the requester, then a
 * decision or the service itself. Working days end at 17:00 Shanghai time.
 */
export const SLA_TABLE: Record<TicketCategory, SlaRule> = {
  complaint: {
    firstResponse: { workingDays: 1 },
    resolution: { workingDays: 7 },
    basis: '《市场监督管理投诉举报处理暂行办法》第十八条：收到投诉之日起七个工作日内作出受理或者不予受理的决定',
  },
  metrology_onsite: {
    firstResponse: { workingDays: 1 },
    resolution: { workingDays: 3 },
    basis: '上门检定/校准：三个工作日内联系确定上门时间',
  },
  quality_diagnosis: {
    firstResponse: { workingDays: 2 },
    resolution: { workingDays: 10 },
    basis: '质量诊断需协调专家：两个工作日内联系，十个工作日内安排',
  },
  ccc_exemption_help: {
    firstResponse: { workingDays: 1 },
    resolution: { workingDays: 5 },
    basis: '免办帮办：一个工作日内联系，五个工作日内完成指导',
  },
  certification_help: {
    firstResponse: { workingDays: 2 },
    resolution: { workingDays: 5 },
    basis: '认证咨询帮办：两个工作日内联系，五个工作日内答复',
  },
  other: {
    firstResponse: { workingDays: 2 },
    resolution: { workingDays: 5 },
    basis: '其他事项：两个工作日内联系，五个工作日内答复',
  },
}

/** A described safety risk is answered within hours, whatever the category or the day. */
export const HIGH_PRIORITY_FIRST_RESPONSE: Span = { hours: 4 }

/** Public holidays and make-up working days (调休), as 'YYYY-MM-DD' in Shanghai time. */
export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> }
export const WEEKENDS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() }

const SHANGHAI_OFFSET_MS = 8 * 3_600_000 // UTC+8 all year, no daylight saving
const DAY_MS = 86_400_000
const BUSINESS_DAY_END_HOUR = 17

/** The calendar from configuration: public holidays and make-up working days as 'YYYY-MM-DD' lists. */
export const workCalendarOf = (config: { PUBLIC_HOLIDAYS: string[]; MAKEUP_WORKDAYS: string[] }): WorkCalendar => ({
  holidays: new Set(config.PUBLIC_HOLIDAYS),
  workdays: new Set(config.MAKEUP_WORKDAYS),
})

/**
 * A deadline as every page and message writes it, 2026年11月26日 17:00 in Shanghai time; the web
 * pages' formatDateTime gives the same text, so chat, card, lookup and queue all read alike.
 */
export function formatDeadline(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  const hh = String(local.getUTCHours()).padStart(2, '0')
  const mm = String(local.getUTCMinutes()).padStart(2, '0')
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hh}:${mm}`
}

/** The calendar date in Shanghai, 'YYYY-MM-DD'. */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true
  if (calendar.holidays.has(date)) return false
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The end (17:00 Shanghai) of the n-th working day after the day of `start`; the day of receipt
 * itself does not count, as for any period counted in days (《民法典》第二百零一条).
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkCalendar = WEEKENDS_ONLY): Date {
  let date = shanghaiDate(start)
  for (let counted = 0; counted < days; ) {
    date = new Date(new Date(`${date}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10)
    if (isWorkingDay(date, calendar)) counted += 1
  }
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + BUSINESS_DAY_END_HOUR * 3_600_000 - SHANGHAI_OFFSET_MS)
}

const addSpan = (start: Date, span: Span, calendar: WorkCalendar): Date =>
  'hours' in span
    ? new Date(start.getTime() + span.hours * 3_600_000)
    : addWorkingDays(start, span.workingDays, calendar)

export type SlaDeadlines = { firstResponseDueAt: Date; slaDueAt: Date }

/** Both deadlines of a ticket opened at `createdAt`. */
export function computeSla(
  category: TicketCategory,
  priority: Priority,
  createdAt: Date,
  calendar: WorkCalendar = WEEKENDS_ONLY,
): SlaDeadlines {
  const rule = SLA_TABLE[category]
  const firstResponse = priority === 'high' ? HIGH_PRIORITY_FIRST_RESPONSE : rule.firstResponse
  return {
    firstResponseDueAt: addSpan(createdAt, firstResponse, calendar),
    slaDueAt: addSpan(createdAt, rule.resolution, calendar),
  }
}

type SlaFacts = { status: TicketStatus; firstResponseAt: Date | null; firstResponseDueAt: Date; slaDueAt: Date }

/** The deadline that matters now: the first reply until it is given, then the resolution. */
export const nextDueAt = (ticket: SlaFacts): Date =>
  ticket.firstResponseAt === null ? ticket.firstResponseDueAt : ticket.slaDueAt

/**
 * Overdue while the bureau owes the next step. `waiting_user` is excluded: the clock is on the
 * requester then. tickets-repo.ts filters with the same rule in SQL.
 */
export const isOverdue = (ticket: SlaFacts, now: Date): boolean =>
  OPEN_STATUSES.includes(ticket.status) && ticket.status !== 'waiting_user' && nextDueAt(ticket) < now
