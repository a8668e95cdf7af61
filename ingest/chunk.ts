import { clip, IngestLimitError, MAX_CHUNKS_PER_DOCUMENT, MAX_HEADING_CHARS, MAX_SECTION_CHARS } from './limits.ts'
import { type Heading, parseHeading } from './structure.ts'
import type { Chunk, SourceDocument, SourceLine } from './types.ts'

/** Long enough for a whole article or item of these documents, short enough to cite precisely. */
export const MAX_CHUNK_CHARS = 700
const SECTION_SEPARATOR = ' > '
// A Chinese official document's cover notice ends before the title of what it transmits.
const DOCUMENT_NUMBER = /[〔[［]\d{4}[〕\]］]\s*\d+\s*号/

type Unit = { path: Heading[]; lines: SourceLine[] }

const compact = (text: string): string => text.replace(/[\s"“”'‘’《》]/g, '')

/** Where a heading of this kind sits among the open ones: it closes its own kind and all below it. */
function openHeading(path: Heading[], heading: Heading): Heading[] {
  if (heading.kind.startsWith('h')) {
    const level = Number(heading.kind.slice(1))
    const keep = path.findLastIndex((open) => open.kind.startsWith('h') && Number(open.kind.slice(1)) < level)
    return [...path.slice(0, keep + 1), heading]
  }
  const same = path.findIndex((open) => open.kind === heading.kind)
  return same === -1 ? [...path, heading] : [...path.slice(0, same), heading]
}

function splitIntoUnits(doc: SourceDocument): Unit[] {
  const units: Unit[] = [{ path: [], lines: [] }]
  let path: Heading[] = []
  for (const line of doc.lines) {
    const heading = parseHeading(line.text, doc.format)
    // The Markdown title (#) is the document's title, not a section.
    if (heading?.kind === 'h1' && doc.format === 'md') continue
    if (!heading) {
      ;(units.at(-1) as Unit).lines.push(line)
      continue
    }
    path = openHeading(path, heading)
    const headingLine = heading.kind.startsWith('h') ? { ...line, text: heading.title } : line
    units.push({ path, lines: [headingLine] })
  }
  return units
}

// "第一章 总则" is written with a space; "6．释放…" and "（二）以…" are not.
const headingText = (heading: Heading): string => {
  if (heading.kind.startsWith('h')) return heading.title
  const spaced = heading.marker.startsWith('第') && heading.title
  return spaced ? `${heading.marker} ${heading.title}` : `${heading.marker}${heading.title}`
}

const sectionName = (path: Heading[]): string =>
  clip(path.map((heading) => clip(headingText(heading), MAX_HEADING_CHARS)).join(SECTION_SEPARATOR), MAX_SECTION_CHARS)

const ARTICLE_MARKER = /^第.+条(之.+)?$/

function locatorOf(path: Heading[]): string | null {
  const article = path.findLast((heading) => ARTICLE_MARKER.test(heading.marker))
  if (article) return article.marker
  const markers = path.map((heading) => heading.marker).join('')
  return markers || null
}

/** The text before the first heading: a cover notice, a lead paragraph. */
function preambleUnits(doc: SourceDocument, lines: SourceLine[]): Array<{ section: string; lines: SourceLine[] }> {
  // A title page alone says nothing the document's title does not.
  if (compact(lines.map((line) => line.text).join('')) === compact(doc.title)) return []
  const titleAt = lines.findIndex((line, index) => index > 0 && compact(line.text) === compact(doc.title))
  const cover = titleAt > 0 ? lines.slice(0, titleAt) : []
  if (cover.some((line) => DOCUMENT_NUMBER.test(line.text))) {
    return [
      { section: '通知', lines: cover },
      { section: '前言', lines: lines.slice(titleAt) },
    ]
  }
  const label = /^([^：:，。]{2,8})[：:]/.exec(lines[0]?.text ?? '')
  return [{ section: label ? (label[1] as string) : doc.title, lines }]
}

/** Sentences, keeping their punctuation; a line break also ends one. */
export const splitSentences = (text: string): string[] =>
  text
    .split(/(?<=[。！？；!?])|\n/)
    .map((part) => part.trim())
    .filter(Boolean)

/** A "sentence" longer than `max` (a line without punctuation) cut into pieces of `max`. */
const hardSplit = (sentence: string, max: number): string[] => {
  if (sentence.length <= max) return [sentence]
  const pieces: string[] = []
  for (let start = 0; start < sentence.length; start += max) pieces.push(sentence.slice(start, start + max))
  return pieces
}

/**
 * Splits text longer than MAX_CHUNK_CHARS on sentence boundaries, repeating one sentence as overlap;
 * a sentence longer than that on its own is cut hard, so no chunk ever exceeds `max`. Linear in the text.
 */
export function splitLongText(text: string, max = MAX_CHUNK_CHARS): string[] {
  if (text.length <= max) return [text]
  const sentences = text
    .split(/(?<=[。！？；!?])|(?=\n)/)
    .filter((part) => part.trim())
    .flatMap((part) => hardSplit(part, max))
  const parts: string[] = []
  let current: string[] = []
  let length = 0
  for (const sentence of sentences) {
    if (length + sentence.length > max && current.length > 0) {
      // A line (a list item, a paragraph) begun in the chunk goes whole to the next one when the chunk keeps at
      // least half its size without it: "- 便捷通道是什么：…。…便捷通道是在…" says its point in its later sentences.
      const lineStart = current.findLastIndex((part, index) => index > 0 && part.startsWith('\n'))
      const kept = lineStart > 0 ? current.slice(0, lineStart) : current
      const keptLength = kept.reduce((sum, part) => sum + part.length, 0)
      const carried = keptLength >= max / 2 ? current.slice(kept.length) : []
      const fits = carried.reduce((sum, part) => sum + part.length, 0) + sentence.length <= max
      if (carried.length > 0 && fits) {
        parts.push(kept.join('').trim())
        current = carried
      } else {
        parts.push(current.join('').trim())
        const overlap = current.at(-1) as string
        current = overlap.length < max / 4 && overlap.length + sentence.length <= max ? [overlap] : []
      }
      length = current.reduce((sum, part) => sum + part.length, 0)
    }
    current.push(sentence)
    length += sentence.length
  }
  if (current.length > 0) parts.push(current.join('').trim())
  return parts
}

/**
 * Cuts a normalised document along its own structure: one chunk per article, numbered item or
 * Markdown section (with the full heading path), split on sentences only when too long.
 */
export function chunkDocument(doc: SourceDocument): Chunk[] {
  const units = splitIntoUnits(doc)
  const [preamble, ...sections] = units
  const pieces: Array<{ section: string; locator: string | null; lines: SourceLine[] }> = [
    ...preambleUnits(doc, preamble?.lines ?? []).map((unit) => ({ ...unit, locator: null })),
    ...sections.map((unit) => ({ section: sectionName(unit.path), locator: locatorOf(unit.path), lines: unit.lines })),
  ]
  const chunks: Chunk[] = []
  for (const piece of pieces) {
    const colophon = piece.lines.findIndex((line, index) => index > 0 && /印发\s*$/.test(line.text))
    const groups =
      colophon > 0 ? [piece, { section: '版记', locator: null, lines: piece.lines.slice(colophon) }] : [piece]
    if (colophon > 0) groups[0] = { ...piece, lines: piece.lines.slice(0, colophon) }
    for (const group of groups) {
      // A heading with nothing under it lives on in its children's section path.
      if (group.lines.length <= 1 && group.section !== '版记' && parseHeading(group.lines[0]?.text ?? '', doc.format)) {
        const only = parseHeading(group.lines[0]?.text ?? '', doc.format)
        if (only && !only.rest) continue
      }
      const text = group.lines
        .map((line) => line.text)
        .join('\n')
        .trim()
      if (!text) continue
      for (const content of splitLongText(text)) {
        if (chunks.length >= MAX_CHUNKS_PER_DOCUMENT) {
          throw new IngestLimitError(
            `文件切分后超过 ${MAX_CHUNKS_PER_DOCUMENT} 个片段；请拆分成几个文件（标题过多或正文过长）`,
          )
        }
        chunks.push({
          ordinal: chunks.length,
          section: group.section,
          locator: group.locator,
          page: group.lines[0]?.page ?? null,
          content,
        })
      }
    }
  }
  return chunks
}
