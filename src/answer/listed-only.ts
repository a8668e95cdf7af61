import { isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { saysConcept } from './evidence.ts'
import { MIN_LIST_ITEMS } from './tuning.ts'

// The enumeration comma: "学校、托幼机构、医院、养老院、机关等" lists places the item reaches, it is about none of them.
const LIST_MARK = '、'
// The close of a list of examples of a kind ("…、机关等集中用餐单位").
const EXAMPLES_END = /等/
// What closes the clause a list stands in.
const CLAUSE_END = /[，。；：！？,.;:!?()（）\n]/

// A line broken inside a word ("养老\n 院") folds to a space between Han characters; the list is read without it.
const joinBrokenWords = (folded: string): string => folded.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')

/**
 * The number of items in the enumeration the text's characters from `at` to `end` stand in, when it gives examples of
 * something else ("学校、托幼机构、医院、养老院、机关等集中用餐单位", "街镇、园区、企业、商场、地铁等场所"); 0 when it
 * is no such list. A list without 等 is what its sentence is about ("退货、退款、赔偿，属于投诉").
 */
function examplesAround(text: string, at: number, end: number): number {
  let from = at
  while (from > 0 && !CLAUSE_END.test(text[from - 1] as string)) from--
  let to = end
  while (to < text.length && !CLAUSE_END.test(text[to] as string)) to++
  if (!EXAMPLES_END.test(text.slice(end, to))) return 0
  return text.slice(from, to).split(LIST_MARK).length
}

/** Whether every place a text says the term is an item of a long list of examples, never its topic. */
function onlyListed(term: string, text: string): boolean {
  let seen = false
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    seen = true
    const end = at + term.length
    const item = text[at - 1] === LIST_MARK || text[end] === LIST_MARK
    if (!item || examplesAround(text, at, end) < MIN_LIST_ITEMS) return false
  }
  return seen
}

/**
 * Whether the passage says the question's matter only as items of its lists: "浦东看牙哪家医院比较好" shares 医院
 * with the Quality Month's canteen campaign only through "学校、托幼机构、医院、养老院…等集中用餐单位", and
 * "浦东新开的商场有哪些" 商场 with the poster item's "街镇、园区、企业、商场、地铁等场所". The passage is about
 * the campaign, not the thing asked. A question that shares any word the passage speaks of outside a list
 * ("质量月的宣传海报贴在哪些地方": 海报) is left to the other gates, and so is a matter the passage says only
 * through the parts of a long word (no place to judge).
 */
export function saysMatterOnlyInLists(question: PreparedQuestion, chunk: ChunkRecord): boolean {
  const text = joinBrokenWords(chunk.analysis.context)
  const shared = question.concepts.filter(
    (concept) => isMatter(concept) && concept.known && !concept.setting && !concept.scene && saysConcept(concept, text),
  )
  return (
    shared.length > 0 &&
    shared.every((concept) => {
      const said = concept.alternatives.filter((term) => term.length > 1 && text.includes(term))
      return said.length > 0 && said.every((term) => onlyListed(term, text))
    })
  )
}
