import type { Answer, AnswerDeps } from '../answer/answer-question.ts'
import type { RemovedClaim } from '../answer/claims.ts'
import { unknownShare } from '../answer/evidence.ts'
import type { Evidence } from '../answer/extractive.ts'
import { generateAnswer, type ModelPassage } from '../answer/llm-answer.ts'
import { MODEL_ANSWER_WITHDRAWN } from '../answer/messages.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { getSectionChunks } from '../retrieval/chunks-repo.ts'
import type { TurnBudget, TurnLog } from './turn-budget.ts'
import type { TurnEvents } from './turn-events.ts'

/** What every step of a turn shares: its model budget, its event stream, its log, and the client's signal. */
export type TurnContext = { budget: TurnBudget; events: TurnEvents; log?: TurnLog; clientSignal?: AbortSignal }

export type ModelAnswer = Answer & { removedClaims?: RemovedClaim[] }

/**
 * The retrieval floor: the model is asked when the best passage covers at least this share of the
 * question's weight (words the store never uses counting as not covered), even when the extractive
 * answerer refuses: the model may combine passages or read a paraphrase. Below it the model is not
 * asked: "违反75号令会被罚多少钱" (0.52) reaches it, "今天上海的天气怎么样" (0.22), "iPhone多少钱" (0.41)
 * and "个人所得税怎么算" (0.38) do not.
 */
export const MODEL_FLOOR = { minCoverage: 0.45, maxPassages: 5 }

function plausible(question: PreparedQuestion, extractive: Answer): boolean {
  const known = 1 - unknownShare(question.concepts)
  return (extractive.evidence[0]?.coverage ?? 0) * known >= MODEL_FLOOR.minCoverage
}

/** The best passages, one per article, each with the whole article when it was split for length. */
async function passagesFor(deps: AnswerDeps, evidence: Evidence[]): Promise<ModelPassage[]> {
  const passages: ModelPassage[] = []
  const seen = new Set<string>()
  for (const item of evidence) {
    if (passages.length >= MODEL_FLOOR.maxPassages) break
    const key = `${item.chunk.docId}\u0000${item.chunk.section}`
    if (seen.has(key)) continue
    seen.add(key)
    const parts = await getSectionChunks(deps.db, item.chunk.docId, item.chunk.section)
    passages.push({ evidence: item, parts: parts.length > 0 ? parts : [item.chunk] })
  }
  return passages
}

/**
 * The model's answer, streamed as it is written and checked claim by claim; the extractive answer
 * (or refusal) whenever the model is not configured, not asked, late, failing or not verifiable.
 */
export async function answerWithModel(
  deps: AnswerDeps,
  question: PreparedQuestion,
  extractive: Answer,
  turn: TurnContext,
): Promise<ModelAnswer> {
  // A named article is quoted whole (no evidence to weigh): nothing for the model to add.
  if (!deps.llm || extractive.evidence.length === 0 || !plausible(question, extractive)) return extractive
  const { budget, events } = turn
  const generated = await generateAnswer(deps.llm, question.text, await passagesFor(deps, extractive.evidence), {
    signal: budget.signal,
    firstTokenMs: Math.min(budget.firstTokenMs, budget.remainingMs()),
    stallMs: budget.stallMs,
    glossary: deps.glossary,
    onCitations: (citations) => events.citations(citations),
    onDelta: (text) => events.delta(text),
  })
  // The stream only knows the turn's signal fired: the budget knows whether that was its deadline or the client.
  const outcome = generated.outcome === 'aborted' ? budget.outcomeOf() : generated.outcome
  budget.record('answer', outcome, generated.cause)
  if (generated.removed.length > 0) {
    turn.log?.warn(
      { llmStep: 'answer', model: deps.llm.model, removedClaims: generated.removed },
      `LLM answer: ${generated.removed.length} unsupported sentence(s) removed`,
    )
  }
  if (generated.answer) {
    return {
      ...generated.answer,
      grounded: true,
      mode: 'llm',
      evidence: extractive.evidence,
      removedClaims: generated.removed,
    }
  }
  // The user watched the model's words appear: say why they are replaced.
  const withdrawn = generated.streamedChars > 0 && extractive.grounded
  return {
    ...extractive,
    ...(withdrawn ? { answer: `${MODEL_ANSWER_WITHDRAWN}\n${extractive.answer}` } : {}),
    ...(generated.removed.length > 0 ? { removedClaims: generated.removed } : {}),
  }
}
