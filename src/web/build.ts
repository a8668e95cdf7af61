import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { WEB_DIST_DIR } from './dist-dir.ts'

/** Bundles the pages' scripts and stylesheet with esbuild and writes the HTML beside them. */

const SOURCE_DIR = fileURLToPath(new URL('./', import.meta.url))
const PAGES_DIR = join(SOURCE_DIR, 'pages')

/** One script per page; each HTML page in pages/ loads /assets/<name>.js. */
export const ENTRY_POINTS = ['chat', 'lookup', 'staff', 'documents', 'document'] as const

/**
 * The pages share a head, header and footer: `<!--#head-->`, `<!--#header chat-->` (the nav item
 * to mark as current) and `<!--#footer-->` are replaced here, so there is no templating at runtime.
 */
export function renderPage(html: string, partials: { head: string; header: string; footer: string }): string {
  return html
    .replace('<!--#head-->', partials.head.trim())
    .replace(/<!--#header (\w+)-->/, (_match, current: string) =>
      partials.header.trim().replace(`data-nav="${current}"`, `data-nav="${current}" aria-current="page"`),
    )
    .replace('<!--#footer-->', partials.footer.trim())
}

export async function buildWeb(outDir: string = WEB_DIST_DIR): Promise<{ outDir: string; files: string[] }> {
  await rm(outDir, { recursive: true, force: true })
  const assets = join(outDir, 'assets')
  await mkdir(assets, { recursive: true })

  const result = await build({
    entryPoints: [
      ...ENTRY_POINTS.map((name) => ({ in: join(SOURCE_DIR, `${name}.ts`), out: name })),
      { in: join(SOURCE_DIR, 'styles.css'), out: 'styles' },
    ],
    outdir: assets,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    charset: 'utf8',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  })

  const partial = (name: string) => readFile(join(PAGES_DIR, 'partials', `${name}.html`), 'utf8')
  const partials = { head: await partial('head'), header: await partial('header'), footer: await partial('footer') }
  const pages = (await readdir(PAGES_DIR)).filter((file) => file.endsWith('.html'))
  for (const page of pages) {
    await writeFile(join(outDir, page), renderPage(await readFile(join(PAGES_DIR, page), 'utf8'), partials))
  }
  await copyFile(join(PAGES_DIR, 'favicon.svg'), join(assets, 'favicon.svg'))
  return { outDir, files: [...pages, ...Object.keys(result.metafile.outputs), 'assets/favicon.svg'] }
}

// `npm run build` runs this file directly.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now()
  const { outDir, files } = await buildWeb()
  console.log(`web: ${files.length} files → ${outDir} in ${Math.round(performance.now() - started)} ms`)
}
