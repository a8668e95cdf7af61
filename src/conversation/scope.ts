import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import { unknownShare } from '../answer/evidence.ts'
import { STRONG_COVERAGE, STRONG_MAX_UNKNOWN_SHARE } from '../answer/tuning.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { looksLikeManipulation } from '../routing/intent-rules.ts'

/*
 * A bureau that loads other documents (or encyclopedia passages) gets questions about them answered;
 * "明天会下雨吗" or "地铁2号线末班车几点" still find no passage that answers them strongly.
 */

/**
 * The answer to a question the classifier took as out of scope, when the loaded documents answer it
 * strongly; null when they do not, or when the message tries to steer the assistant.
 */
export async function answersInScope(deps: AnswerDeps, question: PreparedQuestion): Promise<Answer | null> {
  if (looksLikeManipulation(question.asked) || unknownShare(question.concepts) > STRONG_MAX_UNKNOWN_SHARE) return null
  const answer = await answerQuestion(deps, question)
  const top = answer.citations[0]
  // Answered whole: a question the documents answer only in part is not shown to be theirs.
  return answer.grounded && !answer.refusalReason && top && top.score >= STRONG_COVERAGE ? answer : null
}
