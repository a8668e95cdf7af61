import * as OpenCC from 'opencc-js'

let simplify: ((text: string) => string) | undefined

/**
 * The form text is compared in: NFKC (full-width digits, letters and punctuation to half-width),
 * traditional to simplified characters, lower case, runs of white space to one space.
 * Stored text keeps its original form; only matching uses this.
 */
export function foldText(text: string): string {
  const toSimplified = simplify ?? OpenCC.Converter({ from: 'hk', to: 'cn' })
  simplify = toSimplified
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim()
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

export const isCjk = (char: string): boolean => CJK.test(char)

/** Width in columns as a typesetter counts it: CJK and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u2e80-\uffef]/.test(char) ? 2 : 1
  return width
}
