/**
 * Hides personal identifiers in free text before it reaches a log line, a list view or anything
 * shown outside a ticket's detail: mobile and landline numbers, 18-digit ID-card numbers and
 * e-mail addresses. Pure; the text around them is left as it was.
 */

// Digits may be full-width (１３８…) when typed on a phone keyboard.
const D = '[0-9０-９]'
const SEP = '[\\s\\-－]?'
const notDigitBefore = `(?<![0-9０-９])`
const notDigitAfter = `(?![0-9０-９])`

const ID_CARD = new RegExp(`${notDigitBefore}(${D}{3})${D}{11}(${D}{3}[0-9０-９Xx])${notDigitAfter}`, 'g')
const MOBILE = new RegExp(
  `${notDigitBefore}((?:\\+86${SEP})?[1１][3-9３-９]${D})${SEP}${D}{4}${SEP}(${D}{4})${notDigitAfter}`,
  'g',
)
const LANDLINE = new RegExp(
  `${notDigitBefore}([（(]?0${D}{2,3}[)）]?${SEP})${D}{3,4}${SEP}?(${D}{4})${notDigitAfter}`,
  'g',
)
const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g

/** 13800138000 → 138****8000, 021-12345678 → 021-****5678, ID → 310***********123X, a***@x.com. */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_CARD, '$1***********$2')
    .replace(MOBILE, '$1****$2')
    .replace(LANDLINE, '$1****$2')
    .replace(EMAIL, '$1***$2')
}

/** 王芳 → 王*, 张小明 → 张**: the surname is enough for a queue view. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(chars.length - 1, 3)))}`
}
