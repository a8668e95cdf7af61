/**
 * The lines of a stored chunk as a reader sees them — table rows, list items, plain text — with
 * their offsets, so that whatever an answer quotes is a verbatim slice of the chunk.
 */
export type Line = { text: string; start: number; kind: 'table' | 'item' | 'text' }

// "- ", "* ", "1. ", "1．", "（1）", "(1)", "①", "一、", "第一步": how documents mark items and steps.
const ITEM =
  /^(?:[-*+]\s|\d{1,2}\s*[.．、)）]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]+步)/

export function linesOf(content: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const raw of content.split('\n')) {
    const text = raw.trim()
    if (text) {
      const kind = text.startsWith('|') ? 'table' : ITEM.test(text) ? 'item' : 'text'
      lines.push({ text, start: start + raw.indexOf(text), kind })
    }
    start += raw.length + 1
  }
  return lines
}

/** The verbatim slice of `content` from the first to the last of `lines` (in order). */
export const sliceOf = (content: string, lines: readonly Line[]): string => {
  const first = lines[0]
  const last = lines.at(-1)
  return first && last ? content.slice(first.start, last.start + last.text.length) : ''
}

/** A Markdown table's separator row, "|---|---|". */
const isSeparator = (line: Line) => /^\|[\s:|-]+\|$/.test(line.text)

/**
 * A row of column names: the store drops a table's ruler, so its header is known by its cells —
 * short names, no sentence. A table cut off by a chunk boundary starts with a row of data instead.
 */
const namesColumns = (line: Line) =>
  line.text
    .replace(/^\||\|$/g, '')
    .split('|')
    .every((cell) => cell.trim().length <= 8 && !/[，。；：,;]/.test(cell))

/**
 * Whether the text at `start` of a chunk (its `lines`) is a table's row of column names ("| 指标 | 2025年目标 |"): it
 * names what the rows below it state and states nothing itself.
 */
export function isColumnNames(lines: readonly Line[], start: number): boolean {
  const at = lineAt(lines, start)
  const line = lines[at]
  return (
    line?.kind === 'table' && lines[at - 1]?.kind !== 'table' && lines[at + 1]?.kind === 'table' && namesColumns(line)
  )
}

/**
 * The table around line `index`, whole: the header, its separator and the rows asked for — every
 * row when `rows` is omitted. A reader never gets half a row or rows without their column names.
 */
export function tableAround(lines: readonly Line[], index: number, rows?: ReadonlySet<number>): Line[] {
  let from = index
  while (from > 0 && lines[from - 1]?.kind === 'table') from -= 1
  let to = index
  while (to < lines.length - 1 && lines[to + 1]?.kind === 'table') to += 1
  const table = lines.slice(from, to + 1)
  const header = isSeparator(table[1] ?? (table[0] as Line))
    ? table.slice(0, 2)
    : table[0] && namesColumns(table[0])
      ? table.slice(0, 1)
      : []
  if (!rows) return table
  return [...header, ...table.filter((_line, offset) => offset >= header.length && rows.has(from + offset))]
}

/** The line that holds the character at `offset`. */
export const lineAt = (lines: readonly Line[], offset: number): number =>
  lines.findLastIndex((line) => line.start <= offset)

/**
 * Quoted lines as Markdown: a table whose ruler the store dropped gets one after its first row, so
 * the page shows a table, not pipes. Only the ruler is added; every other line is the stored text.
 */
export function asMarkdown(quote: string): string {
  const out: string[] = []
  let previous: string | undefined
  for (const line of quote.split('\n')) {
    const row = line.trim().startsWith('|')
    const startsTable = row && !previous?.trim().startsWith('|')
    out.push(line)
    if (startsTable) {
      const columns = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|').length
      out.push(`|${' --- |'.repeat(columns)}`)
    }
    previous = line
  }
  // A table needs a blank line before it to be read as one.
  return out.join('\n').replace(/([^\n|])\n\|/g, '$1\n\n|')
}
