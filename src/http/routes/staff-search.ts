import { z } from 'zod'
import { testRetrieval } from '../../answer/retrieval-test.ts'
import type { Assistant } from '../../assistant.ts'
import { staffChangeErrors } from '../contract/common.ts'
import { RetrievalTestSchema } from '../contract/staff-search.ts'
import { registerStaffScope, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const SearchBody = z.object({
  query: z.string().trim().min(1, { error: '请输入要测试的问题' }).max(300, { error: '问题请控制在 300 字以内' }),
  limit: z.number().int().min(1).max(20).default(8),
})

/** The retrieval test (命中测试) under /api/staff/search: what a question would find, and why. */
export async function registerStaffSearchRoutes(
  app: App,
  deps: { auth: StaffAuth; assistant: Assistant },
): Promise<void> {
  await registerStaffScope(app, deps.auth, async (scope) => {
    scope.post(
      '/search',
      {
        schema: {
          tags: ['staff'],
          summary: '命中测试：排序后的片段及分数（覆盖度、融合排名），会答复还是会拒答，会命中哪条纠错答复',
          body: SearchBody,
          response: { 200: RetrievalTestSchema, ...staffChangeErrors },
        },
      },
      async (request) => {
        const body = request.body
        return testRetrieval(deps.assistant, body.query, body.limit)
      },
    )
  })
}
