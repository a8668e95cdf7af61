import type { Concept } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { namesAnAct } from '../text/segment.ts'
import { type Evidence, saysConcept } from './evidence.ts'
import { JUDGED_LIST_MIN_ITEMS } from './tuning.ts'

type Sentence = Evidence['sentences'][number]

// A numbered item of a list ("3. 直接用于最终用户维修的产品；", "（二）…"), as the guides write their conditions.
const ITEM = /^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])/u
// The line a list is introduced by ("…在下列情形下可以申请免办：").
const INTRODUCES = /[:：]\s*$/u

/**
 * What the owner's case does with the goods (测试, 展示, 出口): a verb of the judged case of two characters or more.
 * One character ("进", "换", "修") is said inside many an item's words (引进, 进口; 维修) and picks none. The asker's
 * own trade counts ("我是做进口叉车维修的", filler to the passage gates): what they do for a living is the doing judged.
 */
const caseDoings = (question: PreparedQuestion): Concept[] =>
  question.concepts.filter(
    (concept) => concept.judged && concept.known && concept.word.length > 1 && namesAnAct(concept.word),
  )

/**
 * The list's items, each with its sentences: an item may run on past its first sentence ("1. 科研、测试和认证检测所需的
 * 产品和样品。这里的“科研”是指…"), and the sentence stating the case's doing may be a later one.
 */
function itemsOf(sentences: Sentence[]): Sentence[][] {
  const items: Sentence[][] = []
  for (const sentence of sentences) {
    if (ITEM.test(sentence.text)) items.push([sentence])
    else items.at(-1)?.push(sentence)
  }
  return items
}

/**
 * The sentences a lead may be chosen from when an owner's judged case ("开汽修店的，从国外进了一批配件给客人换，这种能
 * 不做3C吗"; src/query/owner-case.ts) is answered by a list of conditions (ccc-exemption 三: 9 情形): the condition
 * judging the case is the one saying what the case DOES (测试, 展示, 出口), not the one repeating its goods (零部件,
 * 进口), which many items share — so the items saying a doing of the case; and when none does, the line introducing
 * the list ("…在下列情形下可以申请免办："), which tells the reader to find their case among the items, rather than an
 * arbitrary item leading in bold. Chosen from all the body sentences, since an introduction gives no fact asked for.
 * Undefined when the question judges no case or the passage is no such list.
 */
export function judgedListPool(question: PreparedQuestion, sentences: Sentence[]): Sentence[] | undefined {
  if (!question.concepts.some((concept) => concept.judged)) return undefined
  const items = itemsOf(sentences)
  if (items.length < JUDGED_LIST_MIN_ITEMS) return undefined
  const doings = caseDoings(question)
  // The doing fewest items say tells the case from the others: 维修 (one item), not 进口 (the items on imports).
  const saying = doings
    .map((concept) => items.filter((item) => item.some((sentence) => saysConcept(concept, sentence.folded))))
    .filter((said) => said.length > 0)
    .sort((a, b) => a.length - b.length)
  if (saying[0]) return saying[0].flat()
  const first = sentences.indexOf(items[0]?.[0] as Sentence)
  const intro = sentences.slice(0, first).findLast((sentence) => INTRODUCES.test(sentence.text))
  return intro ? [intro] : undefined
}
