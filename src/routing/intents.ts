import type { TicketCategory } from '../tickets/model.ts'

/** What a message asks for; decides the next step in /api/chat (answer, clarify, open a ticket, decline). */
export const INTENTS = [
  'policy_question',
  'event_inquiry',
  'complaint',
  'service_request',
  'human_handoff',
  'smalltalk',
  'out_of_scope',
] as const
export type Intent = (typeof INTENTS)[number]

export { AUDIENCES, type Audience, TICKET_CATEGORIES, type TicketCategory } from '../tickets/model.ts'

/** Intents that open a ticket, and so need a category. */
export const TICKET_INTENTS: ReadonlySet<Intent> = new Set(['complaint', 'service_request', 'human_handoff'])

export type Classification = {
  intent: Intent
  /** 0–1; rules that fire report their own fixed confidence, the trained model its posterior. */
  confidence: number
  /** Set for complaint, service_request and human_handoff; null otherwise. */
  category: TicketCategory | null
  /** A safety risk (fire, gas, electric shock, injury, poisoning) is described: the ticket jumps the queue. */
  highPriority: boolean
}
