import { foldText } from '../text/fold.ts'

/**
 * What kind of fact a question asks for, and what a passage must contain to give it: "多少钱" wants an
 * amount, "电话" a number to call. A passage about the right topic without such a fact does not answer.
 */
type AnswerType = { name: string; asks: RegExp; gives: RegExp }

const CN = '[0-9一二三四五六七八九十百千两半]'

const ANSWER_TYPES: AnswerType[] = [
  {
    name: 'amount',
    asks: /多少钱|收费|费用|价格|罚多少|罚款标准|补贴多少|花多少|交钱|要钱|花钱|交费/,
    gives: /元|免费|不收费|收取|罚款|费用由/,
  },
  // A number one can dial: service lines (12315), landlines, mobiles — not a standard's number such as 19001.
  {
    name: 'phone',
    asks: /电话|联系方式|热线/,
    gives: /123\d\d(?!\d)|400-?\d{3}|0\d{2,3}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|热线/,
  },
  { name: 'address', asks: /地址|在哪(里|儿)?办|办公地点/, gives: /路\d|号楼|地址[:：]|\d+号/ },
  {
    name: 'duration',
    asks: /(有效期|几年|多少年|多久|多长时间|几天|几个工作日|保存多长|期限)/,
    // A length of time, not a date: "三年", "7个工作日", "15日内" — but not "2009年" or "4月1日".
    gives: /(?<![0-9])(?:[0-9]{1,3}|[一二三四五六七八九十百两半]+)\s*(?:个月|个工作日|工作日|年|天|小时|日内|周)|长期/,
  },
  {
    name: 'count',
    asks: /多少种|几种|多少类|几类|多少项|一共有多少|多少个/,
    gives: new RegExp(`${CN}+\\s*(种|类|项|个|大类|条)`),
  },
  {
    name: 'date',
    asks: /哪天|什么时候|何时|哪年|日期|截止/,
    gives: /\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|月底|之日/,
  },
  {
    name: 'issuer',
    asks: /哪个(机关|部门|单位)|谁(印发|发布|制定)|由谁/,
    gives: /局|部|委|院|政府|办公室|中央|国务院|小组/,
  },
]

export function answerTypesOf(question: string): AnswerType[] {
  const folded = foldText(question)
  return ANSWER_TYPES.filter((type) => type.asks.test(folded))
}

/** True when the text could give every kind of fact the question asks for. */
export const givesAnswerTypes = (types: AnswerType[], text: string): boolean =>
  types.every((type) => type.gives.test(foldText(text)))

/**
 * Years, numbers and Latin names in a question ("2024年", "ISO 14001", "CE"): a passage that does not
 * mention them is about something else, however close its words.
 */
export function identifiersOf(question: string): string[] {
  const folded = foldText(question)
  return [...new Set(folded.match(/\d{3,}|[a-z][a-z0-9]*/g) ?? [])]
}
