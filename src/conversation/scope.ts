import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import { unknownShare } from '../answer/evidence.ts'
import { STRONG_COVERAGE, STRONG_COVERAGE_NAMED_SUBJECT, STRONG_MAX_UNKNOWN_SHARE } from '../answer/tuning.ts'
import type { Concept } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { looksLikeManipulation } from '../routing/intent-rules.ts'
import { foldText } from '../text/fold.ts'

/*
 * A bureau that loads other documents (or encyclopedia passages) gets questions about them answered;
 * "明天会下雨吗" or "地铁2号线末班车几点" still find no passage that answers them strongly.
 */

// "你是谁": a question word alone is no matter, though a heading ("谁来发证") may say it too.
const QUESTION_WORD_ONLY = /^(?:谁|什么|啥|哪|哪里|哪儿|哪个|怎么|怎样|如何|为什么|多少|几)+$/
const namesAMatter = (concept: Concept) =>
  concept.known && !concept.filler && !concept.asks && !QUESTION_WORD_ONLY.test(concept.word)

// A question word asks about something, whatever the classifier learned from greetings ("陆远后来干嘛了").
const ASKS = /什么|啥|干嘛|干啥|哪|谁|几|多少|多久|怎么|怎样|如何|为什么|为何|为啥/

/** Whether a message the classifier took as small talk asks something the documents might answer. */
export const asksSomething = (question: PreparedQuestion): boolean =>
  question.shape !== 'general' || /[?？吗]\s*$/.test(question.text) || ASKS.test(question.folded)

/**
 * The answer to a question the classifier took as out of scope, when the loaded documents answer it
 * strongly; null when they do not, or when the message tries to steer the assistant.
 */
export async function answersInScope(deps: AnswerDeps, question: PreparedQuestion): Promise<Answer | null> {
  if (looksLikeManipulation(question.asked) || unknownShare(question.concepts) > STRONG_MAX_UNKNOWN_SHARE) return null
  if (!question.concepts.some(namesAMatter)) return null
  const answer = await answerQuestion(deps, question)
  const top = answer.citations[0]
  if (!answer.grounded || answer.refusalReason || !top) return null
  // Answered whole: a question the documents answer only in part is not shown to be theirs.
  const bar = namesSubjectOf(question, top.title) ? STRONG_COVERAGE_NAMED_SUBJECT : STRONG_COVERAGE
  return top.score >= bar ? answer : null
}

/** Whether the question names what a document is about: a matter word of its title ("丹顶鹤一次下几个蛋"). */
function namesSubjectOf(question: PreparedQuestion, title: string): boolean {
  const folded = foldText(title)
  return question.concepts.some(
    (concept) => namesAMatter(concept) && concept.alternatives.some((term) => term.length > 1 && folded.includes(term)),
  )
}
