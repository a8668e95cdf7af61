import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import { UnavailableError } from '../../errors.ts'
import { WEB_DIST_DIR } from '../../web/dist-dir.ts'
import type { App } from '../zod-schemas.ts'

/** Where `npm run build` (src/web/build.ts) puts the pages. */
export const DEFAULT_WEB_DIR = WEB_DIST_DIR

/** Page URL → the built HTML file that serves it; each page loads its own script from /assets/. */
export const PAGES: Record<string, string> = {
  '/': 'chat.html',
  '/lookup': 'lookup.html',
  '/staff': 'staff.html',
  '/documents': 'documents.html',
  '/documents/:docId': 'document.html',
}

const NOT_BUILT = '网页尚未构建：请先运行 npm run build（npm start 会自动构建），然后重启服务。接口 /api/ 不受影响。'

/**
 * The web pages and their assets. Without a build the API still works, and the pages answer 503
 * with what to do, rather than the server refusing to start.
 */
export async function registerWebRoutes(app: App, deps: { dir?: string } = {}): Promise<void> {
  const dir = deps.dir ?? DEFAULT_WEB_DIR
  const built = Object.values(PAGES).every((file) => existsSync(join(dir, file))) && existsSync(join(dir, 'assets'))
  const schema = { hide: true }

  if (!built) {
    app.log.warn(`web pages not built (${dir}): run npm run build`)
    const unavailable = async () => {
      throw new UnavailableError(NOT_BUILT)
    }
    for (const url of Object.keys(PAGES)) app.get(url, { schema }, unavailable)
    app.get('/assets/*', { schema }, unavailable)
    return
  }

  await app.register(fastifyStatic, { root: join(dir, 'assets'), prefix: '/assets/', index: false })
  for (const [url, file] of Object.entries(PAGES)) {
    // The pages are shells that fetch their data; revalidate them so a rebuild shows at once.
    app.get(url, { schema }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile(file, dir, { cacheControl: false }),
    )
  }
}
