import { z } from 'zod'
import { CLAIM_PROBLEMS } from '../../answer/claims.ts'
import { LLM_OUTCOMES } from '../../answer/llm-outcome.ts'
import type { ChatResponse as TurnResponse } from '../../conversation/turn.ts'
import { AUDIENCES, INTENTS, TICKET_CATEGORIES } from '../../routing/intents.ts'
import { rowId } from '../zod-schemas.ts'
import { isoDateTime } from './common.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

// Control characters other than line breaks carry no meaning in a question and break logs and pages.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export const ChatRequestSchema = z.object({
  message: z
    .string()
    .transform((text) => text.replace(CONTROL_CHARS, '').trim())
    .pipe(z.string().min(1, '请输入问题').max(2000, '问题请控制在 2000 字以内')),
  sessionId: z.string().max(100).optional(),
  audience: z.enum(AUDIENCES).optional(),
})

export const FeedbackSchema = z.object({
  sessionId: z.string().min(1).max(100),
  turnId: rowId('turnId 须为回答返回的编号'),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(500).optional(),
})

export const CitationSchema = z.object({
  n: z.number().int(),
  chunkId: z.number().int(),
  docId: z.string(),
  title: z.string(),
  section: z.string(),
  article: z.string().optional(),
  page: z.number().int().optional(),
  /** The span actually used: a verbatim slice of the stored chunk. */
  quote: z.string(),
  score: z.number(),
})

export const ChatResponseSchema = z.object({
  sessionId: z.string(),
  turnId: z.number().int(),
  answer: z.string(),
  grounded: z.boolean(),
  intent: z.enum(INTENTS),
  mode: z.enum(['extractive', 'llm', 'faq']),
  citations: z.array(CitationSchema),
  refusalReason: z.string().optional(),
  /** With mode 'faq': the reviewed staff answer that matched, when it was approved, how closely. */
  faq: z.object({ id: z.number().int(), approvedAt: isoDateTime, score: z.number() }).optional(),
  /** How the turn's model call ended, when a model was asked ('ok', 'timeout', 'stall', …). */
  llmOutcome: z.enum(LLM_OUTCOMES).optional(),
  /** Sentences of the model's answer the claim check removed: reasons and markers only, never the text. */
  removedClaims: z
    .array(
      z.object({
        reason: z.enum(CLAIM_PROBLEMS),
        markers: z.array(z.number().int()),
      }),
    )
    .optional(),
  /** What was searched for: the message, or a follow-up completed with the earlier topic. */
  resolvedQuery: z.string(),
  /** Set once a complaint or service request has been stored as a ticket. */
  ticket: z
    .object({
      number: z.string(),
      status: z.string(),
      lookupToken: z.string(),
      firstResponseDueAt: isoDateTime,
      slaDueAt: isoDateTime,
    })
    .optional(),
  /**
   * While the details for a ticket are being collected: which one is asked for next, and the question
   * itself with an example answer. `step: 'cancelled'` says the form was just dropped.
   */
  intake: z
    .object({
      step: z.string(),
      category: z.enum(TICKET_CATEGORIES),
      question: z.string().optional(),
      placeholder: z.string().optional(),
    })
    .optional(),
})

export const FeedbackResponse = z.object({ ok: z.literal(true) })

export type ChatRequest = z.output<typeof ChatRequestSchema>
/** What a client sends, before the server trims it. */
export type ChatRequestBody = z.input<typeof ChatRequestSchema>
export type Citation = z.output<typeof CitationSchema>
export type ChatResponse = z.output<typeof ChatResponseSchema>

type _EveryFieldNamed = NoneUnnamed<Unnamed<typeof ChatResponseSchema, TurnResponse>>
