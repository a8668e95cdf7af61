import type { Db } from '../db/index.ts'
import type { StaffMember } from '../tickets/model.ts'

/** Who made a change: an admin, or the system (first admin at start, lock-outs). */
export type AuditActor = { kind: 'staff'; staff: StaffMember } | { kind: 'system'; name: string }

export type StaffAuditEntry = {
  id: number
  actor: { staffId: number | null; name: string }
  targetStaffId: number | null
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  createdAt: Date
}

type AuditRow = {
  id: number
  actor_staff_id: number | null
  actor_name: string
  target_staff_id: number | null
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  created_at: Date
}

// JSON.stringify writes a lone surrogate (half of an emoji, say) as the escape \udXXX, which jsonb
// refuses; text columns store it as U+FFFD, and so does this.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const toJsonb = (value: Record<string, unknown> | undefined): string | null =>
  value
    ? JSON.stringify(value, (_key, item: unknown) =>
        typeof item === 'string' ? item.replace(LONE_SURROGATE, '\uFFFD') : item,
      )
    : null

export async function recordStaffAudit(
  db: Db,
  entry: {
    actor: AuditActor
    targetStaffId: number | null
    action: string
    before?: Record<string, unknown>
    after?: Record<string, unknown>
    now: Date
  },
): Promise<void> {
  const { actor } = entry
  await db.query(
    `insert into staff_audit (actor_staff_id, actor_name, target_staff_id, action, before, after, created_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      actor.kind === 'staff' ? actor.staff.id : null,
      actor.kind === 'staff' ? actor.staff.name : actor.name,
      entry.targetStaffId,
      entry.action,
      toJsonb(entry.before),
      toJsonb(entry.after),
      entry.now.toISOString(),
    ],
  )
}

/** The newest entries first. */
export async function listStaffAudit(db: Db, options: { limit: number; offset: number }): Promise<StaffAuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `select id, actor_staff_id, actor_name, target_staff_id, action, before, after, created_at
       from staff_audit order by id desc limit $1 offset $2`,
    [options.limit, options.offset],
  )
  return rows.map((row) => ({
    id: row.id,
    actor: { staffId: row.actor_staff_id, name: row.actor_name },
    targetStaffId: row.target_staff_id,
    action: row.action,
    before: row.before,
    after: row.after,
    createdAt: row.created_at,
  }))
}
