import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { FastifyBaseLogger, FastifyInstance, FastifySchema, FastifyTypeProvider, RawServerDefault } from 'fastify'
import { z } from 'zod'

// Validation messages reach citizens: in Chinese.
z.config(z.locales.zhCN())

const isZod = (schema: unknown): schema is z.ZodType => schema instanceof z.ZodType

/**
 * Types requests from the zod schemas a route declares (what zod outputs after defaults and
 * transforms) and checks that a handler returns what its response schema accepts.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown
  readonly serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown
}

/** The app as the route files see it: request and reply typed by their zod schemas. */
export type App = FastifyInstance<
  RawServerDefault | Server,
  IncomingMessage,
  ServerResponse<IncomingMessage>,
  FastifyBaseLogger,
  ZodTypeProvider
>

/**
 * Routes declare zod schemas in `schema.body/querystring/params` and `schema.response[status]`.
 * Requests are validated by zod (defaults filled); responses are parsed by their schema before
 * they are sent, so a field the contract does not name never leaves the server.
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data) => {
    if (!isZod(schema)) return { value: data }
    const result = schema.safeParse(data)
    return result.success ? { value: result.data } : { error: result.error }
  })
  app.setSerializerCompiler(({ schema }) => {
    if (!isZod(schema)) return (data) => JSON.stringify(data)
    return (data) => JSON.stringify(schema.parse(data))
  })
}

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' })

type MediaResponse = { description?: string; content: Record<string, { schema: unknown }> }
const isMediaResponse = (value: unknown): value is MediaResponse =>
  typeof value === 'object' && value !== null && 'content' in value

/** A response as received: a zod schema, or `{ description, content: { [mediaType]: { schema } } }` for non-JSON bodies. */
function convertResponse(value: unknown): unknown {
  if (isZod(value)) return toJsonSchema(value, 'output')
  if (!isMediaResponse(value)) return value
  const content = Object.entries(value.content).map(([mediaType, { schema }]) => [
    mediaType,
    { schema: isZod(schema) ? toJsonSchema(schema, 'output') : schema },
  ])
  return { ...value, content: Object.fromEntries(content) }
}

/** For @fastify/swagger's `transform`: zod → JSON Schema (requests as sent, responses as received). */
export function zodToOpenApi({ schema, url }: { schema: FastifySchema; url: string }) {
  if (!schema) return { schema, url }
  const converted: Record<string, unknown> = { ...schema }
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
    const value = schema[part]
    if (isZod(value)) converted[part] = toJsonSchema(value, 'input')
  }
  if (schema.response && typeof schema.response === 'object') {
    converted.response = Object.fromEntries(
      Object.entries(schema.response as Record<string, unknown>).map(([status, value]) => [
        status,
        convertResponse(value),
      ]),
    )
  }
  return { schema: converted, url }
}

/** A row id: the database's integer columns end at 2^31 − 1, and a larger number would be a 500 there. */
export const rowId = (message: string) =>
  z
    .number({ error: message })
    .int({ error: message })
    .positive({ error: message })
    .max(2_147_483_647, { error: message })
