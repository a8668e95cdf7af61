/**
 * How a turn's model call ended, stored as chat_turns.llm_outcome: 'ok' (used, after the claim
 * check), 'not-covered' (the model said the passages do not answer), 'unverified' (too little
 * survived the claim check), 'first-token-timeout', 'stall', 'timeout' (the turn's budget ran out),
 * 'error' (HTTP error, broken or malformed stream), 'aborted' (the client went away).
 */
export const LLM_OUTCOMES = [
  'ok',
  'not-covered',
  'unverified',
  'first-token-timeout',
  'stall',
  'timeout',
  'error',
  'aborted',
] as const

export type LlmOutcome = (typeof LLM_OUTCOMES)[number]
