// Parses one PDF inside a worker thread (see pdf-loader.ts): a hostile file (a compression bomb,
// endless pages) costs this thread, which the loader stops, never the server's own.
// Plain JavaScript, so that the worker starts the same under tsx, vitest and node.
import { parentPort, workerData } from 'node:worker_threads'
import { PDFParse } from 'pdf-parse'

const { data, maxPages } = workerData
const parser = new PDFParse({ data })
try {
  const info = await parser.getInfo()
  if (info.total > maxPages) {
    parentPort.postMessage({ kind: 'too-many-pages', pages: info.total })
  } else {
    const text = await parser.getText()
    const title = typeof info.info?.Title === 'string' ? info.info.Title : ''
    parentPort.postMessage({
      kind: 'text',
      title,
      pages: text.pages.map((page) => ({ num: page.num, text: page.text })),
    })
  }
} catch (error) {
  parentPort.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
} finally {
  await parser.destroy()
}
