import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { TICKET_CATEGORIES } from '../../src/tickets/model.ts'
import {
  addWorkingDays,
  computeSla,
  formatDeadline,
  isOverdue,
  nextDueAt,
  SLA_TABLE,
  shanghaiDate,
  workCalendarOf,
} from '../../src/tickets/sla.ts'
import { describeOpenedTicket } from '../../src/tickets/ticket-messages.ts'

// 2026-11-25 is a Wednesday. 10:00 in Shanghai is 02:00 UTC.
const wednesday10 = new Date('2026-11-25T02:00:00Z')
const friday16 = new Date('2026-11-27T08:00:00Z')

describe('addWorkingDays', () => {
  it('ends at 17:00 Shanghai time on the n-th working day after the day of receipt', () => {
    expect(addWorkingDays(wednesday10, 1).toISOString()).toBe('2026-11-26T09:00:00.000Z')
    expect(addWorkingDays(wednesday10, 3).toISOString()).toBe('2026-11-30T09:00:00.000Z') // Thu, Fri, Mon
  })

  it('skips the weekend', () => {
    expect(addWorkingDays(friday16, 1).toISOString()).toBe('2026-11-30T09:00:00.000Z')
  })

  it('counts a Saturday receipt from Monday', () => {
    expect(addWorkingDays(new Date('2026-11-28T03:00:00Z'), 1).toISOString()).toBe('2026-11-30T09:00:00.000Z')
  })

  it('uses the Shanghai date, not the UTC one, near midnight', () => {
    // 2026-11-27 23:30 UTC is already Saturday 07:30 in Shanghai.
    const lateFridayUtc = new Date('2026-11-27T23:30:00Z')
    expect(shanghaiDate(lateFridayUtc)).toBe('2026-11-28')
    expect(addWorkingDays(lateFridayUtc, 1).toISOString()).toBe('2026-11-30T09:00:00.000Z')
  })

  it('honours public holidays and make-up working days', () => {
    const calendar = { holidays: new Set(['2026-11-26']), workdays: new Set(['2026-11-29']) }
    // Thursday is a holiday, Friday counts, Saturday not, Sunday is a make-up working day.
    expect(addWorkingDays(wednesday10, 2, calendar).toISOString()).toBe('2026-11-29T09:00:00.000Z')
  })
})

describe('computeSla', () => {
  it('gives complaints seven working days for a decision on acceptance', () => {
    const sla = computeSla('complaint', 'normal', wednesday10)
    expect(sla.slaDueAt.toISOString()).toBe('2026-12-04T09:00:00.000Z') // Thu … next Fri
    expect(sla.firstResponseDueAt.toISOString()).toBe('2026-11-26T09:00:00.000Z')
  })

  it('gives on-site metrology three working days', () => {
    expect(computeSla('metrology_onsite', 'normal', wednesday10).slaDueAt.toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    )
  })

  it('gives high priority four clock hours for a first response, even on a Saturday night', () => {
    const saturdayNight = new Date('2026-11-28T14:00:00Z')
    const sla = computeSla('complaint', 'high', saturdayNight)
    expect(sla.firstResponseDueAt.toISOString()).toBe('2026-11-28T18:00:00.000Z')
    expect(sla.slaDueAt > sla.firstResponseDueAt).toBe(true)
  })

  it('has a rule with a basis for every category, first response never after resolution', () => {
    for (const category of TICKET_CATEGORIES) {
      expect(SLA_TABLE[category].basis.length).toBeGreaterThan(0)
      const sla = computeSla(category, 'normal', wednesday10)
      expect(sla.firstResponseDueAt <= sla.slaDueAt).toBe(true)
    }
  })
})

describe('isOverdue', () => {
  const base = {
    firstResponseDueAt: new Date('2026-11-26T09:00:00Z'),
    slaDueAt: new Date('2026-12-04T09:00:00Z'),
  }
  const justAfterFirstDeadline = new Date('2026-11-26T09:00:01Z')

  it('is overdue once the first-response deadline passes without a reply', () => {
    const ticket = { ...base, status: 'new' as const, firstResponseAt: null }
    expect(isOverdue(ticket, new Date('2026-11-26T08:59:59Z'))).toBe(false)
    expect(isOverdue(ticket, justAfterFirstDeadline)).toBe(true)
    expect(nextDueAt(ticket)).toEqual(base.firstResponseDueAt)
  })

  it('after a reply, only the resolution deadline counts', () => {
    const ticket = { ...base, status: 'claimed' as const, firstResponseAt: new Date('2026-11-25T05:00:00Z') }
    expect(isOverdue(ticket, justAfterFirstDeadline)).toBe(false)
    expect(isOverdue(ticket, new Date('2026-12-04T09:00:01Z'))).toBe(true)
  })

  it('is never overdue while waiting for the requester or once finished', () => {
    const late = new Date('2027-01-01T00:00:00Z')
    for (const status of ['waiting_user', 'resolved', 'closed'] as const) {
      expect(isOverdue({ ...base, status, firstResponseAt: null }, late)).toBe(false)
    }
  })
})

describe('the configured calendar and the one deadline format', () => {
  it('takes public holidays and make-up working days from the environment', () => {
    const calendar = workCalendarOf(
      loadConfig({ PUBLIC_HOLIDAYS: '2026-11-26, 2026-11-27', MAKEUP_WORKDAYS: '2026-11-28' }),
    )
    // Thu and Fri off, Sat worked: one working day after Wednesday is Saturday.
    expect(addWorkingDays(wednesday10, 1, calendar).toISOString()).toBe('2026-11-28T09:00:00.000Z')
    expect(() => loadConfig({ PUBLIC_HOLIDAYS: '2026-13-1' })).toThrow(/PUBLIC_HOLIDAYS/)
  })

  it('writes a deadline in Shanghai time, as the pages do', () => {
    expect(formatDeadline(new Date('2026-11-26T09:00:00Z'))).toBe('2026年11月26日 17:00')
    expect(formatDeadline(new Date('2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30')
  })

  it('gives the chat message and the API response the same deadlines', () => {
    const ticket = {
      number: 'QD-20261125-0001',
      status: 'new' as const,
      category: 'complaint' as const,
      priority: 'normal' as const,
      lookupToken: 'ABCDEFGH',
      ...computeSla('complaint', 'normal', wednesday10),
    }
    const message = describeOpenedTicket(ticket)
    expect(message).toContain(`首次联系：工作人员会在 ${formatDeadline(ticket.firstResponseDueAt)} 前`)
    expect(message).toContain(`办理时限：${formatDeadline(ticket.slaDueAt)} 前`)
  })
})
