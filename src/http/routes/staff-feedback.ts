import { z } from 'zod'
import { listRatedTurns } from '../../conversation/feedback-repo.ts'
import type { Db } from '../../db/index.ts'
import { maskPersonalData } from '../../text/mask.ts'
import { staffErrors } from '../contract/common.ts'
import { FeedbackPageSchema } from '../contract/staff-feedback.ts'
import { registerStaffScope, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const FeedbackQuery = z.object({
  rating: z.enum(['up', 'down'], { error: 'rating 须为 up 或 down' }).default('down'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

/**
 * Rated answers for review under /api/staff/feedback. Its own scope with its own guard, so it can
 * live beside staff.ts without touching it. Phone numbers and the like that people typed into the
 * chat are masked: this is a list view, not a ticket's detail.
 */
export async function registerStaffFeedbackRoutes(app: App, deps: { db: Db; auth: StaffAuth }): Promise<void> {
  await registerStaffScope(app, deps.auth, async (scope) => {
    scope.get(
      '/feedback',
      {
        schema: {
          tags: ['staff'],
          summary: '被点踩（或点赞）的回答，最新的在前，供复核知识库和回答质量',
          querystring: FeedbackQuery,
          response: { 200: FeedbackPageSchema, ...staffErrors },
        },
      },
      async (request) => {
        const query = request.query
        const { turns, total } = await listRatedTurns(deps.db, query)
        return {
          turns: turns.map((turn) => ({
            ...turn,
            message: maskPersonalData(turn.message),
            resolvedQuery: maskPersonalData(turn.resolvedQuery),
            answer: maskPersonalData(turn.answer),
            comment: turn.comment === null ? null : maskPersonalData(turn.comment),
          })),
          total,
          limit: query.limit,
          offset: query.offset,
        }
      },
    )
  })
}
