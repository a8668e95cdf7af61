import { z } from 'zod'
import { FAQ_STATUSES, type Faq, type FaqRevision } from '../../faq/faq-repo.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

const question = z.string().trim().min(2, { error: '请填写问题' }).max(300, { error: '问题请控制在 300 字以内' })
const answer = z.string().trim().min(2, { error: '请填写答复' }).max(3000, { error: '答复请控制在 3000 字以内' })
const chunkIds = z.array(z.number().int().positive()).max(5, { error: '最多引用 5 个片段' })
const validUntil = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '有效期格式应为 YYYY-MM-DD' })
  .nullable()

/** A new entry from scratch or from a logged turn (`sourceTurnId`); it starts as a draft. */
export const NewFaq = z.object({
  question,
  answer,
  chunkIds: chunkIds.optional(),
  sourceTurnId: z.number().int().positive().optional(),
  validUntil: validUntil.optional(),
})

/** An edit: only what changes; the entry returns to draft. */
export const FaqEdit = z.object({
  question: question.optional(),
  answer: answer.optional(),
  chunkIds: chunkIds.optional(),
  validUntil: validUntil.optional(),
})

/** A cited section: chunk ids change when a document is replaced, its sections do not. */
const FaqSourceSchema = z.object({ docId: z.string(), section: z.string() })

export const FaqSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  answer: z.string(),
  sources: z.array(FaqSourceSchema),
  sourceTurnId: z.number().int().nullable(),
  status: z.enum(FAQ_STATUSES),
  /** Last day (YYYY-MM-DD, inclusive) the entry answers; null for no end. */
  validUntil: z.string().nullable(),
  createdBy: z.number().int(),
  approvedBy: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  hits: z.number().int(),
  lastHitAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const FaqRevisionSchema = z.object({
  action: z.enum(['created', 'edited', 'approved', 'withdrawn']),
  staffId: z.number().int(),
  staffName: z.string(),
  question: z.string(),
  answer: z.string(),
  sources: z.array(FaqSourceSchema),
  validUntil: z.string().nullable(),
  at: z.string(),
})

/** An entry with its edit history, oldest first: what every change to an entry answers with. */
export const FaqWithHistorySchema = FaqSchema.extend({ revisions: z.array(FaqRevisionSchema) })

export const FaqPageSchema = z.object({
  faqs: z.array(FaqSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})

/** What a staff member writes for a correction; the console sends it to create and to edit. */
export type FaqDraft = Omit<z.input<typeof NewFaq>, 'sourceTurnId'>
export type NewFaqBody = z.input<typeof NewFaq>
export type FaqView = z.output<typeof FaqSchema>
export type FaqRevisionView = z.output<typeof FaqRevisionSchema>
export type FaqWithHistory = z.output<typeof FaqWithHistorySchema>
export type FaqPage = z.output<typeof FaqPageSchema>

type _EveryFieldNamed = NoneUnnamed<Unnamed<typeof FaqSchema, Faq> | Unnamed<typeof FaqRevisionSchema, FaqRevision>>
