import { z } from 'zod'
import type { RetrievalTest } from '../../answer/retrieval-test.ts'
import type { NoneUnnamed, Unnamed } from './unnamed-fields.ts'

const TestedPassageSchema = z.object({
  position: z.number().int(),
  chunkId: z.number().int(),
  docId: z.string(),
  title: z.string(),
  section: z.string(),
  locator: z.string().nullable(),
  page: z.number().int().nullable(),
  /** The answerer's weighing (what orders the passages), when it weighed this one. */
  score: z.number().nullable(),
  /** Share of the question's weight the passage covers, 0–1. */
  coverage: z.number().nullable(),
  /** Reciprocal-rank fusion of the two searches, and each search's own rank (null: not found by it). */
  fusionScore: z.number(),
  lexicalRank: z.number().int().nullable(),
  vectorRank: z.number().int().nullable(),
  similarity: z.number().nullable(),
  excerpt: z.string(),
})

/** The retrieval test: what a question would find, what the chat would answer, and which FAQ entry would win. */
export const RetrievalTestSchema = z.object({
  query: z.string(),
  passages: z.array(TestedPassageSchema),
  outcome: z.object({
    grounded: z.boolean(),
    mode: z.enum(['extractive', 'llm']),
    answer: z.string(),
    /** The named gate that refused, once the answerer reports one. */
    refusalReason: z.string().nullable(),
    citedChunkIds: z.array(z.number().int()),
  }),
  faq: z.object({ id: z.number().int(), question: z.string(), score: z.number() }).nullable(),
})

export type RetrievalTestView = z.output<typeof RetrievalTestSchema>

type _EveryFieldNamed = NoneUnnamed<Unnamed<typeof RetrievalTestSchema, RetrievalTest>>
