import { askingClausesOf, saidOnlyInToldClause } from '../query/asking-clauses.ts'
import type { Concept } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { namesAThing } from '../text/segment.ts'
import { LEAD_TOLD_WEIGHT } from './tuning.ts'

// The asker speaking of themselves in the clause that asks.
const OWN_PART = /我|咱|自己|本人/

/**
 * Whether the asker asks of their own part (我当老板的自己要做些什么) and names a thing of it there: only then is a
 * clause asking nothing before it (厂里要搞ISO认证) where they stand. "The shop refuses to mediate. What else can I
 * do?" asks about the case its first clause tells, and a reader's "…，他在哪里…" about the first clause too.
 */
function asksOwnPart(question: PreparedQuestion): boolean {
  const asking = askingClausesOf(question.folded).filter((clause) => OWN_PART.test(clause))
  return question.concepts.some(
    (concept) =>
      concept.known &&
      !concept.filler &&
      namesAThing(concept.word) &&
      !saidOnlyInToldClause(question.folded, concept.word) &&
      asking.some((clause) => clause.includes(concept.word)),
  )
}

/**
 * The focus words of the lead sentence with those said only where the asker tells their situation weighed at
 * LEAD_TOLD_WEIGHT: in "厂里要搞ISO认证，我当老板的自己要做些什么" the sentence saying 厂里 (审核组到企业现场) is not the
 * one stating what they ask (最高管理者作出承诺).
 */
export function weighToldWords(question: PreparedQuestion, focus: Concept[]): Concept[] {
  if (!asksOwnPart(question)) return focus
  return focus.map((concept) =>
    saidOnlyInToldClause(question.folded, concept.word)
      ? { ...concept, weight: concept.weight * LEAD_TOLD_WEIGHT }
      : concept,
  )
}
