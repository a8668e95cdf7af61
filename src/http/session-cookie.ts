import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'

/**
 * The staff sign-in cookie: httpOnly (page scripts never see it), SameSite=Strict (no other site's
 * page makes the browser send it), and only for /api/staff. Secure when the request came over https
 * (as the reverse proxy reports it, see TRUST_PROXY), or always/never by STAFF_COOKIE_SECURE.
 */
const NAME = 'qd_staff'
const PATH = '/api/staff'

export type CookieSecurity = Config['STAFF_COOKIE_SECURE']

const VALUE = /^[A-Za-z0-9_-]{1,100}$/

/** The cookie's value when it is one we could have set. */
export function readSessionCookie(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === NAME && value && VALUE.test(value)) return value
  }
  return null
}

function write(reply: FastifyReply, request: FastifyRequest, security: CookieSecurity, value: string, maxAge: number) {
  const secure = security === 'always' || (security === 'auto' && request.protocol === 'https')
  const attributes = [`${NAME}=${value}`, `Path=${PATH}`, `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Strict']
  if (secure) attributes.push('Secure')
  reply.header('set-cookie', attributes.join('; '))
}

export const setSessionCookie = (
  reply: FastifyReply,
  request: FastifyRequest,
  security: CookieSecurity,
  value: string,
  expiresAt: Date,
  now: Date,
) => write(reply, request, security, value, Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)))

export const clearSessionCookie = (reply: FastifyReply, request: FastifyRequest, security: CookieSecurity) =>
  write(reply, request, security, '', 0)
