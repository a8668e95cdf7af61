import { HELD_FOR } from '../query/audience.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'

// A word naming a kind of person by its form: 老年人, 残疾人, 快递员, 大学生, 孕妇, 农民, 志愿者, 出租车司机.
const PERSON_FORM = /(?:人|者|员|生|妇|民|工|师|士|族|友|司机|骑手|师傅)$/

/**
 * An activity asked as held for a kind of person no document names ("质量月有哪些专门给老年人办的讲座", "有给我们快递员
 * 搞的活动没"): the plan names its audiences (市民群众, 企业总裁, 个体工商户 …; src/query/audience.ts reads the asker's
 * words for those), and its activities for everyone do not answer what is held for them. The word, or undefined.
 * A kind asked only as who may join ("大学生能参加吗") is not this: what is open to all answers it.
 */
export function unnamedAudienceOf(question: PreparedQuestion): string | undefined {
  const heldFor = question.folded.split(/[，,；;。？?\s]/).filter((clause) => HELD_FOR.test(clause))
  if (heldFor.length === 0) return undefined
  return question.concepts.find(
    (concept) => !concept.known && heldFor.some((clause) => namesPerson(clause, concept.word)),
  )?.word
}

// The word as the clause says it, with the character after it: jieba cuts "快递员" into 快递 and 员.
function namesPerson(clause: string, word: string): boolean {
  const at = clause.indexOf(word)
  return at >= 0 && (PERSON_FORM.test(word) || PERSON_FORM.test(clause.slice(at, at + word.length + 1)))
}
