import { z } from 'zod'

/** Every error the API answers with: a code for programs and a Chinese sentence for people. */
export const ErrorResponse = z.object({
  error: z.string(),
  message: z.string(),
  /** On 400: the request fields that were wrong. */
  fields: z.array(z.string()).optional(),
})

/**
 * A moment in time: a Date on the server, an ISO 8601 string on the wire. The pipe is what /docs
 * shows of a transform's output, which JSON Schema could not say otherwise.
 */
export const isoDateTime = z
  .union([z.date(), z.string()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString()))
  .pipe(z.string().meta({ format: 'date-time' }))

/** Statuses every route may answer besides its own; spread into `response`. */
export const commonErrors = { 400: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse } as const

/** Every route behind the staff guard may also answer 401: not signed in, or the sign-in has ended. */
export const staffErrors = { ...commonErrors, 401: ErrorResponse } as const

/** A change behind the guard may also answer 403: a missing CSRF token, or a role too low for it. */
export const staffChangeErrors = { ...staffErrors, 403: ErrorResponse } as const

/** A success without a body (204). Plain JSON Schema: `type: 'null'` is what OpenAPI shows as no content. */
export const NoContent = { type: 'null', description: '成功，无响应体' } as const

/** A body that is not JSON, declared with its media type so /docs does not promise JSON. */
export const textBody = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string() } },
})

/** Integers that fit the database's int4 ids: a larger one is a 400, not a 500. */
export const int4Id = z.coerce.number().int().positive('编号应为正整数').max(2_147_483_647, '编号过大')
