import { COUNT_WORD, clausesOf } from './asking-clauses.ts'

/**
 * An asker tells their story, then asks what comes of it or whether it is still taken ("水果店的秤上个月检定没过，
 * 师傅说要修，我这几天生意忙先凑合用着，会怎么样"; "前年冬天商场买的羽绒服，穿了一个冬天就跑毛，当时懒得弄，现在才想
 * 起来要投诉，还能受理不"). The guide states the consequence of a breach, or the grounds for refusing a complaint,
 * whoever breaks the rule and however busy they were: the clauses around the one that names the bureau's matter
 * (师傅说要修, 我这几天生意忙先凑合用着) are the asker's story, and their words keep no passage under the coverage gate
 * (Concept.optional, as the owner's case of src/query/owner-case.ts); they still rank as any word of the question.
 *
 * What decides the answer stays asked: the clause naming a matter the glossary knows is the state judged
 * (秤…检定没过, 现在才想起来要投诉; "投诉完那家店老板打电话来骂我" tells what happened after, so all of it is asked),
 * and so are how long or how many and when (四年, 三个月, 前年: the three-year limit judges it) and a word saying something was
 * not done (没检, 没填).
 */

// What comes of the asker's case (会怎么样, 会被咋处理, 有啥后果, 会不会罚) or whether a complaint is still taken
// (还能受理不, 还管不管, 还给处理吗, 还来得及吗).
const OUTCOME_ASK =
  /会(?:被)?(?:怎么样|怎样|咋样|咋处理|怎么处理|如何处理|怎么罚|咋罚)|(?:什么|啥)后果|会不会(?:被)?罚|(?:要|会)(?:被)?罚吗|挨罚|罚不罚|受理(?:吗|不)|受不受理|还能受理|还管不管|还给处理|还来得及/
// A clause that asks something itself ("要去哪检，不检会怎么样"): it is asked, not told.
const OWN_ASK = /[吗呢]$|什么|啥|哪|怎么|如何|多少|多久/
// When it happened (前年, 上个月, 去年冬天): how long ago is what the three-year limit or an overdue check judges.
const WHEN_WORD = /[年月日天周]|礼拜|星期|前年|去年/
const NOT_DONE = /[没未不无]/

/**
 * The words only the story before an outcome ask tells, as a predicate, given which clauses name one of the
 * bureau's matters (a glossary term). Never true when the question asks no outcome or tells no story before it.
 */
export function consequenceCaseWordsOf(
  folded: string,
  namesMatter: (clause: string) => boolean,
): (word: string) => boolean {
  const clauses = clausesOf(folded)
  const ask = clauses.findIndex((clause) => OUTCOME_ASK.test(clause))
  if (ask < 1) return () => false
  const before = clauses.slice(0, ask)
  const story = before.filter((clause) => !namesMatter(clause) && !OWN_ASK.test(clause))
  const asked = clauses.filter((clause) => !story.includes(clause))
  return (word) =>
    !COUNT_WORD.test(word) &&
    !WHEN_WORD.test(word) &&
    !NOT_DONE.test(word) &&
    story.some((clause) => clause.includes(word)) &&
    !asked.some((clause) => clause.includes(word))
}
