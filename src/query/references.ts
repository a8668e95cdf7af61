import { fromChineseNumber, toChineseNumber } from '../text/numerals.ts'

/** A reference to one article of a numbered order, e.g. "75号令第三条". */
export type ArticleReference = { orderNo: number | null; locator: string }

const ORDER_NO = /(?:总局令\s*)?第?\s*(\d{1,3})\s*号\s*(?:令|总局令)?/
const ARTICLE = /第\s*([一二三四五六七八九十百零〇两\d]+)\s*条(之[一二三四五六七八九十]+)?/
// "75号令", "第76号总局令", and as the documents write it, "总局令第75号".
const ORDER_MENTION = /(?:总局令\s*)?第?\s*(\d{1,3})\s*号\s*(?:令|总局令)|令第\s*(\d{1,3})\s*号/g

/** Orders named by number in folded text, "75号令" → 75: their documents come first. */
export const findOrderNumbers = (folded: string): number[] => [
  ...new Set([...folded.matchAll(ORDER_MENTION)].map((match) => Number(match[1] ?? match[2]))),
]

/** Finds "第3条" / "第三条" (and the order it belongs to, "75号令") in folded text, if it names one. */
export function findArticleReference(folded: string): ArticleReference | null {
  const article = ARTICLE.exec(folded)
  if (!article) return null
  const number = fromChineseNumber(article[1] as string)
  if (number === null || number === 0) return null
  const order = /号令|总局令|令第/.test(folded) ? ORDER_NO.exec(folded) : null
  return {
    orderNo: order ? Number(order[1]) : null,
    locator: `第${toChineseNumber(number)}条${article[2] ?? ''}`,
  }
}
