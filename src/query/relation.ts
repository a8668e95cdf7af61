import type { Concept } from './concepts.ts'

/**
 * A question for how two things stand to each other: "质量安全总监跟主要负责人是啥关系", "GB/T 19001和ISO 9001
 * 是什么关系", "质量安全员在工厂里算什么", or asked in the frame of its answer, "上海方案把质量说成是上海的什么"
 * ("质量是上海的生命"). The sentence that ties the two together answers (…协助主要负责人…, …等同采用…ISO 9001),
 * not one that only lists them side by side ("主要负责人、质量安全总监和质量安全员") nor a passage that shares
 * the word 关系 in another sense ("关系人身健康").
 */
export type Relation = {
  /** The words saying each of the two things: a concept's glossary alternatives, or the asker's own words. */
  terms: [string[], string[]]
  /** Asked as "A是B的什么": the answer says "A是B的…" (or 为, 即). */
  framed: boolean
}

/** The words that ask for a relation ("是什么关系", "关系是啥"): no topic a passage must say. */
export const RELATION_ASKED = /(?:什么|啥|哪种|怎样的?|何种)关系|关系是(?:什么|啥)/

const CLAUSE = '[^,;:，；：。？?！!]'
// "把质量说成是上海的什么", "把质量看作上海的啥".
const PUT_AS = new RegExp(
  `把(${CLAUSE}+?)(?:说成|看成|看作|当作|当成|定位为|定为|称为|视为|比作|作为)是?(${CLAUSE}+?)的(?:什么|啥)`,
)
// "质量安全员是主要负责人的什么人", "它算是纲要的啥".
const IS_OF = new RegExp(`(${CLAUSE}+?)(?:是|算是?|属于)(${CLAUSE}+?)的(?:什么|啥)`)
// "A跟B是啥关系", "A和B之间有什么关系".
const PAIR = new RegExp(`(${CLAUSE}+?)(?:和|跟|与|同)(${CLAUSE}+?)(?:之间)?(?:是|有|存在)?(?:${RELATION_ASKED.source})`)
// "质量安全员在工厂里算什么", "CNAS在认证体系中是什么角色".
const PLACE_IN = new RegExp(`(${CLAUSE}+?)在(${CLAUSE}+?)(?:里|中|当中|里面)(?:算|是|属于|扮演)(?:个|一个)?(?:什么|啥)`)

/** The relation a folded question asks for, with the words of its two things; null when it asks none. */
export function relationOf(folded: string, concepts: readonly Concept[]): Relation | null {
  const framed = PUT_AS.exec(folded) ?? IS_OF.exec(folded)
  const match = framed ?? PAIR.exec(folded) ?? PLACE_IN.exec(folded)
  if (!match) return sameNamesOf(folded, concepts)
  const [first, second] = [match[1], match[2]].map((span) => (span ? termsIn(span, concepts) : []))
  if (!first?.length || !second?.length) return null
  return { terms: [first, second], framed: framed !== null }
}

// Whether two names are one thing, asked of a case ("客户点名要ISO9001，我们拿的是GB/T19001的证书，算数吗", "…这俩是
// 一回事吗"): the sentence tying the two names answers ("GB/T 19001…等同采用…ISO 9001").
const SAME_ASKED = /一回事|一样吗|一样不|是不是一样|同一(?:个|套|种)|算数吗|算不算数?|作数吗|认不认|通用吗/

// The spellings of one name among its glossary group's: those that open as it does ("iso9001": "iso 9001").
const spellingsOf = (concept: Concept): string[] =>
  concept.alternatives.filter((term) => term.slice(0, 2) === concept.word.slice(0, 2))

/**
 * Two names the question uses for what the glossary holds one thing (ISO9001, GB/T19001), when it asks whether
 * they are the same or one counts as the other: the relation between the two names. Null otherwise.
 */
function sameNamesOf(folded: string, concepts: readonly Concept[]): Relation | null {
  if (!SAME_ASKED.test(folded)) return null
  const named = concepts.filter((concept) => concept.known && !concept.filler && !concept.aspect && !concept.asks)
  for (const first of named)
    for (const second of named) {
      const [one, other] = [spellingsOf(first), spellingsOf(second)]
      if (first !== second && first.alternatives.includes(second.word) && !one.some((term) => other.includes(term)))
        return { terms: [one, other], framed: false }
    }
  return null
}

/**
 * The words for the thing a span of the question names: its most telling known word ("我们厂的质量安全总监" →
 * 质量安全总监, "以前的12365热线" → 12365), else the span's own last words after 的 ("上海").
 */
function termsIn(span: string, concepts: readonly Concept[]): string[] {
  const named = concepts
    .filter((concept) => concept.known && !concept.filler && span.includes(concept.word))
    .sort((a, b) => b.weight - a.weight)[0]
  if (named) return named.alternatives
  const own = span.split('的').at(-1)?.trim() ?? ''
  return own.length >= 2 && own.length <= 6 ? [own] : []
}

// Two things only listed side by side: a joining mark between them, or a list item and its marks.
const LISTED = /^(?:[、和与及或跟同][^,;:，；：。、和与及或]{0,10})*[、和与及或跟同]?$/

/** Where each of the terms stands in a folded text: [start, end] of every occurrence. */
function spansOf(terms: string[], folded: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const term of terms)
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) spans.push([at, at + term.length])
  return spans
}

// "质量是上海的生命", "“质量是上海的生命”": the copula between the two, quotes aside.
const COPULA = /^[”"]?(?:是|为|即|就是)[“"]?$/

/**
 * Whether a folded sentence ties the relation's two things: for one asked as "A是B的什么", the sentence saying
 * "A是B的" (or 为, 即); else one saying both, not only listed together.
 */
export function tiesRelation(relation: Relation, folded: string): boolean {
  const [first, second] = relation.terms.map((terms) => spansOf(terms, folded)) as [
    Array<[number, number]>,
    Array<[number, number]>,
  ]
  if (relation.framed)
    return first.some(([, end]) =>
      second.some(([start, after]) => start > end && COPULA.test(folded.slice(end, start)) && folded[after] === '的'),
    )
  return first.some((a) =>
    second.some((b) => {
      const [left, right] = a[0] < b[0] ? [a, b] : [b, a]
      return left[1] <= right[0] && !LISTED.test(folded.slice(left[1], right[0]))
    }),
  )
}
