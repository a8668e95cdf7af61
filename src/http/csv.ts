// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

const cell = (value: string | number | boolean | null): string => {
  const text = value === null ? '' : String(value)
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark, which Excel needs to read Chinese text correctly.
 * Text people typed cannot become a formula in the officer's spreadsheet.
 */
export const toCsv = (header: string[], rows: Array<Array<string | number | boolean | null>>): string =>
  `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
