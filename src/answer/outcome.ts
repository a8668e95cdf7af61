import { type Concept, isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { namesADoing } from '../text/segment.ts'
import { coverageOfFolded } from './evidence.ts'

// 没 of "几天能知道立没立案" puts a whether, it names no doing.
const NEGATION = /^(?:没|没有|不|未)$/

// How long until a thing can be had or done: "多久能拿回来", "几天才能放行", "多长时间可以恢复". What follows the
// modal is the outcome waited for; "多久要检一次" (a cycle) and "能用几年" (a validity) ask no outcome this way.
const UNTIL_OUTCOME = /(?:多久|多长时间|多少天|几天|几个月|几个工作日)(?:以后|之后)?(?:才|就)?(?:能|可以)(?!不)/

// Getting what the decision on the matter issues ("多久能拿到证明", "几天能收到回复", "多久能领到证"): the getting is
// the decision itself, no event of its own that the passage would have to time. The thing got is named by the
// passage on the matter already; a getting back ("拿回来" of 秤送去检定) is still an outcome of its own.
const GETTING_ISSUED =
  /^(?:拿到|领到|收到|取得|获得|得到|拿|领)(?:个|张|份|一张|一份)?(?:证明|证书|证|结果|批复|答复|回复|决定|通知)/

/**
 * The doings the asker waits for when asking how long until an outcome (拿回来 of "秤送去检定多久能拿回来", 恢复,
 * 放行), with words the documents never use among them; none when the question asks no such time. A thing named
 * there (结果 of "多久才能有个结果", 证书) is what any decision on the matter gives, not an event of its own.
 */
export function outcomeAsked(question: PreparedQuestion): Concept[] {
  const at = UNTIL_OUTCOME.exec(question.folded)
  if (!at) return []
  const after = question.folded.slice(at.index + at[0].length)
  return question.concepts.filter(
    (concept) =>
      isMatter(concept) &&
      after.includes(concept.word) &&
      !NEGATION.test(concept.word) &&
      !GETTING_ISSUED.test(after.slice(after.indexOf(concept.word))) &&
      (!concept.known || namesADoing(concept.word)),
  )
}

/**
 * Whether a sentence giving a length of time times the outcome asked: "检定周期为一年" gives the cycle of checks,
 * not how long one check takes to come back; "12个月内进行" the audit's deadline, not when a suspended
 * certificate is restored. One doing of the outcome said will do ("几天能知道立没立案": 决定是否立案), and a word the
 * documents never use (恢复, 放行) is said by none.
 */
export const timesOutcome = (outcome: readonly Concept[], folded: string): boolean =>
  outcome.length === 0 || outcome.some((concept) => concept.known && coverageOfFolded([concept], folded) > 0)
