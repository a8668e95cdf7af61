import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { checkFileSize, clip, DEFAULT_INGEST_LIMITS, type IngestLimits, MAX_HEADING_CHARS } from '../limits.ts'
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

/** Reads a knowledge file in the loader its extension names, within `limits`. */
export async function loadDocument(
  path: string,
  data?: Buffer,
  limits: IngestLimits = DEFAULT_INGEST_LIMITS,
): Promise<SourceDocument> {
  const format = SUPPORTED_EXTENSIONS[extname(path).toLowerCase()]
  if (!format) throw new Error(`unsupported file type "${extname(path)}" (supported: .md, .txt, .pdf, .docx)`)
  const bytes = data ?? (await readFile(path))
  checkFileSize(bytes.length, limits)
  const id = documentIdOf(path)
  const doc =
    extname(path).toLowerCase() === '.docx'
      ? await loadDocxDocument(id, path, bytes)
      : format === 'pdf'
        ? await loadPdfDocument(id, path, new Uint8Array(bytes), limits)
        : loadTextDocument(id, path, format, new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  // The title goes into the search text of every chunk: a whole one-line file as title would too.
  return { ...doc, title: clip(doc.title, MAX_HEADING_CHARS) }
}
