import { type PreparedQuestion, prepareQuestion, type QuestionContext } from './prepare-question.ts'

const union = <T>(first: readonly T[], second: readonly T[]): T[] => [...new Set([...first, ...second])]

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
  const added = prepareQuestion(words.join(' '), context)
  const [first, second] = place === 'before' ? [added, question] : [question, added]
  const folded = `${first.folded} ${second.folded}`
  const expansions = union(first.expansions, second.expansions).filter((term) => !folded.includes(term))
  const concepts = [...first.concepts, ...second.concepts].filter(
    (concept, index, all) => all.findIndex((other) => other.word === concept.word) === index,
  )
  return {
    ...question,
    text: `${first.text} ${second.text}`,
    folded,
    asked: `${first.asked} ${second.asked}`,
    words: union(first.words, second.words),
    concepts,
    expansions,
    searchWords: union(first.searchWords, second.searchWords),
    embeddingText: [folded, ...expansions].join(' '),
    article: question.article ?? added.article,
    orderNumbers: union(first.orderNumbers, second.orderNumbers),
    answerTypes: union(question.answerTypes, added.answerTypes),
    // What is asked is the message's, unless it asks nothing of its own ("那76号令呢？" + "哪些 企业").
    shape: question.shape === 'general' ? added.shape : question.shape,
    states: union(first.states, second.states),
    asksUse: first.asksUse || second.asksUse,
    asksRecourse: first.asksRecourse || second.asksRecourse,
    asksIssuance: first.asksIssuance || second.asksIssuance,
    identifiers: union(first.identifiers, second.identifiers),
    leansOnContext: false,
  }
}
