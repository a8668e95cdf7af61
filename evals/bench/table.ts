/** Aligned plain-text tables for the bench output; CJK characters take two columns on a terminal. */

export type Cell = string | number | null

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

const widthOf = (text: string): number => Array.from(text).reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0)

/** 1234.5 → "1,234.5"; null → "–". Whole numbers keep no decimals unless `digits` is given. */
export function formatNumber(value: number | null, digits = Number.isInteger(value) ? 0 : 1): string {
  if (value === null || !Number.isFinite(value)) return '–'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export const mib = (bytes: number): string => formatNumber(bytes / 1024 / 1024, 1)

/** Numbers are right-aligned, text left-aligned; a rule under the header. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : (cell ?? '–'))))
  const widths = headers.map((header, column) =>
    Math.max(widthOf(header), ...text.map((row) => widthOf(row[column] ?? ''))),
  )
  // A column of figures (or of text that reads as one: "1.51", "0.42%", "–") is right-aligned.
  const figure = /^(–|[-+]?[\d,]*\.?\d+%?)$/
  const numeric = headers.map((_, column) => text.length > 0 && text.every((row) => figure.test(row[column] ?? '')))
  const pad = (value: string, column: number) => {
    const fill = ' '.repeat((widths[column] ?? 0) - widthOf(value))
    return numeric[column] ? fill + value : value + fill
  }
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd()
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...text.map(line)].join('\n')
}
