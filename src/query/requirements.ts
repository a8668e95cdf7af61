/**
 * A question about what a rule requires of those it governs: "76号令对销售企业有什么要求", "75号令要求企业做哪些事",
 * "销售单位按规定要建立什么制度", "76号令让销售单位得做啥". A regulation states it in its articles ("须建立…",
 * "负全面责任", "应当提出否决性建议"), not in its notice of issuance, its scope, nor a reading from press reports
 * appended to it ("附：…（据公开报道的解读，非条文原文）"), which retells that "两部规章要求…" in the very words asked.
 */

// A duty's doing asked for, after the word of obligation: "要求企业做哪些事", "得建立啥制度", "要我们干什么".
const DOING_ASKED = '[^，,。？?]{0,14}?(?:做|干|建立|建|落实|履行|配备|配)[到好]?(?:哪些|什么|啥|嘛|哪几)'
// A requirement noun asked for ("有什么要求", "哪些规定", "落实什么责任", "要求是什么"), or a duty's doing asked for.
const REQUIREMENT_ASKED = new RegExp(
  [
    '(?:什么|啥|哪些|哪几[项条个种类]?)(?:要求|规定|义务|职责|责任)',
    '(?:要求|规定|义务)(?:是什么|是啥|有哪些|有什么|包括)',
    `(?:要求|规定|要|得|该|应该|应当|必须|需要)${DOING_ASKED}`,
  ].join('|'),
)

// A duty stated: "须…", "应当…", "不得…", "负全面责任", "负责建立"; not 负责人, the post.
const DUTY_STATED = /应当|应该|必须|须|不得|负[^，,。；;]{0,6}责任|负责(?!人)/

// An article of a regulation, as its locator names it ("第三条").
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条/

/**
 * The word of obligation (要求, 规定) asks for the duties when a doing asked follows it ("75号令要求质量安全员干什么"):
 * a passage stating a duty says it, as for "有什么要求", not one that uses the word ("具体处置要求请以…为准").
 */
export const asksDoingRequired = (folded: string, word: string): boolean =>
  new RegExp(`${word}${DOING_ASKED}`).test(folded)

/** The folded question asks what a rule requires of someone. */
export const asksRequirement = (folded: string): boolean => REQUIREMENT_ASKED.test(folded)

/** A passage that is an article of a rule (its locator "第…条") and states a duty in its own text. */
export const statesArticleDuty = (locator: string | null, folded: string): boolean =>
  ARTICLE.test(locator ?? '') && DUTY_STATED.test(folded)
