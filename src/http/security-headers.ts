import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * The pages load only their own bundled scripts and stylesheets and talk only to this server, so
 * the policy can say exactly that: no inline code, no third-party origins, nothing framed.
 * Model and user text is put in the page as text, never as markup; this policy is the second line.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

/**
 * Swagger UI under /docs sets inline styles at runtime, so only there style-src also allows
 * 'unsafe-inline'. Scripts stay 'self'-only, and /docs shows no user or model text.
 */
export const DOCS_CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  ...CONTENT_SECURITY_POLICY,
  'style-src': ["'self'", "'unsafe-inline'"],
}

/** The header value, as browsers receive it (for tests and the README). */
export const contentSecurityPolicyHeader = (policy = CONTENT_SECURITY_POLICY): string =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join(';')

/**
 * Helmet's headers on every response, with the CSP above instead of its defaults. Register it
 * before @fastify/swagger-ui: the /docs routes get their policy as they are added.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    // useDefaults would add upgrade-insecure-requests, which breaks plain-http intranet deployments.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  })
  app.addHook('onRoute', (route) => {
    if (route.url === '/docs' || route.url.startsWith('/docs/')) {
      route.config = {
        ...route.config,
        helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CONTENT_SECURITY_POLICY } },
      } as typeof route.config
    }
  })
}
