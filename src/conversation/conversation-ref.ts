import { createHash } from 'node:crypto'

/**
 * What staff see instead of a chat's sessionId: the id is the requester's key to the conversation
 * (whoever holds it can go on in it, an intake in progress included), while a short one-way reference
 * is enough to tell turns of one conversation from another's.
 */
export const conversationRef = (sessionId: string): string =>
  createHash('sha256').update(`conversation:${sessionId}`).digest('hex').slice(0, 10)
