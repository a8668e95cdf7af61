import type { Llm } from '../answer/llm.ts'
import { recitesPrompt } from '../answer/prompt-leak.ts'
import { FOLLOW_UP_SYSTEM_PROMPT, followUpUserPrompt } from '../answer/prompts.ts'
import type { TurnBudget } from './turn-budget.ts'

// A rewritten question is one line of about a sentence; anything else is the model answering or rambling.
const MAX_REWRITE_LENGTH = 120

class UnusableRewriteError extends Error {
  override name = 'UnusableRewriteError'
}

/**
 * A follow-up rewritten by the model into a question that stands alone ("那需要什么材料？" after a
 * question on CCC exemption → "CCC免办需要什么材料？"). null when the model fails, is late or replies
 * with something that is not one question: the caller then carries the topic offline.
 */
export async function rewriteFollowUp(
  llm: Llm,
  previousQuestion: string,
  message: string,
  budget: TurnBudget,
): Promise<string | null> {
  const signal = budget.callSignal()
  try {
    const reply = await llm.complete(
      [
        { role: 'system', content: FOLLOW_UP_SYSTEM_PROMPT },
        { role: 'user', content: followUpUserPrompt(previousQuestion, message) },
      ],
      { signal },
    )
    const question = reply.trim().replace(/^["“「]|["”」]$/g, '')
    if (!question || question.includes('\n') || question.length > MAX_REWRITE_LENGTH) {
      throw new UnusableRewriteError(`not one question (${question.length} characters)`)
    }
    if (recitesPrompt(question, FOLLOW_UP_SYSTEM_PROMPT)) throw new UnusableRewriteError('recites its instructions')
    budget.record('follow-up', 'ok')
    return question
  } catch (error) {
    budget.record(
      'follow-up',
      error instanceof UnusableRewriteError ? 'unverified' : budget.outcomeOf(signal.aborted),
      error,
    )
    return null
  }
}
