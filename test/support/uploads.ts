import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { FastifyInstance } from 'fastify'

/** A multipart upload as the console sends it: the file in field `file`, metadata as text fields. */
export function uploadForm(
  file: { name: string; bytes: Buffer | string },
  fields: Record<string, string> = {},
): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append('file', new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)]), file.name)
  return form
}

export const fixtureFile = (path: string) => ({ name: basename(path), bytes: readFileSync(path) })

export const upload = (app: FastifyInstance, token: string, form: FormData) =>
  app.inject({
    method: 'POST',
    url: '/api/staff/documents',
    headers: { authorization: `Bearer ${token}` },
    payload: form,
  })

export const ask = async (app: FastifyInstance, message: string) =>
  (await app.inject({ method: 'POST', url: '/api/chat', payload: { message } })).json()
