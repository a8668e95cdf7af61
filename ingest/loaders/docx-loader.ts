import mammoth from 'mammoth'
import type { SourceDocument } from '../types.ts'

/**
 * A Word document through mammoth, as its plain text: one paragraph a line. It is then cut like a
 * .txt file, since regulations carry their structure in their numbering (第X条, 一、), not in styles.
 */
export async function loadDocxDocument(id: string, path: string, data: Buffer): Promise<SourceDocument> {
  let text: string
  try {
    text = (await mammoth.extractRawText({ buffer: data })).value
  } catch (error) {
    throw new Error(`the .docx file cannot be read (${error instanceof Error ? error.message : String(error)})`)
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim())
  const title = lines[0]?.trim()
  if (!title) throw new Error('the .docx file holds no text')
  return { id, path, format: 'txt', title, meta: {}, lines: lines.map((line) => ({ text: line })) }
}
