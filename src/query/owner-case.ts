import { ASKING_CLAUSE, askingClausesOf, COUNT_WORD, clausesOf } from './asking-clauses.ts'

/**
 * A business owner tells their case before asking about one of the bureau's errands by name ("厂里要从德国进一套
 * 生产线上配的设备，申请免3c得准备啥材料", "客户催着要货，3c免办递上去大概多久能拿到证明"): the guide answers
 * which materials, which steps, how long or whom for the errand whatever the goods, the trade or the country, as
 * the complaint guide answers where to complain whatever was bought (the scene of src/query/concepts.ts). So the
 * case keeps no passage under the coverage gate (Concept.optional); it still ranks as any word of the question, so
 * a passage that speaks of it stays nearer.
 *
 * Only an ask whose clause names the errand itself: "厂里的锅炉要年检，去哪办" names no errand in its ask, so the
 * case is the errand; nor a case that names a bureau matter itself. A yes/no ask ("开汽修店的，从国外进了一批配件给客人
 * 换，这种能不做3C吗", "我们公司做打印机驱动开发的，要从日本带两台新型号回来做测试，也得先拿3c吗") asks whether the
 * errand's rule reaches the case: the guide answers with its scope (维修所需的零部件, 测试), in its own words, never
 * with the asker's goods or country. So the case is optional there too, and also judged (`judged`): the passage
 * answering has to say something of it (src/answer/judged-case.ts), else it would answer what 3C is to a case it
 * never speaks of ("我们店从国外进了一批校服，这种能不做3C吗"). Only the case's words the documents use are judged so
 * (concepts.ts): a thing they never name ("公司新买了几台叉车，每年都要年检吗") stays asked.
 */

// A question word that asks for what the passage names; a yes/no ask (吗, 是否, 能不能, 有没有) judges the case.
const OPEN_ASK = /什么|啥|哪|多少|几|怎么|怎样|如何|多久|多长|谁|何时/
const YES_NO_ASK = /吗|是否|(\p{Script=Han})不\1|有没有/u
// Who the case belongs to: the asker's business, its people or its trade partners. A citizen's story ("我妈在超市
// 买的…") is no owner's case, and the complaint guide's own scene already covers a complaint asked after one.
const BUSINESS_TOLD = /我们|咱们|我司|本公司|公司|厂|店|作坊|企业|车间|客户|供应商|老板|员工/

// The orders 75 and 76's roles and the orders themselves. A trade told before an ask about them ("我们厂做电线电缆，有生产
// 许可证的，按75号令要配哪些人", "我是门店的质量安全员，发现一批插线板有安全隐患，按规定我该做什么") is the case the
// orders' scope (第二条: 生产单位, 销售单位 of licensed, CCC or mandatory-standard goods) judges by the kind of unit, never
// by the goods: their duties are the same for cables and lamps, so the trade keeps no passage under the coverage gate,
// even when it names a licence or the role itself. The roles themselves stay asked.
export const ORDER_DUTY = /质量安全总监|质量安全员|主要负责人|7[56]号令/

// "调几个原厂电机过来", "带两三台样机": a few of the goods, told, not asked, before a yes/no ask.
const A_FEW = /几(?=[个台件批套张位])/g

/**
 * The clauses that ask. When the question ends on a yes/no ask, a clause before it that asks only by "几个" tells how
 * many ("客户车坏了要从德国调几个原厂电机过来给他换上，这几个零件也得办3C吗").
 */
function asksOf(folded: string, clauses: string[]): string[] {
  const asking = askingClausesOf(folded)
  const last = clauses.at(-1) ?? ''
  if (!YES_NO_ASK.test(last) || OPEN_ASK.test(last.replace(A_FEW, ''))) return asking
  return asking.filter((clause) => clause === last || ASKING_CLAUSE.test(clause.replace(A_FEW, '')))
}

/** The owner's case of a question: which words only it says, and whether a yes/no ask judges it. */
export type OwnerCase = { isCase: (word: string) => boolean; judged: boolean }

const NO_CASE: OwnerCase = { isCase: () => false, judged: false }

/**
 * The words only the owner's case says, as a predicate, given which words name one of the bureau's errands or
 * matters (免办, 9001, 75号令: glossary terms that are no aspect). Never true when the question is no such case.
 */
export function ownerCaseOf(folded: string, namesErrand: (clause: string) => boolean): OwnerCase {
  const clauses = clausesOf(folded)
  const asking = asksOf(folded, clauses)
  const first = clauses.findIndex((clause) => asking.some((ask) => clause.includes(ask)))
  if (first < 1) return NO_CASE
  const told = clauses.slice(0, first)
  const asked = clauses.slice(first)
  const open = asked.every((clause) => OPEN_ASK.test(clause) && !YES_NO_ASK.test(clause))
  const judged = asked.every((clause) => YES_NO_ASK.test(clause) && !OPEN_ASK.test(clause.replace(A_FEW, '')))
  // A case that names a bureau matter itself ("厂里要搞ISO认证，…", "供应商说他们通过了ISO9001，…") is what is asked about.
  const business = told.some((clause) => BUSINESS_TOLD.test(clause))
  const duty = ORDER_DUTY.test(folded)
  const owners = business && (duty || !told.some(namesErrand))
  if (!(open || judged) || !owners || !(duty || asked.some(namesErrand))) return NO_CASE
  // How many or how big ("总共二十来个人", "一年进两百台") is what the orders' 与规模相适应 or a 数量合理 judges: it stays asked.
  const isCase = (word: string) =>
    !COUNT_WORD.test(word) &&
    !ORDER_DUTY.test(word) &&
    told.some((clause) => clause.includes(word)) &&
    !asked.some((clause) => clause.includes(word))
  return { isCase, judged }
}
