import { askingClausesOf } from '../query/asking-clauses.ts'
import { type PreparedQuestion, prepareQuestion, type QuestionContext } from '../query/prepare-question.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import type { Citation } from './citations.ts'
import { unknownShare } from './evidence.ts'
import { asksAnUnnamedDoing, composeExtractiveAnswer, type Evidence, type ExtractiveResult } from './extractive.ts'
import { PARTS_MAX_UNKNOWN_SHARE } from './tuning.ts'

/**
 * The asks of a question, each a question of its own: "CCC免办要交什么材料，审批要几天？" asks two
 * things. A later ask carries the matter of the first ("ccc免办审批要几天"), which it leaves unsaid.
 */
export function asksOf(question: PreparedQuestion): Array<{ asked: string; standalone: string }> {
  const clauses = askingClausesOf(question.folded)
  const [first, ...rest] = clauses
  if (!first || rest.length === 0) return []
  const matter = question.concepts
    .filter((concept) => !concept.aspect && !concept.asks && !concept.filler && first.includes(concept.word))
    .map((concept) => concept.word)
  return [
    { asked: first, standalone: first },
    ...rest.map((clause) => ({
      asked: clause,
      standalone: `${matter.filter((word) => !clause.includes(word)).join('')}${clause}`,
    })),
  ]
}

export type AnswerInParts = { answer: string; citations: Citation[]; evidence: Evidence[]; notCovered: string[] }

/**
 * A question with several asks that the documents answer only in part: each ask answered on its own
 * from the same passages, the answers joined (citations renumbered), and the asks no passage answers
 * named, so the caller can say what is not covered instead of refusing the whole. Null when no ask
 * is answered, or the question asks one thing.
 */
export function answerInParts(
  question: PreparedQuestion,
  candidates: ScoredChunk[],
  context: QuestionContext,
): AnswerInParts | null {
  // Answering in parts is for a question about what the documents cover; one mostly in words they
  // never use ("企业年报在哪里填报，…") would find some ask that a loosely related passage "answers".
  if (unknownShare(question.concepts) > PARTS_MAX_UNKNOWN_SHARE) return null
  const parts = asksOf(question).map((ask) => {
    const prepared = prepareQuestion(ask.standalone, context)
    // "首席质量官培训怎么报名，…": a passage naming the training does not say how to sign up for it.
    const result: ExtractiveResult = asksAnUnnamedDoing(prepared)
      ? { grounded: false, reason: 'no-procedure', gap: null, evidence: [] }
      : composeExtractiveAnswer(prepared, candidates)
    return { ...ask, result }
  })
  const answers: string[] = []
  const citations: Citation[] = []
  const evidence: Evidence[] = []
  for (const { result } of parts) {
    if (!result.grounded) continue
    // Two asks answered by the same quote need it once.
    if (result.citations.every((citation) => citations.some((seen) => seen.quote === citation.quote))) continue
    const offset = citations.length
    answers.push(result.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`))
    citations.push(...result.citations.map((citation) => ({ ...citation, n: citation.n + offset })))
    evidence.push(...result.evidence.slice(0, 1))
  }
  if (answers.length === 0) return null
  const notCovered = parts.filter((part) => !part.result.grounded).map((part) => part.asked)
  return { answer: answers.join('\n\n'), citations, evidence, notCovered }
}
