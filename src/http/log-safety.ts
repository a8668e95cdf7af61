import type { FastifyServerOptions } from 'fastify'
import { maskPersonalData } from '../text/mask.ts'

type LoggerOption = FastifyServerOptions['logger']

// Query parameters that carry secrets: the requester's lookup token may be sent as ?token=.
const SECRET_QUERY = /([?&](?:token|lookup_token|lookupToken)=)[^&#]*/gi

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g

/**
 * Percent-escapes decoded before masking: a phone after "%20" has a digit before it (so the masks
 * would not see a number starting there), and "%31%33%38…" is a phone written in escapes. A run that
 * is not valid UTF-8 is logged as "%" alone.
 */
const decodeEscapes = (url: string): string =>
  url.replace(ESCAPE_RUN, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return '%'
    }
  })

/** The URL as logged: escapes decoded, secret query values replaced, phone numbers and the like masked. */
export const safeUrl = (url: string): string =>
  maskPersonalData(decodeEscapes(url).replace(SECRET_QUERY, '$1[redacted]'))

/**
 * Request logs carry method, URL, host and client address only: never the body (contact details)
 * nor headers (Authorization, x-lookup-token). Error messages are masked too, since a database
 * error can quote the value that failed.
 */
const serializers = {
  req(request: {
    method: string
    url: string
    host?: string
    hostname?: string
    ip?: string
    socket?: { remotePort?: number }
  }) {
    return {
      method: request.method,
      url: safeUrl(request.url),
      host: request.host ?? request.hostname,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    }
  },
  err(error: Error & { code?: string; statusCode?: number }) {
    return {
      type: error.name,
      message: maskPersonalData(error.message),
      code: error.code,
      statusCode: error.statusCode,
      stack: maskPersonalData(error.stack ?? ''),
    }
  },
}

// Belt and braces should someone log a request object or its headers by hand.
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-lookup-token"]',
  'req.headers.cookie',
  'req.body',
  'headers.authorization',
  'headers["x-lookup-token"]',
  'body',
]

/** The logger options with the serializers and redaction above; `false` stays `false`. */
export function withSafeLogging(logger: LoggerOption): LoggerOption {
  if (!logger) return false
  const options = logger === true ? {} : logger
  const own = Array.isArray(options.redact) ? options.redact : (options.redact?.paths ?? [])
  return {
    ...options,
    serializers: { ...options.serializers, ...serializers },
    redact: { paths: [...own, ...REDACT_PATHS], censor: '[redacted]' },
  }
}
