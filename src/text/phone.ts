/**
 * Mainland phone numbers as people type them: 13800138000, 138-0013-8000, +86 138 0013 8000,
 * 021-12345678, (021)12345678, or an 8-digit Shanghai number. Full-width digits are accepted.
 */

const toHalfWidth = (text: string): string =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

const MOBILE = /^1[3-9]\d{9}$/
// 010 and 02x are three-digit area codes; every other area code has four digits.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:-(\d{1,6}))?$/
const SHANGHAI_LOCAL = /^[2-9]\d{7}$/

/** The normalised form (13800138000, 021-12345678) of a phone number, or null when it is not one. */
export function parsePhone(text: string): string | null {
  let compact = toHalfWidth(text.normalize('NFKC'))
    .trim()
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(](0\d{2,3})[)）]/, '$1-')
    .replace(/[—–－]/g, '-')
  compact = compact.replace(/^(?:\+86|0086)-?/, '')
  const mobile = compact.replace(/-/g, '')
  if (MOBILE.test(mobile)) return mobile
  const landline = LANDLINE.exec(compact.replace(/^(0\d{2,3})-?(\d{3,4})-(\d{4})/, '$1-$2$3'))
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`
  if (SHANGHAI_LOCAL.test(compact)) return `021-${compact}`
  return null
}

// Candidate spans inside free text: a run of digits with the separators people put in numbers.
const CANDIDATE = /(?:\+86|0086)?[\s-]?[（(]?[0-9０-９][0-9０-９\s\-－—–)）]{6,18}[0-9０-９]/g

/** The first phone number inside free text, with where it was, or null. */
export function findPhone(text: string): { phone: string; index: number; length: number } | null {
  for (const match of text.matchAll(CANDIDATE)) {
    const before = text[match.index - 1]
    if (before !== undefined && /[0-9０-９]/.test(before)) continue
    // '13800138000 12345' is a number followed by something else: drop trailing groups until it parses.
    let span = match[0]
    while (span) {
      const phone = parsePhone(span)
      if (phone) return { phone, index: match.index, length: span.length }
      const cut = span.search(/[\s\-－—–)）][^\s\-－—–)）]*$/)
      span = cut > 0 ? span.slice(0, cut) : ''
    }
  }
  return null
}

/** 138****8000 / 021-****5678: enough for the person to recognise their own number. */
export function maskPhone(phone: string): string {
  const landline = /^(0\d{2,3}-)(\d+)(-\d+)?$/.exec(phone)
  if (landline) return `${landline[1]}****${landline[2]!.slice(-4)}`
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`
  return '****'
}
