/**
 * The Markdown subset answers are written in, parsed into plain data (no DOM, tested in Node):
 * paragraphs, `- ` bullet lists, `1. ` numbered lists, `| a | b |` tables and `**bold**`, with [n]
 * citation markers kept as their own inline parts. Anything else stays text: this is a reading aid
 * for answers, not a Markdown engine, and nothing in it is ever turned into markup by a browser.
 */
import { segmentAnswer } from './answer-text.ts'

export type Inline = { kind: 'text'; text: string } | { kind: 'strong'; text: string } | { kind: 'cite'; n: number }

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'table'; header: Inline[][] | null; rows: Inline[][][] }

const BULLET = /^\s{0,3}[-*•]\s+(.*)$/
const NUMBERED = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/
// A row may end in citation markers: the extractive answer marks the end of its quote, after the pipe.
const TABLE_ROW = /^\s*\|.*\|\s*((\[\d{1,3}\])\s*)*$/
const TRAILING_MARKERS = /\|\s*((?:\[\d{1,3}\]\s*)+)$/
// `|---|:--:|` — the line under a table's header.
const DELIMITER_ROW = /^\s*\|(\s*:?-{1,}:?\s*\|)+\s*$/
// A list item's continuation: indented, not itself an item.
const CONTINUATION = /^\s{2,}\S/

/** `**bold**` and [n] markers of one line; an unclosed `**` stays as it is (a stream may cut it). */
export function parseInline(text: string, known: ReadonlySet<number>): Inline[] {
  const parts: Inline[] = []
  const pieces = text.split(/(\*\*[^*\n]+?\*\*)/)
  for (const [index, piece] of pieces.entries()) {
    if (!piece) continue
    // split() with a capture group puts the matches at the odd indexes.
    const isStrong = index % 2 === 1
    for (const segment of segmentAnswer(isStrong ? piece.slice(2, -2) : piece, known)) {
      if (segment.kind === 'cite') parts.push({ kind: 'cite', n: segment.n })
      else parts.push({ kind: isStrong ? 'strong' : 'text', text: segment.text })
    }
  }
  return parts
}

/** The cells of a `| a | b |` row; `\|` is a pipe inside a cell; markers after the row join its last cell. */
export function splitRow(line: string): string[] {
  const markers = TRAILING_MARKERS.exec(line.trim())?.[1]?.replace(/\s+/g, '') ?? ''
  const inner = line.trim().replace(TRAILING_MARKERS, '|').replace(/^\|/, '').replace(/\|$/, '')
  const cells = inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').trim())
  if (markers) cells[cells.length - 1] += markers
  return cells
}

/** Parses an answer (or the part of it streamed so far) into blocks. */
export function parseMarkdown(text: string, known: ReadonlySet<number>): Block[] {
  const blocks: Block[] = []
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  let index = 0
  const inline = (line: string) => parseInline(line, known)
  while (index < lines.length) {
    const line = lines[index] as string
    if (line.trim() === '') {
      index += 1
      continue
    }
    if (TABLE_ROW.test(line)) {
      // Consecutive |…| lines are one table. Its first row is the header when a delimiter row follows
      // it, or when it starts with an empty corner cell (stored chunks keep no delimiter rows).
      const rows: string[] = []
      while (index < lines.length && TABLE_ROW.test(lines[index] as string)) rows.push(lines[index++] as string)
      const cells = rows.filter((row) => !DELIMITER_ROW.test(row)).map(splitRow)
      const hasHeader = cells.length > 1 && (DELIMITER_ROW.test(rows[1] as string) || (cells[0] as string[])[0] === '')
      blocks.push({
        kind: 'table',
        header: hasHeader ? (cells[0] as string[]).map(inline) : null,
        rows: (hasHeader ? cells.slice(1) : cells).map((row) => row.map(inline)),
      })
      continue
    }
    const bullet = BULLET.exec(line)
    const numbered = NUMBERED.exec(line)
    if (bullet || numbered) {
      const ordered = !bullet
      const pattern = ordered ? NUMBERED : BULLET
      const items: string[] = []
      const start = numbered ? Number(numbered[1]) : 1
      while (index < lines.length) {
        const current = lines[index] as string
        const item = pattern.exec(current)
        if (item) items.push((ordered ? item[2] : item[1]) as string)
        else if (CONTINUATION.test(current) && items.length > 0) items[items.length - 1] += `\n${current.trim()}`
        else break
        index += 1
      }
      blocks.push({ kind: 'list', ordered, start, items: items.map(inline) })
      continue
    }
    const paragraph: string[] = []
    while (index < lines.length) {
      const current = lines[index] as string
      if (current.trim() === '' || TABLE_ROW.test(current) || BULLET.test(current) || NUMBERED.test(current)) break
      paragraph.push(current)
      index += 1
    }
    blocks.push({ kind: 'paragraph', lines: paragraph.map(inline) })
  }
  return blocks
}
