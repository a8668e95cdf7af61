import { z } from 'zod'
import type { Db } from '../../db/index.ts'
import { InvalidInputError, NotFoundError } from '../../errors.ts'
import { NewTicketInputSchema, optionalText } from '../../tickets/new-ticket.ts'
import { openTicket } from '../../tickets/open-ticket.ts'
import { addRequesterMessage } from '../../tickets/requester-actions.ts'
import type { WorkCalendar } from '../../tickets/sla.ts'
import { describeOpenedTicket } from '../../tickets/ticket-messages.ts'
import { lookupTicketForRequester } from '../../tickets/ticket-views.ts'
import { commonErrors, ErrorResponse } from '../contract/common.ts'
import { LookupResponse, MessageAdded, OpenedTicketResponse } from '../contract/tickets.ts'
import type { App } from '../zod-schemas.ts'

const LookupParams = z.object({ number: z.string().max(40) })
const LookupQuery = z.object({ token: z.string().max(64).optional() })

// One answer for "no such ticket" and "wrong token", so the lookup cannot be used to probe numbers.
const NOT_FOUND = '没有找到该工单，请核对工单编号和查询码（查询码在提交成功时显示）。'

const MessageBody = z.object({
  body: z
    .string({ error: '请填写要补充的内容' })
    .trim()
    .min(2, { error: '请填写要补充的内容（至少 2 个字）' })
    .max(2000, { error: '补充内容请控制在 2000 字以内，可以分几次提交' }),
  evidence: optionalText(1000, '证据说明请控制在 1000 字以内'),
})

const tokenOf = (header: string | string[] | undefined): string | undefined =>
  typeof header === 'string' ? header : undefined

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/

const tags = ['tickets']

/** The requester's side: open a ticket from the form, and look it up with its token. */
export function registerTicketRoutes(app: App, deps: { db: Db; now?: () => Date; calendar?: WorkCalendar }): void {
  const now = deps.now ?? (() => new Date())

  app.post(
    '/api/tickets',
    {
      schema: {
        tags,
        summary: '提交工单（同一 Idempotency-Key 重试返回同一工单）',
        body: NewTicketInputSchema,
        response: { 200: OpenedTicketResponse, 201: OpenedTicketResponse, 409: ErrorResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key']
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw new InvalidInputError('Idempotency-Key 须为 1–200 个可见 ASCII 字符，建议每次新提交生成一个 UUID。')
      }
      const { ticket, replayed } = await openTicket(deps.db, request.body, {
        idempotencyKey: key,
        now: now(),
        ...(deps.calendar ? { calendar: deps.calendar } : {}),
      })
      request.log.info({ ticket: ticket.number, priority: ticket.priority, replayed }, 'ticket opened')
      return reply.status(replayed ? 200 : 201).send({
        ticket: {
          number: ticket.number,
          status: ticket.status,
          category: ticket.category,
          priority: ticket.priority,
          lookupToken: ticket.lookupToken,
          firstResponseDueAt: ticket.firstResponseDueAt,
          slaDueAt: ticket.slaDueAt,
        },
        message: describeOpenedTicket(ticket),
      })
    },
  )

  app.get(
    '/api/tickets/:number',
    {
      schema: {
        tags,
        summary: '查询工单进度：需要查询码（请求头 x-lookup-token 或 ?token=）',
        params: LookupParams,
        querystring: LookupQuery,
        response: { 200: LookupResponse, 404: ErrorResponse, ...commonErrors },
      },
    },
    async (request) => {
      const { number } = request.params
      const token = tokenOf(request.headers['x-lookup-token']) ?? request.query.token
      const view = token ? await lookupTicketForRequester(deps.db, number, token) : null
      if (!view) throw new NotFoundError(NOT_FOUND)
      return { ticket: view }
    },
  )

  app.post(
    '/api/tickets/:number/messages',
    {
      schema: {
        tags,
        summary: '提交人补充信息（请求头 x-lookup-token），工单回到办理人手中',
        params: LookupParams,
        body: MessageBody,
        response: { 201: MessageAdded, 404: ErrorResponse, 409: ErrorResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { number } = request.params
      const token = tokenOf(request.headers['x-lookup-token'])
      const added = token ? await addRequesterMessage(deps.db, number, token, request.body, now()) : null
      if (!added) throw new NotFoundError(NOT_FOUND)
      request.log.info({ ticket: number, message: added.messageId }, 'requester message added')
      return reply.status(201).send(added)
    },
  )
}
