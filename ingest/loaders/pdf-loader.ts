import { Worker } from 'node:worker_threads'
import { IngestLimitError, type IngestLimits } from '../limits.ts'
import type { SourceDocument } from '../types.ts'

type WorkerReply =
  | { kind: 'text'; title: string; pages: Array<{ num: number; text: string }> }
  | { kind: 'too-many-pages'; pages: number }
  | { kind: 'error'; message: string }

const WORKER = new URL('./pdf-worker.mjs', import.meta.url)
// How often the process's memory is looked at while a PDF is parsed.
const MEMORY_CHECK_MS = 25

/**
 * Runs pdf-parse in a worker thread with a capped heap, and stops it at the time limit or when the
 * process grows by more than the memory limit: a compression bomb inflates into buffers outside the
 * JS heap, which the heap cap alone does not see.
 */
function parseInWorker(data: Uint8Array, limits: IngestLimits): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { data, maxPages: limits.pdfMaxPages },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(32, Math.floor(limits.pdfMaxMemoryMb / 2)) },
      // The parent's --import flags (tsx) are of no use to a plain .mjs worker.
      execArgv: [],
    })
    const baseline = process.memoryUsage.rss()
    let settled = false
    const finish = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearInterval(watcher)
      void worker.terminate()
      outcome()
    }
    const refuse = (message: string) => finish(() => reject(new IngestLimitError(message)))
    const timer = setTimeout(
      () =>
        refuse(
          `PDF 解析超过 ${limits.pdfTimeoutMs / 1000} 秒（INGEST_PDF_TIMEOUT_MS），已停止；文件可能损坏或过于复杂`,
        ),
      limits.pdfTimeoutMs,
    )
    const watcher = setInterval(() => {
      const grown = (process.memoryUsage.rss() - baseline) / (1024 * 1024)
      if (grown > limits.pdfMaxMemoryMb) {
        refuse(
          `PDF 解析占用内存超过 ${limits.pdfMaxMemoryMb} MB（INGEST_PDF_MAX_MEMORY_MB），已停止；文件可能是压缩炸弹或已损坏`,
        )
      }
    }, MEMORY_CHECK_MS)
    worker.once('message', (reply: WorkerReply) => finish(() => resolve(reply)))
    worker.once('error', (error: Error & { code?: string }) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refuse(
            `PDF 解析占用内存超过 ${limits.pdfMaxMemoryMb} MB（INGEST_PDF_MAX_MEMORY_MB），已停止；文件可能是压缩炸弹或已损坏`,
          )
        : finish(() => reject(error)),
    )
    worker.once('exit', (code) => finish(() => reject(new Error(`the PDF worker stopped (exit code ${code})`))))
  })
}

/** A PDF through pdf-parse (in a worker, within `limits`), keeping the page number of every line. */
export async function loadPdfDocument(
  id: string,
  path: string,
  data: Uint8Array,
  limits: IngestLimits,
): Promise<SourceDocument> {
  const reply = await parseInWorker(data, limits)
  if (reply.kind === 'error') throw new Error(reply.message)
  if (reply.kind === 'too-many-pages') {
    throw new IngestLimitError(
      `PDF 共 ${reply.pages} 页，超过上限 ${limits.pdfMaxPages} 页（INGEST_PDF_MAX_PAGES）；请拆分文件或调高上限`,
    )
  }
  const lines = reply.pages.flatMap((page) => page.text.split(/\r?\n/).map((line) => ({ text: line, page: page.num })))
  if (!lines.some((line) => line.text.trim())) {
    throw new Error('the PDF has no text layer (a scan?); it needs OCR before it can be ingested')
  }
  const title = reply.title.trim() || (lines.find((line) => line.text.trim())?.text.trim() as string)
  return { id, path, format: 'pdf', title, meta: {}, lines }
}
