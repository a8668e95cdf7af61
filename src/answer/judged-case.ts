import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { saysConcept } from './evidence.ts'

/**
 * An owner tells their case and asks whether a rule reaches it ("开汽修店的，从国外进了一批配件给客人换，这种能不做
 * 3C吗"; src/query/owner-case.ts): the guide judges the case by its scope, in its own words (直接为最终用户维修所需的
 * 零部件), so no passage need say all of it; but a passage that says nothing of it at all — no goods, no use, no
 * trade — only tells what the rule is, and would answer "做跨境电商的，海外仓直邮的小家电，要不要做3C" with what 3C is.
 * Only the words of the case the documents use count, and not one character ("进", "换"): those are said anywhere.
 */
export function caseUnjudged(question: PreparedQuestion, chunk: ChunkRecord): boolean {
  // The asker's own account of their trade ("我们是开五金店的", filler) is who asks: the orders judge that by their
  // scope (销售单位) as before; what else they tell of the goods and their use has to be spoken of.
  const telling = question.concepts.filter(
    (concept) => concept.judged && concept.known && !concept.filler && concept.word.length > 1,
  )
  if (telling.length === 0 || telling.some((concept) => saysConcept(concept, chunk.analysis.context))) return false
  // Asked whether a kind of their size may too ("十几个人的小贸易公司，也能做ISO9001吗"), the passage saying whom the
  // thing is open to (各种类型、各种规模的组织都可以采用) judges every kind, named or not.
  const eligibility = question.answerTypes.find((type) => type.name === 'eligibility')
  return !eligibility?.gives.test(chunk.content)
}
