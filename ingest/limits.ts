import type { Config } from '../src/config.ts'

/**
 * Bounds on what one knowledge file may cost, whoever hands it to the pipeline (the folder, an
 * upload): a file over a limit is refused with a message that says which limit and what to do, and
 * whatever was stored for it before stays.
 */
export type IngestLimits = {
  maxFileBytes: number
  /** PDFs are parsed in a worker thread that is stopped at any of these. */
  pdfMaxPages: number
  pdfTimeoutMs: number
  pdfMaxMemoryMb: number
}

const MB = 1024 * 1024

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxFileBytes: 5 * MB,
  pdfMaxPages: 500,
  pdfTimeoutMs: 60_000,
  pdfMaxMemoryMb: 512,
}

export const ingestLimitsOf = (
  config: Pick<
    Config,
    'INGEST_MAX_FILE_MB' | 'INGEST_PDF_MAX_PAGES' | 'INGEST_PDF_TIMEOUT_MS' | 'INGEST_PDF_MAX_MEMORY_MB'
  >,
): IngestLimits => ({
  maxFileBytes: Math.round(config.INGEST_MAX_FILE_MB * MB),
  pdfMaxPages: config.INGEST_PDF_MAX_PAGES,
  pdfTimeoutMs: config.INGEST_PDF_TIMEOUT_MS,
  pdfMaxMemoryMb: config.INGEST_PDF_MAX_MEMORY_MB,
})

/**
 * A title or heading longer than this is cut: it is repeated in the section path and the search text
 * of every chunk under it (one 100 KB heading over 1,000 sub-headings made a 394 MB store).
 */
export const MAX_HEADING_CHARS = 120
export const MAX_SECTION_CHARS = 300
/** Far above any real document (the largest has 33); a file that would make more is refused. */
export const MAX_CHUNKS_PER_DOCUMENT = 5_000

/** A file the pipeline refuses because of a limit above. */
export class IngestLimitError extends Error {
  override name = 'IngestLimitError'
}

const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`

export function checkFileSize(size: number, limits: IngestLimits): void {
  if (size > limits.maxFileBytes) {
    throw new IngestLimitError(
      `文件 ${megabytes(size)}，超过上限 ${megabytes(limits.maxFileBytes)}（INGEST_MAX_FILE_MB）；请拆分成几个文件，或调高上限`,
    )
  }
}

/** Cuts text to `max` characters (code points), marking the cut with "…". */
export const clip = (text: string, max: number): string => {
  if (text.length <= max) return text
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`
}
