import { foldText } from '../text/fold.ts'
import { expandTerms, type Glossary } from '../text/glossary.ts'
import { fromChineseNumber, toChineseNumber } from '../text/numerals.ts'
import { segmentWords } from '../text/segment.ts'

/** A reference to one article of a numbered order, e.g. "75号令第三条". */
export type ArticleReference = { orderNo: number | null; locator: string }

export type PreparedQuery = {
  /** The question as asked. */
  text: string
  /** Folded words of the question plus glossary expansions: what lexical search looks for. */
  words: string[]
  /** Text for the embedder: the question followed by its expansions. */
  embeddingText: string
  expansions: string[]
  article: ArticleReference | null
  /** Orders named by number, "75号令" → 75: their documents come first. */
  orderNumbers: number[]
}

const ORDER_NO = /(?:总局令\s*)?第?\s*(\d{1,3})\s*号\s*(?:令|总局令)?/
const ARTICLE = /第\s*([一二三四五六七八九十百零〇两\d]+)\s*条(之[一二三四五六七八九十]+)?/

const ORDER_MENTION = /(?:总局令\s*)?第?\s*(\d{1,3})\s*号\s*(?:令|总局令)/g

export const findOrderNumbers = (text: string): number[] => [
  ...new Set([...foldText(text).matchAll(ORDER_MENTION)].map((match) => Number(match[1]))),
]

/** Finds "第3条" / "第三条" (and the order it belongs to, "75号令"), if the question names one. */
export function findArticleReference(text: string): ArticleReference | null {
  const folded = foldText(text)
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

export function prepareQuery(text: string, glossary: Glossary): PreparedQuery {
  const expansions = expandTerms(glossary, text)
  const words = [...new Set([...segmentWords(text), ...expansions.flatMap((term) => segmentWords(term))])]
  return {
    text,
    words,
    embeddingText: [text, ...expansions].join(' '),
    expansions,
    article: findArticleReference(text),
    orderNumbers: findOrderNumbers(text),
  }
}
