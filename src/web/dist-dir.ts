import { fileURLToPath } from 'node:url'

/** Where `npm run build` writes the pages and where the server looks for them (Node side only). */
export const WEB_DIST_DIR = fileURLToPath(new URL('./dist/', import.meta.url))
