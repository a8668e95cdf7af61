import { joinQuestions } from './join-questions.ts'
import { type PreparedQuestion, prepareQuestion, type QuestionContext } from './prepare-question.ts'

/**
 * A follow-up completed with words of the conversation: the subject's before it ("电子秤 年检" +
 * "要交钱吗"), or the last question's after it ("那76号令呢？" + "适用 企业"). Only the added words are
 * prepared; the message keeps its own preparation, so nothing in it is folded or segmented again.
 */
export function completeQuestion(
  question: PreparedQuestion,
  words: readonly string[],
  context: QuestionContext,
  place: 'before' | 'after',
): PreparedQuestion {
  if (words.length === 0) return question
  return joinQuestions(question, prepareQuestion(words.join(' '), context), place)
}
