import { describe, expect, it } from 'vitest'
import { ConflictError } from '../../src/errors.ts'
import { TICKET_STATUSES } from '../../src/tickets/model.ts'
import { allowedTransitions, assertTransition, canTransition, isReopen } from '../../src/tickets/status.ts'

describe('ticket status machine', () => {
  it.each([
    ['new', 'claimed'],
    ['claimed', 'waiting_user'],
    ['claimed', 'resolved'],
    ['claimed', 'new'],
    ['waiting_user', 'claimed'],
    ['waiting_user', 'resolved'],
    ['resolved', 'closed'],
    ['resolved', 'claimed'],
    ['closed', 'claimed'],
    ['closed', 'new'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true)
    expect(() => assertTransition(from, to)).not.toThrow()
  })

  it.each([
    ['new', 'resolved'],
    ['new', 'closed'],
    ['new', 'waiting_user'],
    ['claimed', 'closed'],
    ['waiting_user', 'closed'],
    ['closed', 'resolved'],
    ['closed', 'waiting_user'],
  ] as const)('refuses %s → %s with a 409 that says where it can go', (from, to) => {
    expect(canTransition(from, to)).toBe(false)
    let error: unknown
    try {
      assertTransition(from, to)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError).status).toBe(409)
    expect((error as ConflictError).message).toContain('不能直接改为')
    for (const next of allowedTransitions(from)) expect((error as ConflictError).message).toContain(next)
  })

  it('refuses staying in the same status', () => {
    for (const status of TICKET_STATUSES) expect(() => assertTransition(status, status)).toThrow(/无需再次更改/)
  })

  it('recognises a reopen', () => {
    expect(isReopen('closed', 'claimed')).toBe(true)
    expect(isReopen('resolved', 'new')).toBe(true)
    expect(isReopen('claimed', 'new')).toBe(false)
  })
})
