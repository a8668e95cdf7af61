/** One line of a source as loaded, with the PDF page it stands on. */
export type SourceLine = { text: string; page?: number }

export type SourceFormat = 'md' | 'txt' | 'pdf'

/** A knowledge file after loading: front-matter metadata plus its lines. */
export type SourceDocument = {
  /** The file's base name; citations carry it as docId. */
  id: string
  path: string
  format: SourceFormat
  title: string
  meta: Record<string, string>
  lines: SourceLine[]
}

/** A piece of a document cut along its own structure. */
export type Chunk = {
  ordinal: number
  /** Heading path joined with ' > '. */
  section: string
  /** '第三条', '三、（二）6．' — the numbering of the article or item, when there is one. */
  locator: string | null
  page: number | null
  content: string
}
