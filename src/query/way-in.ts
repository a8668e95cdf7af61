/**
 * The way in to a complaint or a report, asked bare or lightly qualified: "怎么举报", "如何投诉", "投诉怎么弄",
 * "举报的方式有哪些", "举报一般走什么渠道", "投诉举报在哪里提交", "举报打哪个电话". The guide answers it in the
 * section on the routes (二、通过哪些渠道提出: 12315热线, 全国12315平台), whose heading never repeats the
 * doing — its title does — while the sections that say 投诉 and 举报 over and over (一、投诉和举报有什么区别)
 * win the word search. What a complaint needs, how long it takes, or how it differs from a report is not
 * the way in: none of these forms asks it.
 */
import { namesRoutes } from './answer-types.ts'

// The doings one goes somewhere to do. 反映 (to tell the bureau of something) only in the forms below,
// which put it after a how or a means, never "这反映了什么".
const DOING = '(?:投诉|举报|维权|反映)'
const HOW = '(?:怎么|怎样|如何|咋)'

const WAY_IN = [
  // "怎么举报", "怎样向市场监管局投诉商家", "在网上怎么投诉", "怎么去投诉一个商家": the how right before the
  // doing, or before the body or place it is done at — not "怎么区分投诉和举报", a how of something else.
  new RegExp(`${HOW}(?:才能|可以|能|去|来)?(?:进行)?(?:(?:向|跟|找|到|在|给)[^，。？?]{1,8})?${DOING}`, 'u'),
  // "投诉怎么弄", "举报商家咋整", "想举报一个商家，具体要怎么操作": the doing, then how it is gone about.
  new RegExp(`${DOING}[^。？?]{0,10}?${HOW}(?:弄|操作|整|搞|提交?|走|做)`, 'u'),
  // "举报的方式有哪些", "投诉的途径", "维权可以走哪些途径", "网上投诉的入口", "投诉电话多少": the means named.
  new RegExp(`${DOING}[^。？?]{0,6}?(?:方式|途径|渠道|入口|热线)|${DOING}电话`, 'u'),
  // "通过什么方式反映", "走什么渠道举报", "有什么办法可以投诉": the means asked before the doing.
  new RegExp(`(?:什么|哪些|哪种|啥)(?:方式|途径|渠道|办法|方法)[^。？?]{0,4}?${DOING}`, 'u'),
  // "投诉举报在哪里提交", "去哪投诉", "哪里可以举报" — not "由哪里的市场监管部门处理", which office handles it.
  new RegExp(
    `${DOING}[^。？?]{0,4}?(?:哪里|哪儿|在哪|去哪)(?!的)|(?:哪里|哪儿|在哪|去哪)(?!的)[^。？?]{0,4}?${DOING}`,
    'u',
  ),
  // "举报打哪个电话", "投诉要拨什么号码": the number dialled to do it.
  new RegExp(`${DOING}[^。？?]{0,4}?(?:打|拨)[^。？?]{0,3}?(?:电话|号码)`, 'u'),
]

// A passage of the routes is one of a complaint's or a report's: 维权 and 反映 are done by either.
const COMPLAINT_SAID = /投诉|举报/

/** The folded question asks the way in to a complaint or a report. */
export const asksWayIn = (folded: string): boolean => WAY_IN.some((pattern) => pattern.test(folded))

/** A passage headed by the routes ("二、通过哪些渠道提出") of a complaint or a report (its folded context). */
export const showsWayIn = (heading: string, context: string): boolean =>
  namesRoutes(heading) && COMPLAINT_SAID.test(context)
