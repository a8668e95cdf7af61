import type { Db } from '../db/index.ts'
import type { Embedder } from '../embedding/index.ts'
import { type PreparedQuestion, prepareQuestion, type QuestionContext } from '../query/prepare-question.ts'
import { type ChunkRecord, getChunksByIds } from '../retrieval/chunks-repo.ts'
import type { Glossary } from '../text/glossary.ts'
import { FAQ_MATCH_THRESHOLD, type FaqText, faqSimilarity, prepareFaqText } from './faq-match.ts'

/** An approved entry whose cited sections all still exist, with those sections' first chunks. */
export type AnswerableFaq = {
  id: number
  question: string
  answer: string
  validUntil: string | null
  approvedAt: string
  sources: ChunkRecord[]
}

export type FaqMatch = { faq: AnswerableFaq; score: number }

/** The approved entries in memory, ready to be compared with a question; reloaded with the vocabulary. */
export type FaqIndex = {
  readonly size: number
  match(question: PreparedQuestion, today: string): Promise<FaqMatch | null>
}

type AnswerableRow = {
  id: number
  question: string
  answer: string
  valid_until: string | null
  approved_at: Date | string
  chunk_ids: number[]
  missing: number
}

/**
 * An entry citing a section that no longer exists (its document was deleted or rewritten) does not
 * answer: its answer may rest on what was removed. It stays listed for staff to revise.
 */
async function loadAnswerableFaqs(db: Db): Promise<AnswerableFaq[]> {
  const rows = await db.query<AnswerableRow>(
    `select f.id, f.question, f.answer, f.valid_until::text as valid_until, f.approved_at,
            coalesce(array_agg(c.id order by s.ord) filter (where c.id is not null), '{}') as chunk_ids,
            count(s.src) filter (where c.id is null)::int as missing
     from faqs f
     left join lateral jsonb_array_elements(f.sources) with ordinality s(src, ord) on true
     left join lateral (select id from chunks where document_id = s.src->>'docId' and section = s.src->>'section'
                        order by ordinal limit 1) c on true
     where f.status = 'approved'
     group by f.id`,
  )
  const chunks = new Map(
    (
      await getChunksByIds(
        db,
        rows.flatMap((row) => row.chunk_ids),
      )
    ).map((c) => [c.id, c]),
  )
  return rows
    .filter((row) => row.missing === 0)
    .map((row) => ({
      id: row.id,
      question: row.question,
      answer: row.answer,
      validUntil: row.valid_until,
      approvedAt: new Date(row.approved_at).toISOString(),
      sources: row.chunk_ids.flatMap((id) => chunks.get(id) ?? []),
    }))
}

export async function loadFaqIndex(
  deps: QuestionContext & { db: Db; embedder: Embedder; glossary: Glossary },
): Promise<FaqIndex> {
  const entries: Array<{ faq: AnswerableFaq; text: FaqText }> = []
  for (const faq of await loadAnswerableFaqs(deps.db)) {
    entries.push({ faq, text: await prepareFaqText(prepareQuestion(faq.question, deps), deps) })
  }
  return {
    size: entries.length,
    async match(question, today) {
      // Most deployments have no entry yet: then a turn costs nothing here.
      const valid = entries.filter(({ faq }) => faq.validUntil === null || faq.validUntil >= today)
      if (valid.length === 0) return null
      const asked = await prepareFaqText(question, deps)
      let best: FaqMatch | null = null
      for (const { faq, text } of valid) {
        const score = faqSimilarity(asked, text)
        if (score >= FAQ_MATCH_THRESHOLD && (!best || score > best.score)) best = { faq, score }
      }
      return best
    },
  }
}
