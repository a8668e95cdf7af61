import { z } from 'zod'
import type { RatedTurn } from '../../conversation/feedback-repo.ts'
import { INTENTS } from '../../routing/intents.ts'
import { CitationSchema } from './chat.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

/** A rated answer as staff review it; what people typed arrives masked. */
export const RatedTurnSchema = z.object({
  turnId: z.number().int(),
  /** A one-way reference to the conversation, never its sessionId. */
  conversation: z.string(),
  turnNo: z.number().int(),
  rating: z.enum(['up', 'down']),
  comment: z.string().nullable(),
  message: z.string(),
  resolvedQuery: z.string(),
  intent: z.enum(INTENTS),
  answer: z.string(),
  grounded: z.boolean(),
  mode: z.string(),
  citations: z.array(CitationSchema),
  createdAt: z.string(),
})

export const FeedbackPageSchema = z.object({
  turns: z.array(RatedTurnSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})

export type RatedTurnView = z.output<typeof RatedTurnSchema>
export type FeedbackPage = z.output<typeof FeedbackPageSchema>

type _EveryFieldNamed = NoneUnnamed<Unnamed<typeof RatedTurnSchema, RatedTurn>>
