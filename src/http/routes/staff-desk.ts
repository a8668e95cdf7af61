import { z } from 'zod'
import type { Db } from '../../db/index.ts'
import { NotFoundError } from '../../errors.ts'
import { listAccounts } from '../../staff/accounts-repo.ts'
import { insertCannedReply, listCannedReplies, removeCannedReply } from '../../tickets/canned-replies-repo.ts'
import { recordTicketEvent } from '../../tickets/events-repo.ts'
import { insertNote } from '../../tickets/notes-repo.ts'
import { requireTicket } from '../../tickets/ticket-actions.ts'
import { ErrorResponse, NoContent, staffChangeErrors, staffErrors } from '../contract/common.ts'
import { CannedRepliesSchema, CannedReplyAddedSchema, MembersSchema, NoteAddedSchema } from '../contract/staff-desk.ts'
import { currentStaff, registerStaffScope, requireRole, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const TicketParams = z.object({ number: z.string().trim().toUpperCase().max(40) })
const NoteBody = z.object({
  body: z.string().trim().min(1, { error: '备注内容不能为空' }).max(2000, { error: '备注请控制在 2000 字以内' }),
})
const CannedBody = z.object({
  title: z.string().trim().min(1, { error: '请填写模板标题' }).max(60, { error: '模板标题请控制在 60 字以内' }),
  body: z.string().trim().min(1, { error: '请填写模板内容' }).max(2000, { error: '模板内容请控制在 2000 字以内' }),
})
const CannedParams = z.object({
  id: z.coerce.number().int().positive({ error: '模板编号须为正整数' }).max(2_147_483_647, { error: '模板编号过大' }),
})

const tags = ['staff']

/**
 * The desk around a ticket under /api/staff: who can take it, internal notes, and the canned
 * replies supervisors maintain. Its own scope with its own guard, like staff-feedback.ts.
 */
export async function registerStaffDeskRoutes(
  app: App,
  deps: { db: Db; auth: StaffAuth; now?: () => Date },
): Promise<void> {
  const { db } = deps
  const now = deps.now ?? (() => new Date())
  await registerStaffScope(app, deps.auth, async (scope) => {
    scope.get(
      '/members',
      { schema: { tags, summary: '在职工作人员（转派时选择）', response: { 200: MembersSchema, ...staffErrors } } },
      async () => ({
        staff: (await listAccounts(db))
          .filter((member) => member.disabledAt === null)
          .map((member) => ({ id: member.id, name: member.name, role: member.role })),
      }),
    )

    scope.post(
      '/tickets/:number/notes',
      {
        schema: {
          tags,
          summary: '内部备注（提交人永远看不到）',
          params: TicketParams,
          body: NoteBody,
          response: { 201: NoteAddedSchema, 404: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        const { number } = request.params
        const { body } = request.body
        const staff = currentStaff(request)
        const at = now()
        const noteId = await db.transaction(async (tx) => {
          const ticket = await requireTicket(tx, number)
          const id = await insertNote(tx, { ticketId: ticket.id, staffId: staff.id, body, now: at })
          await recordTicketEvent(tx, {
            ticketId: ticket.id,
            actor: { kind: 'staff', staff },
            action: 'noted',
            after: { noteId: id },
            now: at,
          })
          return id
        })
        return reply.status(201).send({ noteId })
      },
    )

    scope.get(
      '/canned-replies',
      { schema: { tags, summary: '回复模板', response: { 200: CannedRepliesSchema, ...staffErrors } } },
      async () => ({
        replies: await listCannedReplies(db),
      }),
    )

    scope.post(
      '/canned-replies',
      {
        schema: {
          tags,
          summary: '新增回复模板（仅主管）',
          body: CannedBody,
          response: { 201: CannedReplyAddedSchema, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        const staff = requireRole(request, 'supervisor', '管理回复模板')
        const { title, body } = request.body
        const id = await insertCannedReply(db, { title, body, staffId: staff.id, now: now() })
        return reply.status(201).send({ id })
      },
    )

    scope.delete(
      '/canned-replies/:id',
      {
        schema: {
          tags,
          summary: '删除回复模板（仅主管）',
          params: CannedParams,
          response: { 204: NoContent, 404: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        requireRole(request, 'supervisor', '管理回复模板')
        const { id } = request.params
        if (!(await removeCannedReply(db, id, now())))
          throw new NotFoundError(`没有编号为 ${id} 的回复模板，可能已被删除。`)
        return reply.status(204).send()
      },
    )
  })
}
