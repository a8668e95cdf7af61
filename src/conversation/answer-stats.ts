import type { Db } from '../db/index.ts'

/** The intents a turn answers from the documents (or a reviewed FAQ entry): what "questions" counts. */
const QUESTION_INTENTS = ['policy_question', 'event_inquiry']

export type AnswerStatistics = {
  windowDays: number
  /** Per day (Asia/Shanghai): questions, answered from documents, answered by a FAQ entry, refused. */
  perDay: Array<{ day: string; questions: number; answered: number; faq: number; refused: number }>
  totals: { questions: number; answered: number; faq: number; refused: number; up: number; down: number }
  /** Shares of all questions, 0–1 (null with no question yet). */
  shares: { answered: number | null; faq: number | null; refused: number | null }
  /** The refused questions asked most often (masked), with the gate that refused them last. */
  topRefused: Array<{ question: string; count: number; lastAt: string; refusalReason: string | null }>
  /** FAQ entries by how often they answered. */
  faqHits: Array<{ id: number; question: string; hits: number; lastHitAt: string | null; status: string }>
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000)

export async function answerStatistics(db: Db, now: Date, windowDays: number): Promise<AnswerStatistics> {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString()
  const perDay = await db.query<{ day: string; questions: number; answered: number; faq: number; refused: number }>(
    `select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, count(*)::int as questions,
            count(*) filter (where grounded and mode <> 'faq')::int as answered,
            count(*) filter (where mode = 'faq')::int as faq,
            count(*) filter (where not grounded)::int as refused
     from chat_turns where created_at >= $1 and intent = any($2::text[])
     group by 1 order by 1`,
    [since, QUESTION_INTENTS],
  )
  const [ratings] = await db.query<{ up: number; down: number }>(
    `select count(*) filter (where feedback = 1)::int as up, count(*) filter (where feedback = -1)::int as down
     from chat_turns where created_at >= $1`,
    [since],
  )
  // Grouped by the folded question text, so "电子秤多久检一次？" and "电子秤多久检一次" count together.
  const topRefused = await db.query<{ question: string; count: number; last_at: Date | string; reason: string | null }>(
    `select min(message) as question, count(*)::int as count, max(created_at) as last_at,
            (array_agg(refusal_reason order by created_at desc))[1] as reason
     from chat_turns where created_at >= $1 and not grounded and intent = any($2::text[])
     group by lower(regexp_replace(message, '[[:space:][:punct:]？！。，、]', '', 'g'))
     order by count desc, last_at desc limit 10`,
    [since, QUESTION_INTENTS],
  )
  const faqHits = await db.query<{
    id: number
    question: string
    hits: number
    last_hit_at: Date | string | null
    status: string
  }>('select id, question, hits, last_hit_at, status from faqs where hits > 0 order by hits desc, id limit 10')
  const sum = (key: 'questions' | 'answered' | 'faq' | 'refused') => perDay.reduce((total, day) => total + day[key], 0)
  const totals = {
    questions: sum('questions'),
    answered: sum('answered'),
    faq: sum('faq'),
    refused: sum('refused'),
    up: ratings?.up ?? 0,
    down: ratings?.down ?? 0,
  }
  return {
    windowDays,
    perDay,
    totals,
    shares: {
      answered: share(totals.answered, totals.questions),
      faq: share(totals.faq, totals.questions),
      refused: share(totals.refused, totals.questions),
    },
    topRefused: topRefused.map((row) => ({
      question: row.question,
      count: row.count,
      lastAt: new Date(row.last_at).toISOString(),
      refusalReason: row.reason,
    })),
    faqHits: faqHits.map((row) => ({
      id: row.id,
      question: row.question,
      hits: row.hits,
      lastHitAt: row.last_hit_at === null ? null : new Date(row.last_hit_at).toISOString(),
      status: row.status,
    })),
  }
}
