import { askingClausesOf } from '../query/asking-clauses.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { namesAThing } from '../text/segment.ts'

/**
 * A clause that asks about nothing but things no document names: "奖品是啥", "补贴金额大概有多少",
 * "怎么申请行政复议". No passage can say what it asks, however many of the question's other words it
 * shares (质量知识竞赛, 扶持项目, 市场监管局). A clause with any word the documents use, a doing or a
 * judgement asked about (报名, 靠谱吗), is left to the other gates.
 */
export function asksOnlyUnknownThings(question: PreparedQuestion): boolean {
  return askingClausesOf(question.folded).some((clause) => {
    const matter = question.concepts.filter(
      (concept) => !concept.aspect && !concept.asks && !concept.filler && clause.includes(concept.word),
    )
    return matter.length > 0 && matter.every((concept) => !concept.known && namesAThing(concept.word))
  })
}
