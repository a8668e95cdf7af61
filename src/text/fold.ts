import * as OpenCC from 'opencc-js'

let simplify: ((text: string) => string) | undefined
const folded = new Map<string, string>()
const FOLD_CACHE_SIZE = 20_000

// The dot of a transliterated name ("马可·波罗", "丹增・诺尔盖"): askers type the name without it.
const NAME_DOT = /(?<=\p{Script=Han})[·・•‧](?=\p{Script=Han})/gu

/**
 * The form text is compared in: NFKC (full-width digits, letters and punctuation to half-width),
 * traditional to simplified characters, lower case, runs of white space to one space, no dot inside a transliterated name.
 * Stored text keeps its original form; only matching uses this.
 */
export function foldText(text: string): string {
  const cached = folded.get(text)
  if (cached !== undefined) return cached
  const toSimplified = simplify ?? OpenCC.Converter({ from: 'hk', to: 'cn' })
  simplify = toSimplified
  const result = toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').replace(NAME_DOT, '').trim()
  // The same passages are weighed for every question; converting them once saves a tenth of a turn.
  if (folded.size >= FOLD_CACHE_SIZE) folded.clear()
  folded.set(text, result)
  return result
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

export const isCjk = (char: string): boolean => CJK.test(char)

/**
 * Folded text without quotes, brackets and spaces, as titles are compared: a basis cites 《2023年浦东新区“质量月”活动
 * 方案》 where the document's own title line has straight quotes, and a question says 质量月活动方案.
 */
export const bareText = (text: string): string => foldText(text).replace(/[\s"'“”‘’「」『』《》]/g, '')

/** Width in columns as a typesetter counts it: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u2e80-\uffef]/.test(char) ? 2 : 1
  return width
}
