import { todayInShanghai } from '../faq/faq-answer.ts'
import type { FaqIndex } from '../faq/faq-index.ts'
import { prepareQuestion } from '../query/prepare-question.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import { type Answer, type AnswerDeps, answerQuestion, rankPassages } from './answer-question.ts'

export type TestedPassage = {
  position: number
  chunkId: number
  docId: string
  title: string
  section: string
  locator: string | null
  page: number | null
  /** The answerer's weighing (what orders the passages), when it weighed this one. */
  score: number | null
  /** Share of the question's weight the passage covers, 0–1. */
  coverage: number | null
  /** Reciprocal-rank fusion of the two searches, and each search's own rank (null: not found by it). */
  fusionScore: number
  lexicalRank: number | null
  vectorRank: number | null
  similarity: number | null
  excerpt: string
}

export type RetrievalTest = {
  query: string
  passages: TestedPassage[]
  /** What the chat would answer from the documents, and if not, why not. */
  outcome: {
    grounded: boolean
    mode: Answer['mode']
    answer: string
    /** The named gate that refused, once the answerer reports one. */
    refusalReason: string | null
    citedChunkIds: number[]
  }
  /** The approved FAQ entry that would answer first, if any. */
  faq: { id: number; question: string; score: number } | null
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000)

const passageOf = (chunk: ScoredChunk, position: number, weighed?: { rank: number; coverage: number }) => ({
  position,
  chunkId: chunk.id,
  docId: chunk.docId,
  title: chunk.title,
  section: chunk.section,
  locator: chunk.locator,
  page: chunk.page,
  score: round(weighed?.rank ?? null),
  coverage: round(weighed?.coverage ?? null),
  fusionScore: round(chunk.score) as number,
  lexicalRank: chunk.lexicalRank,
  vectorRank: chunk.vectorRank,
  similarity: round(chunk.similarity),
  excerpt: chunk.content.slice(0, 160),
})

/**
 * The retrieval test (命中测试): the passages a question finds in the order the answerer weighs
 * them, with the numbers behind that order, and what the chat would do with them. Nothing is
 * recorded: no turn, no FAQ hit.
 */
export async function testRetrieval(
  deps: AnswerDeps & { faqs?: FaqIndex },
  query: string,
  limit: number,
): Promise<RetrievalTest> {
  const question = prepareQuestion(query, deps)
  const answer = await answerQuestion(deps, question)
  // A question naming an article is answered by lookup, without weighing: show the search anyway.
  const passages =
    answer.evidence.length > 0
      ? answer.evidence.slice(0, limit).map((item, index) => passageOf(item.chunk, index + 1, item))
      : (await rankPassages(deps, question)).slice(0, limit).map((chunk, index) => passageOf(chunk, index + 1))
  const match = deps.faqs ? await deps.faqs.match(question, todayInShanghai(new Date())) : null
  return {
    query,
    passages,
    outcome: {
      grounded: answer.grounded,
      mode: answer.mode,
      answer: answer.answer,
      refusalReason: answer.refusalReason ?? null,
      citedChunkIds: answer.citations.map((citation) => citation.chunkId),
    },
    faq: match ? { id: match.faq.id, question: match.faq.question, score: round(match.score) as number } : null,
  }
}
