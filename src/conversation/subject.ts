import type { Answer } from '../answer/answer-question.ts'
import { SUBJECT_MATTER_WEIGHT } from '../answer/tuning.ts'
import { askingClausesOf } from '../query/asking-clauses.ts'
import { asksAnAspect, type Concept } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { Vocabulary } from '../retrieval/vocabulary.ts'
import { foldText } from '../text/fold.ts'
import { namesAThing } from '../text/segment.ts'

/**
 * What the conversation is about: the document and the matter asked about (CCC免办, 电子秤强检, 投诉),
 * not the last word said. A follow-up ("那需要多久？", "要交钱吗？", "办理流程呢") is answered about
 * it; a question that names a matter its document does not speak of replaces it.
 */
export type Subject = {
  docId: string
  terms: string[]
  /** The other words of the latest question: what "那76号令呢？" asks again about another matter. */
  asked: string[]
  /** Where the latest answer quoted from (locators): the list "第四个" counts in. */
  quoted?: string[]
}

const SUBJECT_TERMS = 3
// A state the glossary names ("不肯调解", "没检"): what befell the matter, not a thing it is about.
const NEGATED = /[不没未无]/

// A matter is named by a telling word ("电子秤", "质量月", "75号令"), not by "企业", "适用" or "要钱".
export const namesMatter = (concept: Concept): boolean =>
  concept.known && !asksAnAspect(concept) && !concept.asks && concept.weight >= SUBJECT_MATTER_WEIGHT

const wordsBesides = (question: PreparedQuestion, terms: readonly string[]): string[] =>
  question.concepts.map((concept) => concept.word).filter((word) => !terms.includes(word))

/**
 * The subject kept in its document, narrowed to the matter the message names there ("食品安全宣传是
 * 怎么搞的" in the 质量月 plan: what follows is about that item), with the message's other words as what
 * was asked last.
 */
export const askedAbout = (subject: Subject, question: PreparedQuestion): Subject => {
  const named = question.concepts.filter(namesMatter).map((concept) => concept.word)
  const terms = [...new Set([...named, ...subject.terms])].slice(0, SUBJECT_TERMS)
  // What was asked is all the message said besides the subject it was asked about: "上海的呢" after
  // "制造业质量竞争力指数要达到多少" asks that whole question again.
  const asked = wordsBesides(question, subject.terms)
  return { ...subject, terms, asked: asked.length > 0 ? asked : subject.asked }
}

/**
 * The matter of a question: its strongest telling words, and the document it was answered from. A
 * refused question still sets it when the document it came nearest to speaks of its telling words
 * ("75号令罚款罚多少" → 75号令): what is asked next is asked about that.
 */
export function subjectOf(vocabulary: Vocabulary, question: PreparedQuestion, answer: Answer): Subject | null {
  const docId = answer.grounded ? answer.citations[0]?.docId : answer.evidence[0]?.chunk.docId
  if (!docId) return null
  // "第四条" locates the answer, it is not the matter: "那违反了要罚多少钱？" asks about the whole order. Nor is the
  // case a buyer tells before the complaint or report asked about ("电子秤不准去哪举报" → 举报, not 不准): what they
  // ask next ("那要多久才有结果") is asked of the report.
  const words = question.concepts.filter(
    (concept) => concept.known && !concept.aspect && !concept.scene && !/^第.+条$/.test(concept.word),
  )
  const saidThere = (concept: Concept) => concept.alternatives.some((term) => vocabulary.documentSays(docId, term))
  const telling = words.filter(namesMatter).filter((concept) => answer.grounded || saidThere(concept))
  // The words that name where the answer stands (its document's title, its heading) are the matter; the
  // asker's own situation ("几台样机做研发测试") is not, and would pull every later question back to it.
  const source = answer.grounded
    ? foldText(`${answer.citations[0]?.title ?? ''} ${answer.citations[0]?.section ?? ''}`)
    : ''
  const naming = telling.filter((concept) => concept.alternatives.some((term) => source.includes(term)))
  // After them, the thing asked about that the passage answering speaks of ("质量大讲堂" of item 5, "书面小结" of
  // 四（三）): "啥时候在哪办", "截止哪天" ask about it, not about the whole plan.
  const quoted = answer.grounded ? foldText(answer.evidence[0]?.chunk.content ?? '') : ''
  // Only a thing named where the question asks, not the asker's own case (新买, "网上买的衣服…想投诉", 测试仪器):
  // that would pull every later question back to it.
  const asking = askingClausesOf(question.folded)
  const spoken = telling.filter(
    (concept) =>
      !naming.includes(concept) &&
      !concept.optional &&
      asking.some((clause) => clause.includes(concept.word)) &&
      namesAThing(concept.word) &&
      !NEGATED.test(concept.word) &&
      concept.alternatives.some((term) => quoted.includes(term)),
  )
  const byWeight = (concepts: Concept[]) => [...concepts].sort((a, b) => b.weight - a.weight)
  // A question in plain words ("怎么投诉？") still has a matter when answered: its best words, telling or not.
  const chosen =
    naming.length > 0
      ? [...byWeight(naming), ...byWeight(spoken)]
      : byWeight(telling.length > 0 || !answer.grounded ? telling : words)
  const terms = chosen.slice(0, SUBJECT_TERMS).map((concept) => concept.word)
  return terms.length > 0 ? { docId, terms, asked: wordsBesides(question, terms) } : null
}
