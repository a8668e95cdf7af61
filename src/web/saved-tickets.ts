import { local } from './storage.ts'

/**
 * Tickets filed from this browser, with their lookup tokens: the token is shown only once, so the
 * browser that filed the ticket keeps it, and the lookup page fills it in. Never sent anywhere.
 */
export type SavedTicket = { number: string; lookupToken: string; savedAt: string }

const KEY = 'qd.tickets'
const LIMIT = 20

export function savedTickets(): SavedTicket[] {
  try {
    const parsed = JSON.parse(local.get(KEY) ?? '[]') as unknown
    return Array.isArray(parsed)
      ? (parsed as SavedTicket[]).filter((ticket) => ticket?.number && ticket.lookupToken)
      : []
  } catch {
    return []
  }
}

export function saveTicket(number: string, lookupToken: string): void {
  const others = savedTickets().filter((ticket) => ticket.number !== number)
  const next = [{ number, lookupToken, savedAt: new Date().toISOString() }, ...others].slice(0, LIMIT)
  local.set(KEY, JSON.stringify(next))
}

export const savedTokenOf = (number: string): string | null =>
  savedTickets().find((ticket) => ticket.number === number.trim().toUpperCase())?.lookupToken ?? null
