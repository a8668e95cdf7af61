import { TIME_WAITED } from './answer-types.ts'

/**
 * A matter the asker tells has gone on a while, or asks whether or how long it goes on ("调解都快两个多月了商家一直
 * 拖着不给答复，还会一直调下去吗", "调解老是没结果，过了多少天就不调了"): the documents' time limits judge it in their own
 * words ("自受理之日起45个工作日内双方仍未达成调解协议的，终止调解"), never in the asker's.
 */

// Asks whether it goes on or for how long.
const GOES_ON = /下去|多少天|多久|多长时间|几天|几个月|到什么时候/
// The words of its dragging on: 一直, 老是, 拖着, 耗, 调下去, 还会, 没结果, and the 快 of "快两个月了".
const DRAGGING_ON =
  /一直|老是|总是|拖着|[\u4e00-\u9fff]?下去|[拖耗熬]|还会|没(?:结果|进展|下文)|快(?=[0-9一二三四五六七八九十两半几])/gu
// A dispute the bureau handles: the time limits of a complaint, its mediation or a report name no party to it.
const DISPUTE = /调解|投诉|举报/

/** The words telling that a matter drags on, when the question tells a wait or asks how long it goes on; else none. */
export const draggingOnOf = (folded: string): string[] =>
  TIME_WAITED.test(folded) || GOES_ON.test(folded) ? (folded.match(DRAGGING_ON) ?? []) : []

/** A complaint, mediation or report told dragging on: who the other side is judges none of its time limits. */
export const tellsDisputeDragging = (folded: string): boolean => DISPUTE.test(folded) && draggingOnOf(folded).length > 0
