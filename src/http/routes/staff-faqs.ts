import { z } from 'zod'
import type { Assistant } from '../../assistant.ts'
import type { Db } from '../../db/index.ts'
import { NotFoundError } from '../../errors.ts'
import {
  approveFaq,
  createFaq,
  editFaq,
  FAQ_STATUSES,
  getFaq,
  listFaqRevisions,
  listFaqs,
  withdrawFaq,
} from '../../faq/faq-repo.ts'
import { ErrorResponse, staffChangeErrors, staffErrors } from '../contract/common.ts'
import { FaqEdit, FaqPageSchema, FaqWithHistorySchema, NewFaq } from '../contract/staff-faqs.ts'
import { currentStaff, registerStaffScope, requireRole, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const FaqParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
const FaqQuery = z.object({
  status: z.enum(FAQ_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

const tags = ['staff']
const oneFaq = { 200: FaqWithHistorySchema, 404: ErrorResponse, ...staffErrors }
const changedFaq = { ...oneFaq, ...staffChangeErrors }
/** Approving or withdrawing: 409 when the entry already is so. */
const reviewedFaq = { ...changedFaq, 409: ErrorResponse }

const REVIEWS = [
  {
    path: 'approve',
    summary: '审核通过：此后相近的问题直接以此答复（仅主管）',
    action: '审核纠错答复',
    change: approveFaq,
    logged: 'faq approved',
  },
  {
    path: 'withdraw',
    summary: '撤回：不再以此答复（仅主管）',
    action: '撤回纠错答复',
    change: withdrawFaq,
    logged: 'faq withdrawn',
  },
] as const

/**
 * Corrections that answer (FAQ) under /api/staff/faqs: any staff member writes or edits an entry
 * (a draft); a supervisor approves it, after which it answers matching questions, or withdraws it.
 */
export async function registerStaffFaqRoutes(
  app: App,
  deps: { db: Db; auth: StaffAuth; assistant: Assistant },
): Promise<void> {
  const { db, assistant } = deps
  const withHistory = async (id: number) => {
    const faq = await getFaq(db, id)
    if (!faq) throw new NotFoundError(`没有编号为 ${id} 的纠错答复，请刷新列表。`)
    return { ...faq, revisions: await listFaqRevisions(db, id) }
  }

  await registerStaffScope(app, deps.auth, async (scope) => {
    scope.get(
      '/faqs',
      {
        schema: {
          tags,
          summary: '纠错答复列表（最近修改的在前）',
          querystring: FaqQuery,
          response: { 200: FaqPageSchema, ...staffErrors },
        },
      },
      async (request) => {
        const query = request.query
        return { ...(await listFaqs(db, query)), limit: query.limit, offset: query.offset }
      },
    )

    scope.get(
      '/faqs/:id',
      { schema: { tags, summary: '一条纠错答复及其修改记录', params: FaqParams, response: oneFaq } },
      async (request) => withHistory(request.params.id),
    )

    scope.post(
      '/faqs',
      {
        schema: {
          tags,
          summary: '写一条纠错答复（草稿；可引用片段、关联对话日志中的某一轮；主管审核后才生效）',
          body: NewFaq,
          response: { 201: FaqWithHistorySchema, ...staffChangeErrors },
        },
      },
      async (request, reply) => {
        const faq = await createFaq(db, currentStaff(request), request.body)
        return reply.status(201).send(await withHistory(faq.id))
      },
    )

    scope.patch(
      '/faqs/:id',
      {
        schema: {
          tags,
          summary: '修改纠错答复（修改后回到草稿，须重新审核）',
          params: FaqParams,
          body: FaqEdit,
          response: changedFaq,
        },
      },
      async (request) => {
        const { id } = request.params
        await editFaq(db, currentStaff(request), id, request.body)
        await assistant.refresh()
        return withHistory(id)
      },
    )

    // Approving and withdrawing differ only in the status set and its words; both are a supervisor's.
    for (const review of REVIEWS) {
      scope.post(
        `/faqs/:id/${review.path}`,
        { schema: { tags, summary: review.summary, params: FaqParams, response: reviewedFaq } },
        async (request) => {
          const staff = requireRole(request, 'supervisor', review.action)
          const { id } = request.params
          await review.change(db, staff, id)
          await assistant.refresh()
          request.log.info({ faqId: id }, review.logged)
          return withHistory(id)
        },
      )
    }
  })
}
