import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { SourceDocument, SourceFormat } from '../types.ts'
import { loadDocxDocument } from './docx-loader.ts'
import { loadPdfDocument } from './pdf-loader.ts'
import { loadTextDocument } from './text-loader.ts'

// A .docx is read as the plain text of its paragraphs, and cut like a .txt file.
export const SUPPORTED_EXTENSIONS: Record<string, SourceFormat> = {
  '.md': 'md',
  '.txt': 'txt',
  '.pdf': 'pdf',
  '.docx': 'txt',
}

export const documentIdOf = (path: string): string => basename(path, extname(path))

/** Reads a knowledge file in the loader its extension names. */
export async function loadDocument(path: string, data?: Buffer): Promise<SourceDocument> {
  const format = SUPPORTED_EXTENSIONS[extname(path).toLowerCase()]
  if (!format) throw new Error(`unsupported file type "${extname(path)}" (supported: .md, .txt, .pdf, .docx)`)
  const bytes = data ?? (await readFile(path))
  const id = documentIdOf(path)
  if (extname(path).toLowerCase() === '.docx') return loadDocxDocument(id, path, bytes)
  if (format === 'pdf') return loadPdfDocument(id, path, new Uint8Array(bytes))
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  return loadTextDocument(id, path, format, text)
}
