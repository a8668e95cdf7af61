import { z } from 'zod'
import { countLlmOutcomes } from '../../conversation/llm-outcomes-repo.ts'
import type { Db } from '../../db/index.ts'
import { OPEN_STATUSES, PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from '../../tickets/model.ts'
import { ticketStatistics } from '../../tickets/stats.ts'
import {
  changeTicketStatus,
  claimTicket,
  reassignTicket,
  replyToTicket,
  requireTicket,
} from '../../tickets/ticket-actions.ts'
import { loadTicketDetail, toQueueItem, toStaffDetail } from '../../tickets/ticket-views.ts'
import { listTickets } from '../../tickets/tickets-repo.ts'
import { ErrorResponse, staffChangeErrors, staffErrors } from '../contract/common.ts'
import {
  QueuePageSchema,
  ReplyAddedSchema,
  StaffTicketDetailSchema,
  TicketStatisticsSchema,
} from '../contract/staff-tickets.ts'
import { currentStaff, registerStaffScope, type StaffAuth } from '../staff-auth.ts'
import { type App, rowId } from '../zod-schemas.ts'

const QueueQuery = z.object({
  status: z
    .string()
    .default('open')
    .transform((value) => (value === 'open' ? [...OPEN_STATUSES] : value === 'all' ? [] : value.split(',')))
    .pipe(
      z.array(
        z.enum(TICKET_STATUSES, { error: `状态须为 open、all 或 ${TICKET_STATUSES.join('、')}（可用逗号分隔多个）` }),
      ),
    ),
  category: z.enum(TICKET_CATEGORIES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'overdue 须为 true 或 false' })
    .transform((value) => value === 'true')
    .optional(),
  assignee: z
    .string()
    .regex(/^(me|none|\d{1,9})$/, { error: 'assignee 须为 me、none 或工作人员编号' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

const TicketParams = z.object({ number: z.string().trim().toUpperCase().max(40) })
const ReplyBody = z.object({
  body: z.string().trim().min(1, { error: '回复内容不能为空' }).max(2000, { error: '回复请控制在 2000 字以内' }),
  waitingUser: z.boolean().default(false),
})
const StatusBody = z.object({
  status: z.enum(TICKET_STATUSES, { error: `状态须为 ${TICKET_STATUSES.join('、')} 之一` }),
  note: z.string().trim().max(500).optional(),
})
const ReassignBody = z.object({
  assigneeId: rowId('请填写转派对象的工作人员编号'),
  note: z.string().trim().max(500).optional(),
})
const StatsQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) })

const tags = ['staff']
/** A ticket action answers with the ticket as it now is; 404 for no such ticket, 409 when the state forbids it. */
const changedTicket = { 200: StaffTicketDetailSchema, 404: ErrorResponse, 409: ErrorResponse, ...staffChangeErrors }

/** `assignee=me|none|<id>` as the repository's filter. */
function assigneeFilter(assignee: string | undefined, myId: number): { assigneeId?: number; unassigned?: boolean } {
  if (assignee === undefined) return {}
  if (assignee === 'none') return { unassigned: true }
  return { assigneeId: assignee === 'me' ? myId : Number(assignee) }
}

/** The staff queue under /api/staff: every route needs a signed-in staff member or a bearer token. */
export async function registerStaffRoutes(
  app: App,
  deps: { db: Db; auth: StaffAuth; now?: () => Date },
): Promise<void> {
  const { db } = deps
  const now = deps.now ?? (() => new Date())
  const detail = async (number: string) => {
    const at = now()
    return toStaffDetail(await loadTicketDetail(db, await requireTicket(db, number)), at)
  }

  await registerStaffScope(app, deps.auth, async (scope) => {
    scope.get(
      '/tickets',
      {
        schema: {
          tags,
          summary: '工单队列：先高优先级，再按最近的时限排序',
          querystring: QueueQuery,
          response: { 200: QueuePageSchema, ...staffErrors },
        },
      },
      async (request) => {
        const query = request.query
        const staff = currentStaff(request)
        const at = now()
        const { tickets, total } = await listTickets(
          db,
          {
            statuses: query.status,
            category: query.category,
            priority: query.priority,
            overdue: query.overdue,
            ...assigneeFilter(query.assignee, staff.id),
            limit: query.limit,
            offset: query.offset,
          },
          at,
        )
        return {
          tickets: tickets.map((ticket) => toQueueItem(ticket, at)),
          total,
          limit: query.limit,
          offset: query.offset,
        }
      },
    )

    scope.get(
      '/tickets/:number',
      {
        schema: {
          tags,
          summary: '工单详情：完整对话、引用出处、答复和审计记录',
          params: TicketParams,
          response: { 200: StaffTicketDetailSchema, 404: ErrorResponse, ...staffErrors },
        },
      },
      async (request) => detail(request.params.number),
    )

    scope.post(
      '/tickets/:number/claim',
      {
        schema: {
          tags,
          summary: '认领工单（只有“待受理”的可以认领，并发时只有一人成功）',
          params: TicketParams,
          response: changedTicket,
        },
      },
      async (request) => {
        const { number } = request.params
        await claimTicket(db, currentStaff(request), number, now())
        return detail(number)
      },
    )

    scope.post(
      '/tickets/:number/replies',
      {
        schema: {
          tags,
          summary: '答复提交人（提交人查询时可见）',
          params: TicketParams,
          body: ReplyBody,
          response: { 201: ReplyAddedSchema, 404: ErrorResponse, 409: ErrorResponse, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        const { number } = request.params
        const body = request.body
        const { replyId } = await replyToTicket(db, currentStaff(request), number, body, now())
        return reply.status(201).send({ replyId, ticket: await detail(number) })
      },
    )

    scope.post(
      '/tickets/:number/status',
      {
        schema: {
          tags,
          summary: '更改状态（按状态机校验，不允许的转换返回 409）',
          params: TicketParams,
          body: StatusBody,
          response: changedTicket,
        },
      },
      async (request) => {
        const { number } = request.params
        await changeTicketStatus(db, currentStaff(request), number, request.body, now())
        return detail(number)
      },
    )

    scope.post(
      '/tickets/:number/reassign',
      {
        schema: {
          tags,
          summary: '转派（仅主管）',
          params: TicketParams,
          body: ReassignBody,
          response: changedTicket,
        },
      },
      async (request) => {
        const { number } = request.params
        await reassignTicket(db, currentStaff(request), number, request.body, now())
        return detail(number)
      },
    )

    scope.get(
      '/stats',
      {
        schema: {
          tags,
          summary: '统计：各类别未办结数、超时数、首次答复用时中位数、模型调用结果（llmOutcomes）',
          querystring: StatsQuery,
          response: { 200: TicketStatisticsSchema, ...staffErrors },
        },
      },
      async (request) => {
        const stats = await ticketStatistics(db, now(), request.query.days)
        const since = new Date(now().getTime() - stats.windowDays * 86_400_000)
        return { ...stats, llmOutcomes: await countLlmOutcomes(db, since) }
      },
    )
  })
}
