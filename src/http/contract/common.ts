import { z } from 'zod'

/** Every error the API answers with: a code for programs and a Chinese sentence for people. */
export const ErrorResponse = z.object({
  error: z.string(),
  message: z.string(),
  /** On 400: the request fields that were wrong. */
  fields: z.array(z.string()).optional(),
})

/** A moment in time: a Date on the server, an ISO 8601 string on the wire. */
export const isoDateTime = z
  .union([z.date(), z.string()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString()))

/** Statuses every route may answer besides its own; spread into `response`. */
export const commonErrors = { 400: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse } as const

/** Integers that fit the database's int4 ids: a larger one is a 400, not a 500. */
export const int4Id = z.coerce.number().int().positive('编号应为正整数').max(2_147_483_647, '编号过大')
