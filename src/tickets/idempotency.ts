import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/index.ts'

/**
 * Idempotency-Key for opening tickets. A retry must get the same answer, lookup token included,
 * yet the token is otherwise stored only as a hash. So the token is sealed (AES-256-GCM) with a
 * key derived from the Idempotency-Key and the request, neither of which the database holds.
 */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** JSON with sorted keys and no undefined, so equal requests hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export const hashIdempotencyKey = (key: string): string => sha256(`idempotency:${key}`)
export const hashRequest = (request: unknown): string => sha256(canonicalJson(request))

const sealingKey = (key: string, requestHash: string): Buffer =>
  createHash('sha256').update(`seal:${key}:${requestHash}`).digest()

export function sealLookupToken(token: string, key: string, requestHash: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key, requestHash), iv)
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

/** The sealed token, or null when the key or request do not match what sealed it. */
export function unsealLookupToken(sealed: string, key: string, requestHash: string): string | null {
  const bytes = Buffer.from(sealed, 'base64url')
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(key, requestHash), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(12, 28))
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

/**
 * Claims the key for this request; false when it exists already. On PostgreSQL a concurrent
 * claim of the same key waits here until the first transaction commits or rolls back.
 */
export async function reserveIdempotencyKey(db: Db, keyHash: string, requestHash: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `insert into idempotency_keys (key_hash, request_hash, created_at) values ($1, $2, $3)
     on conflict (key_hash) do nothing returning key_hash`,
    [keyHash, requestHash, now.toISOString()],
  )
  return rows.length === 1
}

export type IdempotencyRecord = { requestHash: string; ticketId: number | null; sealedLookupToken: string | null }

export async function findIdempotencyRecord(db: Db, keyHash: string): Promise<IdempotencyRecord | null> {
  const [row] = await db.query<{ request_hash: string; ticket_id: number | null; sealed_lookup_token: string | null }>(
    'select request_hash, ticket_id, sealed_lookup_token from idempotency_keys where key_hash = $1',
    [keyHash],
  )
  return row
    ? { requestHash: row.request_hash, ticketId: row.ticket_id, sealedLookupToken: row.sealed_lookup_token }
    : null
}

export async function completeIdempotencyKey(
  db: Db,
  keyHash: string,
  result: { ticketId: number; sealedLookupToken: string },
): Promise<void> {
  await db.query('update idempotency_keys set ticket_id = $2, sealed_lookup_token = $3 where key_hash = $1', [
    keyHash,
    result.ticketId,
    result.sealedLookupToken,
  ])
}

/** Retention: once a ticket's personal data is gone, so is any way to replay its creation. */
export async function deleteIdempotencyKeysOfTicket(db: Db, ticketId: number): Promise<void> {
  await db.query('delete from idempotency_keys where ticket_id = $1', [ticketId])
}
