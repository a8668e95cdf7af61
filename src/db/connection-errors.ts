/**
 * Telling "the database cannot be reached" apart from "the query was wrong", by error code only:
 * the first is worth a retry (at start) or a 503 (while serving), the second is a bug or bad input.
 */

// Node socket errors on connect, or on a connection that broke.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

// SQLSTATE: admin_shutdown (pg_terminate_backend, fast shutdown), crash_shutdown, cannot_connect_now
// (starting up or in recovery), too_many_connections. Class 08 (connection exception) is matched whole.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300'])

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** True when `error` (or what it wraps) says the database server is unreachable or went away. */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  const code = codeOf(error)
  if (code && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true
  // Node reports a refused dual-stack connect as an AggregateError of one error per address.
  const inner = (error as { errors?: unknown }).errors
  if (Array.isArray(inner) && inner.some((item) => isConnectionError(item, depth + 1))) return true
  return isConnectionError((error as { cause?: unknown }).cause, depth + 1)
}

/**
 * pg reports a socket that closed under a query ("Connection terminated unexpectedly") or a pool
 * that timed out connecting as a plain Error with no code. src/db/postgres.ts rethrows those as
 * this, with SQLSTATE 08006 (connection_failure), so that the rest of the code can go by code.
 */
export class ConnectionLostError extends Error {
  override name = 'ConnectionLostError'
  readonly code = '08006'
}

/** One line for a person reading the log: the code and what the driver said (no credentials in it). */
export const describeConnectionError = (error: unknown): string => {
  const code = codeOf(error)
  const inner = (error as { errors?: unknown[] } | null)?.errors
  let message = error instanceof Error ? error.message : String(error)
  // An AggregateError's own message is empty; the addresses it tried are in its parts.
  if (!message && Array.isArray(inner)) message = inner.map((item) => (item as Error)?.message).join('; ')
  return code && !message.includes(code) ? `${code} ${message}`.trim() : message
}
