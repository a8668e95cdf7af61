import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { type Evidence, saysConcept, statesCoverageGap } from './evidence.ts'

// An order's number ("国家市场监督管理总局令第75号"): the documents that are summaries of an order's articles.
export const ORDER_DOC_NO = /令第\d+号/

/** A passage of an order's summary that says, in its note, what the summary leaves out. */
export const isOrderSummary = (chunk: ChunkRecord): boolean =>
  ORDER_DOC_NO.test(chunk.meta.doc_no ?? '') && Boolean(chunk.meta.note)

/**
 * Aspects of an order that only its later articles treat (the summaries of 75号令/76号令 hold 第一条–第四条):
 * the post holders' qualifications and abilities (具备什么能力, 得有哪些专业能力), their training and assessment, penalties, how long records are kept,
 * whether a post may be held alongside another (兼任, 专职).
 * `asked`: the question asks for it; `said`: a passage says it in that sense. 条件 is asked of the person
 * (具备什么条件, 任职条件), not created for them (第四条's 创造条件); 处罚 is said where a summary only
 * points to the official text for it ("罚则…以官方发布文本为准"), which is not saying it.
 */
const LATER_ASPECTS: ReadonlyArray<{ asked: RegExp; said: RegExp }> = [
  {
    asked:
      /任职|资格|资质|学历|工作经验|(?:具备|具有|符合|满足)(?:什么|哪些|啥)?(?:样的)?(?:条件|能力)|(?:要|需要)(?:什么|哪些|啥)条件|有(?:什么|哪些|啥)(?:样的)?(?:专业)?能力/,
    said: /任职|资格|资质|学历|经验|具备|能力/,
  },
  { asked: /培训|学时|考核|考试/, said: /培训|学时|考核|考试/ },
  { asked: /处罚|罚款|罚钱|罚多少|法律责任|追究/, said: /处罚|罚款|法律责任|追究/ },
  { asked: /(?:保存|留存|保留|存档)(?:多久|多长|几年|期限)/, said: /保存|留存|保管/ },
  // Whether a post may be held alongside another ("能让副总兼着吗，还是必须专职", "老板自己兼着行不行").
  { asked: /兼[着任职管]|专职/, said: /兼任|兼职|专职/ },
]

// A post a rule requires of a business (质量安全总监, 质量安全员, 质量总监).
const POST = /(?:总监|安全员)$/
// A passage naming an order ("重点宣贯…75号、76号令") speaks of the rules that require the posts.
const NAMES_ORDER = /号令/

/**
 * "质量安全总监要具备什么条件", "质量安全员要参加什么培训": a question on an aspect the order's later articles
 * treat, whose passage from the order's summary never says it (outside its statement of what it leaves
 * out), is not answered from an article that only shares the question's other words — nor from another
 * document's passage that names neither the post asked about nor an order ("质量安全员要具备哪些能力" is not the
 * ISO guide's certifiers 具备…能力; the plan's training on 75号、76号令 may still tell of theirs).
 */
export function beyondSummary(question: PreparedQuestion, evidence: Evidence): boolean {
  if (!isOrderSummary(evidence.chunk)) {
    const post = question.concepts.find((concept) => POST.test(concept.word))
    const context = evidence.chunk.analysis.context
    return (
      post !== undefined &&
      !saysConcept(post, context) &&
      !NAMES_ORDER.test(context) &&
      LATER_ASPECTS.some((aspect) => aspect.asked.test(question.folded))
    )
  }
  const said = [
    evidence.chunk.section,
    ...evidence.sentences.filter((sentence) => !statesCoverageGap(sentence.text)).map((sentence) => sentence.folded),
  ].join('\n')
  return LATER_ASPECTS.some((aspect) => aspect.asked.test(question.folded) && !aspect.said.test(said))
}
