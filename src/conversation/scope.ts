import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import { unknownShare } from '../answer/evidence.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { looksLikeManipulation } from '../routing/intent-rules.ts'

/**
 * Coverage of the question by the cited passage above which the documents answer it strongly: the
 * classifier's "out of scope" then yields to them. A bureau that loads other documents (or
 * encyclopedia passages) gets questions about them answered; "明天会下雨吗" still finds no such passage.
 */
const STRONG_COVERAGE = 0.75
// …and when nearly all of the question is in the documents' words: "地铁2号线末班车几点" shares only 地铁.
const MAX_UNKNOWN_SHARE = 0.2

/**
 * The answer to a question the classifier took as out of scope, when the loaded documents answer it
 * strongly; null when they do not, or when the message tries to steer the assistant.
 */
export async function answersInScope(deps: AnswerDeps, question: PreparedQuestion): Promise<Answer | null> {
  if (looksLikeManipulation(question.asked) || unknownShare(question.concepts) > MAX_UNKNOWN_SHARE) return null
  const answer = await answerQuestion(deps, question)
  const top = answer.citations[0]
  return answer.grounded && top && top.score >= STRONG_COVERAGE ? answer : null
}
