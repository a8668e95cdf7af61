import { z } from 'zod'
import { REFUSAL_REASON_NAMES } from '../../answer/refusals.ts'
import { answerStatistics } from '../../conversation/answer-stats.ts'
import { conversationRef } from '../../conversation/conversation-ref.ts'
import { type LoggedTurn, listLoggedTurns } from '../../conversation/turn-log-repo.ts'
import type { Db } from '../../db/index.ts'
import { INTENTS } from '../../routing/intents.ts'
import { maskPersonalData } from '../../text/mask.ts'
import { staffErrors, textBody } from '../contract/common.ts'
import { AnswerStatisticsSchema, type LoggedTurnView, TurnLogPageSchema } from '../contract/staff-turns.ts'
import { toCsv } from '../csv.ts'
import { registerStaffScope, type StaffAuth } from '../staff-auth.ts'
import type { App } from '../zod-schemas.ts'

const PAGE_SIZE = 50
// An export is a file for a spreadsheet, not a backup: bounded so one request cannot exhaust memory.
const CSV_MAX_ROWS = 10_000

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .optional()
const TurnLogQuery = z.object({
  grounded: z.enum(['true', 'false'], { error: 'grounded 须为 true 或 false' }).optional(),
  reason: z.enum(REFUSAL_REASON_NAMES, { error: 'reason 须为一个未答原因的名称' }).optional(),
  rating: z.enum(['up', 'down'], { error: 'rating 须为 up 或 down' }).optional(),
  from: day,
  to: day,
  q: z.string().trim().max(100).optional(),
  intent: z.enum(INTENTS).optional(),
  mode: z.enum(['extractive', 'llm', 'faq']).optional(),
  doc: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})
const StatsQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) })

// Days are the bureau's (Asia/Shanghai): "to" includes its whole day.
const startOfDay = (date: string) => `${date}T00:00:00+08:00`
const startOfNextDay = (date: string) => new Date(new Date(startOfDay(date)).getTime() + 86_400_000).toISOString()

const filterOf = (query: z.output<typeof TurnLogQuery>) => ({
  grounded: query.grounded === undefined ? undefined : query.grounded === 'true',
  reason: query.reason,
  rating: query.rating,
  from: query.from ? startOfDay(query.from) : undefined,
  to: query.to ? startOfNextDay(query.to) : undefined,
  q: query.q || undefined,
  intent: query.intent,
  mode: query.mode,
  doc: query.doc || undefined,
})

/**
 * What people typed may hold phone numbers and the like: masked, as in every list view. The
 * sessionId is the requester's key to the conversation: staff get the one-way reference instead.
 */
const masked = ({ sessionId, ...turn }: LoggedTurn): LoggedTurnView => ({
  ...turn,
  conversation: conversationRef(sessionId),
  message: maskPersonalData(turn.message),
  resolvedQuery: maskPersonalData(turn.resolvedQuery),
  answer: maskPersonalData(turn.answer),
  comment: turn.comment === null ? null : maskPersonalData(turn.comment),
})

const CSV_HEADER = [
  '时间',
  '对象',
  '问题',
  '检索用语',
  '意图',
  '有出处',
  '未回答原因',
  '方式',
  '引用',
  '评价',
  '意见',
  '用时(ms)',
  '回答',
]

const csvRow = (turn: LoggedTurnView) => [
  turn.createdAt,
  turn.audience,
  turn.message,
  turn.resolvedQuery,
  turn.intent,
  turn.grounded,
  turn.refusalReason,
  turn.mode,
  turn.citations.map((citation) => `${citation.docId} ${citation.section}`).join('; '),
  turn.rating,
  turn.comment,
  turn.latencyMs,
  turn.answer,
]

/** The conversation log and answer statistics under /api/staff, for every staff member. */
export async function registerStaffTurnRoutes(
  app: App,
  deps: { db: Db; auth: StaffAuth; now?: () => Date },
): Promise<void> {
  const { db } = deps
  const now = deps.now ?? (() => new Date())
  await registerStaffScope(app, deps.auth, async (scope) => {
    scope.get(
      '/turns',
      {
        schema: {
          tags: ['staff'],
          summary: '对话日志：每轮的问题、改写、意图、是否有出处、未回答原因、引用、评价、用时；可筛选、分页',
          querystring: TurnLogQuery,
          response: { 200: TurnLogPageSchema, ...staffErrors },
        },
      },
      async (request) => {
        const query = request.query
        const offset = (query.page - 1) * PAGE_SIZE
        const { turns, total } = await listLoggedTurns(db, filterOf(query), { limit: PAGE_SIZE, offset })
        return { turns: turns.map(masked), total, page: query.page, pageSize: PAGE_SIZE }
      },
    )

    scope.get(
      '/turns.csv',
      {
        schema: {
          tags: ['staff'],
          summary: `对话日志导出为 CSV（同样的筛选，最多 ${CSV_MAX_ROWS} 行，个人信息已遮蔽）`,
          querystring: TurnLogQuery,
          response: { 200: textBody('text/csv', 'CSV 文件（UTF-8），首行为表头'), ...staffErrors },
        },
      },
      async (request, reply) => {
        const query = request.query
        const { turns } = await listLoggedTurns(db, filterOf(query), { limit: CSV_MAX_ROWS, offset: 0 })
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="turns-${now().toISOString().slice(0, 10)}.csv"`)
          .send(toCsv(CSV_HEADER, turns.map(masked).map(csvRow)))
      },
    )

    scope.get(
      '/answer-stats',
      {
        schema: {
          tags: ['staff'],
          summary: '回答统计：每日提问数，有出处/纠错答复/未回答占比，👍/👎，最常未回答的问题，纠错答复命中次数',
          querystring: StatsQuery,
          response: { 200: AnswerStatisticsSchema, ...staffErrors },
        },
      },
      async (request) => {
        const stats = await answerStatistics(db, now(), request.query.days)
        return {
          ...stats,
          topRefused: stats.topRefused.map((row) => ({ ...row, question: maskPersonalData(row.question) })),
        }
      },
    )
  })
}
