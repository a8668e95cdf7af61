import type { FastifyInstance, FastifySchema } from 'fastify'
import { z } from 'zod'

// Validation messages reach citizens: in Chinese.
z.config(z.locales.zhCN())

const isZod = (schema: unknown): schema is z.ZodType => schema instanceof z.ZodType

/**
 * Routes declare zod schemas in `schema.body/querystring/params`; zod validates them (and fills
 * defaults), and the OpenAPI document gets their JSON Schema form.
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => (data) => {
    if (!isZod(schema)) return { value: data }
    const result = schema.safeParse(data)
    return result.success ? { value: result.data } : { error: result.error }
  })
}

/** For @fastify/swagger's `transform`: zod → JSON Schema, everything else untouched. */
export function zodToOpenApi({ schema, url }: { schema: FastifySchema; url: string }) {
  if (!schema) return { schema, url }
  const converted: Record<string, unknown> = { ...schema }
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
    const value = schema[part]
    if (isZod(value))
      converted[part] = z.toJSONSchema(value, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' })
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
