const DIGITS = '零一二三四五六七八九'

/** 3 → 三, 12 → 十二, 25 → 二十五, 105 → 一百零五: how articles are numbered in Chinese law. */
export function toChineseNumber(value: number): string {
  if (value < 10) return DIGITS[value] as string
  if (value < 20) return `十${value % 10 ? DIGITS[value % 10] : ''}`
  if (value < 100) return `${DIGITS[Math.floor(value / 10)]}十${value % 10 ? DIGITS[value % 10] : ''}`
  const rest = value % 100
  const tail =
    rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${toChineseNumber(rest)}` : toChineseNumber(rest)
  return `${DIGITS[Math.floor(value / 100)]}百${tail}`
}

const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1_000 }
const SECTIONS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 }

/** 三 → 3, 十二 → 12, 一百零五 → 105, 五万 → 50000; null when it is not a number. */
export function fromChineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  let total = 0
  let section = 0
  let current = 0
  for (const char of text) {
    const digit = DIGITS.indexOf(char === '〇' ? '零' : char === '两' ? '二' : char)
    if (digit >= 0) current = digit
    else if (UNITS[char]) {
      section += (current || 1) * UNITS[char]
      current = 0
    } else if (SECTIONS[char]) {
      total += (section + current || 1) * SECTIONS[char]
      section = 0
      current = 0
    } else return null
  }
  return total + section + current
}
