import { z } from 'zod'
import type { Citation } from '../../answer/citations.ts'
import type { AnswerStatistics } from '../../conversation/answer-stats.ts'
import type { LoggedTurn } from '../../conversation/turn-log-repo.ts'
import { AUDIENCES, INTENTS } from '../../routing/intents.ts'
import { CitationSchema } from './chat.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

/** One row of the conversation log; what people typed arrives masked. */
export const LoggedTurnSchema = z.object({
  turnId: z.number().int(),
  /** A one-way reference to the conversation, never its sessionId (the requester's key to it). */
  conversation: z.string(),
  turnNo: z.number().int(),
  createdAt: z.string(),
  audience: z.enum(AUDIENCES),
  message: z.string(),
  resolvedQuery: z.string(),
  intent: z.enum(INTENTS),
  grounded: z.boolean(),
  refusalReason: z.string().nullable(),
  mode: z.string(),
  answer: z.string(),
  citations: z.array(CitationSchema),
  rating: z.enum(['up', 'down']).nullable(),
  comment: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
})

export const TurnLogPageSchema = z.object({
  turns: z.array(LoggedTurnSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

const Counts = { questions: z.number().int(), answered: z.number().int(), faq: z.number().int() }

export const AnswerStatisticsSchema = z.object({
  windowDays: z.number().int(),
  /** Per day (Asia/Shanghai): questions, answered from documents, answered by a FAQ entry, refused. */
  perDay: z.array(z.object({ day: z.string(), ...Counts, refused: z.number().int() })),
  totals: z.object({ ...Counts, refused: z.number().int(), up: z.number().int(), down: z.number().int() }),
  /** Shares of all questions, 0–1 (null with no question yet). */
  shares: z.object({ answered: z.number().nullable(), faq: z.number().nullable(), refused: z.number().nullable() }),
  /** The refused questions asked most often (masked), with the gate that refused them last. */
  topRefused: z.array(
    z.object({
      question: z.string(),
      count: z.number().int(),
      lastAt: z.string(),
      refusalReason: z.string().nullable(),
    }),
  ),
  faqHits: z.array(
    z.object({
      id: z.number().int(),
      question: z.string(),
      hits: z.number().int(),
      lastHitAt: z.string().nullable(),
      status: z.string(),
    }),
  ),
})

export type LoggedTurnView = z.output<typeof LoggedTurnSchema>
export type TurnLogPage = z.output<typeof TurnLogPageSchema>
export type AnswerStatisticsView = z.output<typeof AnswerStatisticsSchema>

type _EveryFieldNamed = NoneUnnamed<
  | Unnamed<typeof CitationSchema, Citation>
  | Unnamed<typeof LoggedTurnSchema, Omit<LoggedTurn, 'sessionId'>>
  | Unnamed<typeof AnswerStatisticsSchema, AnswerStatistics>
>
