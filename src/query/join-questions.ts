import type { PreparedQuestion } from './prepare-question.ts'

const union = <T>(first: readonly T[], second: readonly T[]): T[] => [...new Set([...first, ...second])]

/**
 * A prepared question with the prepared words `added` before or after it; what is asked stays the question's own.
 * Apart from completeQuestion (which prepares the words) so that prepareQuestion itself can complete a question
 * with a word of the guides without a cycle of imports.
 */
export function joinQuestions(
  question: PreparedQuestion,
  added: PreparedQuestion,
  place: 'before' | 'after',
): PreparedQuestion {
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
