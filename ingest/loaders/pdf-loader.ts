import { PDFParse } from 'pdf-parse'
import type { SourceDocument } from '../types.ts'

/** A PDF through pdf-parse, keeping the page number of every line. */
export async function loadPdfDocument(id: string, path: string, data: Uint8Array): Promise<SourceDocument> {
  const parser = new PDFParse({ data })
  try {
    const text = await parser.getText()
    const info = await parser.getInfo()
    const lines = text.pages.flatMap((page) => page.text.split(/\r?\n/).map((line) => ({ text: line, page: page.num })))
    if (!lines.some((line) => line.text.trim())) {
      throw new Error('the PDF has no text layer (a scan?); it needs OCR before it can be ingested')
    }
    const infoTitle = typeof info.info?.Title === 'string' ? info.info.Title.trim() : ''
    const title = infoTitle || (lines.find((line) => line.text.trim())?.text.trim() as string)
    return { id, path, format: 'pdf', title, meta: {}, lines }
  } finally {
    await parser.destroy()
  }
}
