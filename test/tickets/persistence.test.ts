import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createPgliteDb, migrate } from '../../src/db/index.ts'
import { openTicket } from '../../src/tickets/open-ticket.ts'
import { claimTicket } from '../../src/tickets/ticket-actions.ts'
import { lookupTicketForRequester } from '../../src/tickets/ticket-views.ts'
import { findTicketByNumber } from '../../src/tickets/tickets-repo.ts'
import { staffWithToken, ticketInput } from '../support/tickets.ts'

describe('tickets in a PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quality-desk-tickets-'))
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('survive closing and reopening the database, numbering carries on', { timeout: 120_000 }, async () => {
    const now = new Date('2026-11-25T02:00:00Z')
    const first = await createPgliteDb(dir)
    await migrate(first)
    const { ticket } = await openTicket(first, ticketInput(), { now })
    const { staff } = await staffWithToken(first, '张三', 'agent')
    await claimTicket(first, staff, ticket.number, now)
    await first.close()

    const second = await createPgliteDb(dir)
    expect(await migrate(second)).toEqual([])
    expect(await findTicketByNumber(second, ticket.number)).toMatchObject({
      status: 'claimed',
      contactName: '王芳',
      assignee: { name: '张三' },
    })
    expect((await lookupTicketForRequester(second, ticket.number, ticket.lookupToken))?.status).toBe('claimed')
    expect((await openTicket(second, ticketInput(), { now })).ticket.number).toBe('QD-20261125-0002')
    await second.close()
  })
})
