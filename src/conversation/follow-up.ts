import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import { type PreparedQuestion, prepareQuestion } from '../query/prepare-question.ts'

/**
 * What the conversation is about: the document and the matter asked about (CCC免办, 电子秤强检, 投诉),
 * not the last word said. A follow-up ("那需要多久？", "要交钱吗？", "办理流程呢") is answered about
 * it; an answered question that names its own matter replaces it.
 */
export type Subject = {
  docId: string
  terms: string[]
  /** The other words of the last question: what "那76号令呢？" asks again about a new matter. */
  asked: string[]
}

const SUBJECT_TERMS = 3

/** The matter of an answered question: its strongest known words that are not an aspect, and the cited document. */
export function subjectOf(question: PreparedQuestion, answer: Answer): Subject | null {
  const docId = answer.citations[0]?.docId
  if (!answer.grounded || !docId) return null
  const terms = question.concepts
    .filter((concept) => concept.known && !concept.aspect)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, SUBJECT_TERMS)
    .map((concept) => concept.word)
  const asked = question.concepts.map((concept) => concept.word).filter((word) => !terms.includes(word))
  return terms.length > 0 ? { docId, terms, asked } : null
}

// "那76号令呢？": a new matter and nothing else — the last question is asked again about it.
const NEW_MATTER_ONLY = 2

/** A question that names its own matter (an article, an order, several known terms) is not a follow-up. */
// "第三条讲的啥" names an article but not whose: it leans on the order being discussed.
const standsAlone = (question: PreparedQuestion): boolean =>
  (question.article === null || question.article.orderNo !== null) &&
  (question.article !== null ||
    question.orderNumbers.length > 0 ||
    question.concepts.filter((concept) => concept.known && !concept.aspect).length > 1)

/** The follow-up asked about the subject: its terms first, then the message as asked. */
function aboutSubject(deps: AnswerDeps, question: PreparedQuestion, subject: Subject): PreparedQuestion {
  // "那76号令呢？" after a question on order 75 asks about 76, "第四条呢？" after 第三条 about 第四条:
  // the earlier reference is not carried along.
  const terms = subject.terms.filter(
    (term) =>
      (question.orderNumbers.length === 0 || !/\d+号/.test(term)) &&
      (question.article === null || !/第.+条/.test(term)),
  )
  return prepareQuestion(`${terms.join(' ')} ${question.text}`, deps)
}

/** `question`: what was answered (the message, or the follow-up completed with the subject), prepared. */
export type ContextualAnswer = {
  resolvedQuery: string
  question: PreparedQuestion
  result: Answer
  subject: Subject | null
}

/**
 * Answers from the documents, keeping the subject of the exchange: a follow-up that leans on it is
 * completed with it and answered from its document first; a question that stands alone is answered
 * as asked, and if the documents do not answer it, a short one is tried once more about the subject.
 */
export async function answerWithContext(
  deps: AnswerDeps,
  question: PreparedQuestion,
  subject: Subject | null,
): Promise<ContextualAnswer> {
  const resolved = (query: PreparedQuestion, result: Answer): ContextualAnswer => ({
    resolvedQuery: query.text,
    question: query,
    result,
    subject: query === question || query.orderNumbers.length > 0 ? (subjectOf(query, result) ?? subject) : subject,
  })
  if (!subject) return resolved(question, await answerQuestion(deps, question))
  if (question.leansOnContext && standsAlone(question) && question.concepts.length <= NEW_MATTER_ONLY) {
    const again = prepareQuestion(`${question.text} ${subject.asked.join(' ')}`, deps)
    return resolved(again, await answerQuestion(deps, again))
  }
  if ((question.leansOnContext || question.article) && !standsAlone(question)) {
    const followUp = aboutSubject(deps, question, subject)
    return resolved(followUp, await answerQuestion(deps, followUp, { preferDocId: subject.docId }))
  }
  const alone = await answerQuestion(deps, question)
  if (alone.grounded || standsAlone(question)) return resolved(question, alone)
  const followUp = aboutSubject(deps, question, subject)
  const combined = await answerQuestion(deps, followUp, { preferDocId: subject.docId })
  return combined.grounded ? resolved(followUp, combined) : resolved(question, alone)
}
