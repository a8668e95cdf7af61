import { askingClausesOf } from '../query/asking-clauses.ts'
import { isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { namesAThing } from '../text/segment.ts'

/**
 * A clause that asks about nothing but things no document names: "奖品是啥", "补贴金额大概有多少",
 * "怎么申请行政复议". No passage can say what it asks, however many of the question's other words it
 * shares (质量知识竞赛, 扶持项目, 市场监管局). A clause with any word the documents use, a doing or a
 * judgement asked about (报名, 靠谱吗), is left to the other gates; so is a generic noun asked for that a passage
 * states in other words (啥原因: "有下列情形之一的", concepts.ts `requested`).
 */
export function asksOnlyUnknownThings(question: PreparedQuestion): boolean {
  // How two things named stand to each other ("…GB/T19001的证书，算数吗") is asked of them, whatever words put it.
  if (question.relation) return false
  return askingClausesOf(question.folded).some((clause) => {
    const matter = question.concepts.filter(
      (concept) => !concept.aspect && !concept.asks && !concept.filler && clause.includes(concept.word),
    )
    // With no other word the documents use, the place they all stand in (浦东) says where, not what.
    const setting = matter.filter((concept) => concept.setting)
    const rest = matter.filter((concept) => !concept.setting)
    const unplaced = question.concepts.every((concept) => !isMatter(concept) || !concept.known || concept.setting)
    return (
      rest.length > 0 &&
      rest.every(
        (concept) =>
          !concept.known && !concept.requested && ((unplaced && setting.length > 0) || namesAThing(concept.word)),
      )
    )
  })
}
