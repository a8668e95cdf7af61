import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { type Db, isConnectionError } from '../src/db/index.ts'
import { type Embedder, ensureEmbeddingSpace } from '../src/embedding/index.ts'
import { GLOSSARY_FILE, loadGlossary } from '../src/text/glossary.ts'
import { segmentWords } from '../src/text/segment.ts'
import { chunkDocument } from './chunk.ts'
import { checkFileSize, DEFAULT_INGEST_LIMITS, type IngestLimits } from './limits.ts'
import { documentIdOf, loadDocument, SUPPORTED_EXTENSIONS } from './loaders/index.ts'
import { normaliseLines } from './normalise.ts'
import { type EmbeddedChunk, listStoredDocuments, removeDocuments, replaceDocument } from './store.ts'
import type { Chunk, SourceDocument } from './types.ts'

// Part of every content hash: a change to how documents are cut, or to how their text is folded before it
// is segmented (chunker-2: the dot of a transliterated name; chunker-3: a line begun near a part's end moves
// whole to the next), re-ingests them all.
export const PIPELINE_VERSION = 'chunker-3'

export type FileOutcome =
  | { file: string; docId: string; status: 'added' | 'updated'; chunks: number; ms: number }
  | { file: string; docId: string; status: 'unchanged' }
  | { file: string; status: 'failed'; reason: string }

export type IngestSummary = {
  files: FileOutcome[]
  removed: string[]
  reembedded: boolean
  ms: number
}

export type IngestOptions = {
  db: Db
  embedder: Embedder
  dir: string
  /** Re-embed every chunk, e.g. after changing the embedding model. */
  reembed?: boolean
  onFile?: (outcome: FileOutcome) => void
  /** File size and PDF limits; ingest/limits.ts has the defaults. */
  limits?: IngestLimits
  /** Called once with how many files the folder holds, before the first is read. */
  onFiles?: (count: number) => void
}

/** What search indexes for a chunk: the document's names and the heading path give context. */
export const searchableText = (doc: SourceDocument, chunk: Chunk): string =>
  [doc.title, doc.meta.official_title, doc.meta.doc_no, chunk.section, chunk.content].filter(Boolean).join('\n')

export async function embedChunks(doc: SourceDocument, chunks: Chunk[], embedder: Embedder): Promise<EmbeddedChunk[]> {
  const texts = chunks.map((chunk) => searchableText(doc, chunk))
  const vectors = await embedder.embedDocuments(texts)
  return chunks.map((chunk, index) => ({
    ...chunk,
    searchWords: segmentWords(texts[index] as string).join(' '),
    embedding: vectors[index] as number[],
  }))
}

async function listKnowledgeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  return entries
    .filter(
      (entry) =>
        entry.isFile() && !entry.name.startsWith('.') && extname(entry.name).toLowerCase() in SUPPORTED_EXTENSIONS,
    )
    .map((entry) => entry.name)
    .sort()
}

/**
 * The glossary teaches the segmenter its terms, which changes how every chunk is indexed: its
 * content is part of every document's version, so editing it re-ingests everything.
 */
export async function readGlossaryVersion(dir: string): Promise<Buffer> {
  const glossaryPath = join(dir, GLOSSARY_FILE)
  loadGlossary(glossaryPath)
  return existsSync(glossaryPath) ? await readFile(glossaryPath) : Buffer.alloc(0)
}

/** A document's version: what it is made from and how it is cut. */
export const contentHashOf = (glossaryVersion: Buffer, ...parts: Array<Buffer | string>): string => {
  const hash = createHash('sha256').update(PIPELINE_VERSION).update(glossaryVersion)
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

/** A loaded document, normalised and cut into chunks; a document without any text is an error. */
export function cutDocument(loaded: SourceDocument): { doc: SourceDocument; chunks: Chunk[] } {
  const doc = { ...loaded, lines: normaliseLines(loaded.lines, loaded.format) }
  const chunks = chunkDocument(doc)
  if (chunks.length === 0) throw new Error('no text could be read from it')
  return { doc, chunks }
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Brings the store in line with the knowledge folder: new and changed files are (re)ingested one
 * transaction each, unchanged ones skipped by content hash, removed ones deleted. A file that fails
 * is reported and skipped; whatever was stored for it before stays.
 */
export async function ingestKnowledge(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now()
  const { db, embedder, dir } = options
  const reembedded = await ensureEmbeddingSpace(db, embedder, { reembed: options.reembed })
  const glossaryVersion = await readGlossaryVersion(dir)
  const storedDocuments = await listStoredDocuments(db)
  const stored = new Map(storedDocuments.map((doc) => [doc.id, doc.contentHash]))
  // Uploaded in the staff console: the folder neither replaces nor removes them.
  const uploaded = new Set(storedDocuments.filter((doc) => doc.origin === 'upload').map((doc) => doc.id))
  const seen = new Set<string>()
  const files: FileOutcome[] = []
  const report = (outcome: FileOutcome) => {
    files.push(outcome)
    options.onFile?.(outcome)
  }

  const names = await listKnowledgeFiles(dir)
  options.onFiles?.(names.length)
  for (const file of names) {
    const docId = documentIdOf(file)
    if (seen.has(docId)) {
      report({
        file,
        status: 'failed',
        reason: `another file is already named "${docId}"; document names must be unique`,
      })
      continue
    }
    seen.add(docId)
    if (uploaded.has(docId)) {
      report({ file, status: 'failed', reason: `a document uploaded in the staff console is already named "${docId}"` })
      continue
    }
    const fileStarted = performance.now()
    try {
      // Before reading it whole: a file of gigabytes is refused without being loaded.
      checkFileSize((await stat(join(dir, file))).size, options.limits ?? DEFAULT_INGEST_LIMITS)
      const bytes = await readFile(join(dir, file))
      const hash = contentHashOf(glossaryVersion, bytes)
      if (stored.get(docId) === hash && !reembedded) {
        report({ file, docId, status: 'unchanged' })
        continue
      }
      const { doc, chunks } = cutDocument(await loadDocument(join(dir, file), bytes, options.limits))
      await replaceDocument(db, doc, hash, await embedChunks(doc, chunks, embedder))
      const status = stored.has(docId) ? 'updated' : 'added'
      report({ file, docId, status, chunks: chunks.length, ms: Math.round(performance.now() - fileStarted) })
    } catch (error) {
      // A database that went away is no fault of this file, and the next ones would fail the same way.
      if (isConnectionError(error)) throw error
      report({ file, status: 'failed', reason: errorMessage(error) })
    }
  }

  const removed = [...stored.keys()].filter((id) => !seen.has(id) && !uploaded.has(id))
  await removeDocuments(db, removed)
  return { files, removed, reembedded, ms: Math.round(performance.now() - started) }
}
