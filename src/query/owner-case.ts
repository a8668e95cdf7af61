import { askingClausesOf, COUNT_WORD, clausesOf } from './asking-clauses.ts'

/**
 * A business owner tells their case before asking about one of the bureau's errands by name ("厂里要从德国进一套
 * 生产线上配的设备，申请免3c得准备啥材料", "客户催着要货，3c免办递上去大概多久能拿到证明"): the guide answers
 * which materials, which steps, how long or whom for the errand whatever the goods, the trade or the country, as
 * the complaint guide answers where to complain whatever was bought (the scene of src/query/concepts.ts). So the
 * case keeps no passage under the coverage gate (Concept.optional); it still ranks as any word of the question, so
 * a passage that speaks of it stays nearer.
 *
 * Only an open ask (which, what, how, how long) whose clause names the errand itself: "…，这种能不做3C吗" and
 * "…，证书还算有效吗" ask whether the case is allowed, so the case is what is judged; "厂里的锅炉要年检，去哪办"
 * names no errand in its ask, so the case is the errand; nor a case that names a bureau matter itself.
 */

// A question word that asks for what the passage names; a yes/no ask (吗, 是否, 能不能, 有没有) judges the case.
const OPEN_ASK = /什么|啥|哪|多少|几|怎么|怎样|如何|多久|多长|谁|何时/
const YES_NO_ASK = /吗|是否|(\p{Script=Han})不\1|有没有/u
// Who the case belongs to: the asker's business, its people or its trade partners. A citizen's story ("我妈在超市
// 买的…") is no owner's case, and the complaint guide's own scene already covers a complaint asked after one.
const BUSINESS_TOLD = /我们|咱们|我司|本公司|公司|厂|店|作坊|企业|车间|客户|供应商|老板|员工/

/**
 * The words only the owner's case says, as a predicate, given which words name one of the bureau's errands or
 * matters (免办, 9001, 75号令: glossary terms that are no aspect). Never true when the question is no such case.
 */
export function ownerCaseWordsOf(folded: string, namesErrand: (clause: string) => boolean): (word: string) => boolean {
  const clauses = clausesOf(folded)
  const asking = askingClausesOf(folded)
  const first = clauses.findIndex((clause) => asking.some((ask) => clause.includes(ask)))
  if (first < 1) return () => false
  const told = clauses.slice(0, first)
  const asked = clauses.slice(first)
  const open = asked.every((clause) => OPEN_ASK.test(clause) && !YES_NO_ASK.test(clause))
  // A case that names a bureau matter itself ("厂里要搞ISO认证，…", "供应商说他们通过了ISO9001，…") is what is asked about.
  const owners = told.some((clause) => BUSINESS_TOLD.test(clause)) && !told.some(namesErrand)
  if (!open || !owners || !asked.some(namesErrand)) return () => false
  // How many or how big ("总共二十来个人", "一年进两百台") is what the orders' 与规模相适应 or a 数量合理 judges: it stays asked.
  return (word) =>
    !COUNT_WORD.test(word) &&
    told.some((clause) => clause.includes(word)) &&
    !asked.some((clause) => clause.includes(word))
}
