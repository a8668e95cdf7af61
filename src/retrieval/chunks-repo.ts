import type { Db } from '../db/index.ts'
import { analyseChunk, type ChunkAnalysis } from './chunk-analysis.ts'

/** A stored chunk with what a citation needs from its document. */
export type ChunkRecord = {
  id: number
  docId: string
  ordinal: number
  title: string
  meta: Record<string, string>
  section: string
  locator: string | null
  page: number | null
  content: string
  analysis: ChunkAnalysis
}

export type ChunkRow = Omit<ChunkRecord, 'docId' | 'analysis'> & { document_id: string }

const SELECT_CHUNKS = `select c.id, c.document_id, c.ordinal, d.title, d.meta, c.section, c.locator, c.page, c.content
  from chunks c join documents d on d.id = c.document_id`

export function toChunkRecord(row: ChunkRow): ChunkRecord {
  const chunk = {
    id: row.id,
    docId: row.document_id,
    ordinal: row.ordinal,
    title: row.title,
    meta: row.meta,
    section: row.section,
    locator: row.locator,
    page: row.page,
    content: row.content,
  }
  return { ...chunk, analysis: analyseChunk(chunk) }
}

/** Every chunk by id, analysed (chunk-analysis.ts). */
export type ChunkCatalogue = ReadonlyMap<number, ChunkRecord>

/**
 * Loaded once per knowledge version, so that a search reads only ids and scores from the database and
 * a turn analyses no passage text.
 */
export async function loadChunkCatalogue(db: Db): Promise<ChunkCatalogue> {
  const rows = await db.query<ChunkRow>(SELECT_CHUNKS)
  return new Map(rows.map((row) => [row.id, toChunkRecord(row)]))
}

/**
 * The chunks of `ids`, in that order: from the catalogue, or read when another instance added them since
 * it was loaded (one deleted meanwhile is left out). Chunk ids are never reused, so a catalogue record
 * never says other text than its id had.
 */
export async function catalogueChunks(db: Db, catalogue: ChunkCatalogue, ids: number[]): Promise<ChunkRecord[]> {
  const read = new Map(
    (
      await getChunksByIds(
        db,
        ids.filter((id) => !catalogue.has(id)),
      )
    ).map((chunk) => [chunk.id, chunk]),
  )
  return ids.flatMap((id) => catalogue.get(id) ?? read.get(id) ?? [])
}

export async function getChunksByIds(db: Db, ids: number[]): Promise<ChunkRecord[]> {
  if (ids.length === 0) return []
  const rows = await db.query<ChunkRow>(`${SELECT_CHUNKS} where c.id = any($1::int[])`, [ids])
  return rows.map(toChunkRecord)
}

/** The chunks of one section of one document, in order: the parts of an article split for length. */
export async function getSectionChunks(db: Db, docId: string, section: string): Promise<ChunkRecord[]> {
  const rows = await db.query<ChunkRow>(
    `${SELECT_CHUNKS} where c.document_id = $1 and c.section = $2 order by c.ordinal`,
    [docId, section],
  )
  return rows.map(toChunkRecord)
}

/**
 * Every chunk of a document in document order, from the catalogue: a turn has synchronised it with the
 * knowledge version already, so a listing costs no read and no second analysis of the text.
 */
export function documentChunks(catalogue: ChunkCatalogue, docId: string): ChunkRecord[] {
  return [...catalogue.values()].filter((chunk) => chunk.docId === docId).sort((a, b) => a.ordinal - b.ordinal)
}

/** Every chunk under a heading of one document (the heading's own and its subsections'), in order. */
export function chunksUnder(catalogue: ChunkCatalogue, docId: string, section: string): ChunkRecord[] {
  return documentChunks(catalogue, docId).filter(
    (chunk) => chunk.section === section || chunk.section.startsWith(`${section} > `),
  )
}

/**
 * Chunks of an article or item by its locator, optionally only in documents whose number mentions
 * `docNo`, from the catalogue the request has synchronised: an order's article costs no statement.
 */
export function chunksByLocator(catalogue: ChunkCatalogue, locator: string, docNo: string | null): ChunkRecord[] {
  return [...catalogue.values()]
    .filter((chunk) => chunk.locator === locator && (docNo === null || (chunk.meta.doc_no ?? '').includes(docNo)))
    .sort(byDocumentOrder)
}

// By document id, then place in the document: `order by document_id, ordinal` under the C collation.
const byDocumentOrder = (a: ChunkRecord, b: ChunkRecord) =>
  a.docId === b.docId ? a.ordinal - b.ordinal : a.docId < b.docId ? -1 : 1

export type DocumentRecord = { id: string; title: string; meta: Record<string, string> }

/**
 * Chunks whose text contains every term (letters and digits, lower case): a number or code as written,
 * first `limit` in document order. From the catalogue the request has synchronised: in SQL
 * (`lower(content) like all(…)`) it was a scan lowering every chunk's text, and a round trip.
 */
export function chunksMentioning(catalogue: ChunkCatalogue, terms: string[], limit: number): ChunkRecord[] {
  const bare = terms.map((term) => term.replace(/[^\p{L}\p{N}]/gu, ''))
  return [...catalogue.values()]
    .filter((chunk) => {
      const text = chunk.content.toLowerCase()
      return bare.every((term) => text.includes(term))
    })
    .sort(byDocumentOrder)
    .slice(0, limit)
}

export async function findDocumentsByNumber(db: Db, docNo: string): Promise<DocumentRecord[]> {
  return db.query<DocumentRecord>(
    `select id, title, meta from documents where meta->>'doc_no' like '%' || $1 || '%' order by id`,
    [docNo],
  )
}
