import type { Db } from '../db/index.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import { getChunksByIds } from '../retrieval/chunks-repo.ts'
import { bumpKnowledgeVersion } from '../retrieval/knowledge-version.ts'
import type { StaffMember } from '../tickets/model.ts'

export const FAQ_STATUSES = ['draft', 'approved', 'withdrawn'] as const
export type FaqStatus = (typeof FAQ_STATUSES)[number]

/** A cited section: chunk ids change when a document is replaced, its sections do not. */
export type FaqSource = { docId: string; section: string }

export type Faq = {
  id: number
  question: string
  answer: string
  sources: FaqSource[]
  sourceTurnId: number | null
  status: FaqStatus
  /** Last day (YYYY-MM-DD, inclusive) the entry answers; null for no end. */
  validUntil: string | null
  createdBy: number
  approvedBy: number | null
  approvedAt: string | null
  hits: number
  lastHitAt: string | null
  createdAt: string
  updatedAt: string
}

export type FaqRevision = {
  action: 'created' | 'edited' | 'approved' | 'withdrawn'
  staffId: number
  staffName: string
  question: string
  answer: string
  sources: FaqSource[]
  validUntil: string | null
  at: string
}

export type FaqInput = {
  question: string
  answer: string
  chunkIds?: number[]
  sourceTurnId?: number
  validUntil?: string | null
}

type FaqRow = {
  id: number
  question: string
  answer: string
  sources: FaqSource[]
  source_turn_id: number | null
  status: FaqStatus
  valid_until: string | null
  created_by: number
  approved_by: number | null
  approved_at: Date | string | null
  hits: number
  last_hit_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

const toFaq = (row: FaqRow): Faq => ({
  id: row.id,
  question: row.question,
  answer: row.answer,
  sources: row.sources,
  sourceTurnId: row.source_turn_id,
  status: row.status,
  validUntil: row.valid_until,
  createdBy: row.created_by,
  approvedBy: row.approved_by,
  approvedAt: iso(row.approved_at),
  hits: row.hits,
  lastHitAt: iso(row.last_hit_at),
  createdAt: iso(row.created_at) as string,
  updatedAt: iso(row.updated_at) as string,
})

// valid_until as text: a date has no time zone, and must not move a day on the way to JSON.
const SELECT_FAQ = `select id, question, answer, sources, source_turn_id, status, valid_until::text as valid_until,
  created_by, approved_by, approved_at, hits, last_hit_at, created_at, updated_at from faqs`

/** The cited chunks as sections; an unknown chunk id is a 400 that names it. */
async function sourcesOf(db: Db, chunkIds: number[] = []): Promise<FaqSource[]> {
  const chunks = await getChunksByIds(db, chunkIds)
  const missing = chunkIds.filter((id) => !chunks.some((chunk) => chunk.id === id))
  if (missing.length > 0) {
    throw new InvalidInputError(`没有编号为 ${missing.join('、')} 的片段，知识库可能已更新；请在命中测试中重新查找。`)
  }
  const keys = new Set<string>()
  return chunks.flatMap((chunk) => {
    const key = `${chunk.docId}\u0000${chunk.section}`
    if (keys.has(key)) return []
    keys.add(key)
    return [{ docId: chunk.docId, section: chunk.section }]
  })
}

async function addRevision(db: Db, faq: Faq, staff: StaffMember, action: FaqRevision['action']): Promise<void> {
  await db.query(
    `insert into faq_revisions (faq_id, staff_id, action, question, answer, sources, valid_until)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [faq.id, staff.id, action, faq.question, faq.answer, JSON.stringify(faq.sources), faq.validUntil],
  )
}

export async function getFaq(db: Db, id: number): Promise<Faq | null> {
  const [row] = await db.query<FaqRow>(`${SELECT_FAQ} where id = $1`, [id])
  return row ? toFaq(row) : null
}

async function requireFaq(db: Db, id: number): Promise<Faq> {
  const faq = await getFaq(db, id)
  if (!faq) throw new NotFoundError(`没有编号为 ${id} 的纠错答复，请刷新列表。`)
  return faq
}

/** A new entry, as a draft: it answers nobody until a supervisor approves it. */
export async function createFaq(db: Db, staff: StaffMember, input: FaqInput): Promise<Faq> {
  const sources = await sourcesOf(db, input.chunkIds)
  return db.transaction(async (tx) => {
    const [row] = await tx.query<FaqRow>(
      `insert into faqs (question, answer, sources, source_turn_id, valid_until, created_by)
       values ($1, $2, $3, (select id from chat_turns where id = $4), $5, $6) returning id`,
      [
        input.question,
        input.answer,
        JSON.stringify(sources),
        input.sourceTurnId ?? null,
        input.validUntil ?? null,
        staff.id,
      ],
    )
    const faq = (await getFaq(tx, (row as FaqRow).id)) as Faq
    await addRevision(tx, faq, staff, 'created')
    return faq
  })
}

/**
 * Changes an entry's text, sources or validity. What answers people has been approved as worded:
 * an edited entry is a draft again until a supervisor approves the new wording.
 */
export async function editFaq(db: Db, staff: StaffMember, id: number, input: Partial<FaqInput>): Promise<Faq> {
  const current = await requireFaq(db, id)
  const sources = input.chunkIds ? await sourcesOf(db, input.chunkIds) : current.sources
  return db.transaction(async (tx) => {
    await tx.query(
      `update faqs set question = $2, answer = $3, sources = $4, valid_until = $5, status = 'draft',
         approved_by = null, approved_at = null, updated_at = now() where id = $1`,
      [
        id,
        input.question ?? current.question,
        input.answer ?? current.answer,
        JSON.stringify(sources),
        input.validUntil === undefined ? current.validUntil : input.validUntil,
      ],
    )
    const faq = (await getFaq(tx, id)) as Faq
    await addRevision(tx, faq, staff, 'edited')
    if (current.status === 'approved') await bumpKnowledgeVersion(tx)
    return faq
  })
}

async function setStatus(db: Db, staff: StaffMember, id: number, status: 'approved' | 'withdrawn'): Promise<Faq> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ status: FaqStatus }>('select status from faqs where id = $1 for update', [id])
    if (!row) throw new NotFoundError(`没有编号为 ${id} 的纠错答复，请刷新列表。`)
    if (row.status === status) {
      throw new ConflictError(status === 'approved' ? '这条答复已经审核通过。' : '这条答复已经撤回。')
    }
    if (status === 'approved') {
      await tx.query(
        `update faqs set status = 'approved', approved_by = $2, approved_at = now(), updated_at = now() where id = $1`,
        [id, staff.id],
      )
    } else await tx.query(`update faqs set status = 'withdrawn', updated_at = now() where id = $1`, [id])
    const faq = (await getFaq(tx, id)) as Faq
    await addRevision(tx, faq, staff, status)
    await bumpKnowledgeVersion(tx)
    return faq
  })
}

export const approveFaq = (db: Db, staff: StaffMember, id: number) => setStatus(db, staff, id, 'approved')
export const withdrawFaq = (db: Db, staff: StaffMember, id: number) => setStatus(db, staff, id, 'withdrawn')

export async function listFaqs(
  db: Db,
  filter: { status?: FaqStatus; limit: number; offset: number },
): Promise<{ faqs: Faq[]; total: number }> {
  const rows = await db.query<FaqRow>(
    `${SELECT_FAQ} where ($1::text is null or status = $1) order by updated_at desc, id desc limit $2 offset $3`,
    [filter.status ?? null, filter.limit, filter.offset],
  )
  const [count] = await db.query<{ total: number }>(
    'select count(*)::int as total from faqs where ($1::text is null or status = $1)',
    [filter.status ?? null],
  )
  return { faqs: rows.map(toFaq), total: count?.total ?? 0 }
}

export async function listFaqRevisions(db: Db, id: number): Promise<FaqRevision[]> {
  const rows = await db.query<{
    action: FaqRevision['action']
    staff_id: number
    staff_name: string
    question: string
    answer: string
    sources: FaqSource[]
    valid_until: string | null
    created_at: Date | string
  }>(
    `select r.action, r.staff_id, s.name as staff_name, r.question, r.answer, r.sources,
            r.valid_until::text as valid_until, r.created_at
     from faq_revisions r join staff s on s.id = r.staff_id where r.faq_id = $1 order by r.id`,
    [id],
  )
  return rows.map((row) => ({
    action: row.action,
    staffId: row.staff_id,
    staffName: row.staff_name,
    question: row.question,
    answer: row.answer,
    sources: row.sources,
    validUntil: row.valid_until,
    at: iso(row.created_at) as string,
  }))
}

export async function recordFaqHit(db: Db, id: number): Promise<void> {
  await db.query('update faqs set hits = hits + 1, last_hit_at = now() where id = $1', [id])
}
