import { randomUUID } from 'node:crypto'
import type { BenchQuestion } from './load.ts'

/** What the simulated clients share: where to send, whom to be, what they have made, what went wrong. */
export type TrafficContext = {
  url: string
  staffToken: string
  questions: BenchQuestion[]
  tickets: Array<{ number: string; lookupToken: string }>
  window: { requests: number; errors: number; latencies: number[] }
  /** Distinct failures (method, path without ids, status, message) and how often each was seen. */
  totals: { requests: number; errors: number; expectedConflicts: number; failures: Map<string, number> }
}

/** The fields of API answers the scenarios read. */
type ApiBody = {
  sessionId?: string
  ticket?: { number: string; lookupToken: string }
  tickets?: Array<{ number: string }>
  documents?: Array<{ docId: string }>
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T
const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`

async function call(
  ctx: TrafficContext,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; ok?: number[]; conflict?: number[] } = {},
): Promise<{ status: number; json: ApiBody | null } | null> {
  const started = performance.now()
  ctx.window.requests++
  ctx.totals.requests++
  const fail = (what: string) => {
    ctx.window.errors++
    ctx.totals.errors++
    const route = path.split('?')[0]?.replace(/QD-\d{8}-\d+/g, ':number')
    const key = `${method} ${route} → ${what}`
    if (ctx.totals.failures.size < 50 || ctx.totals.failures.has(key)) {
      ctx.totals.failures.set(key, (ctx.totals.failures.get(key) ?? 0) + 1)
    }
  }
  try {
    const response = await fetch(ctx.url + path, {
      method,
      headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: options.body ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    })
    const text = await response.text()
    ctx.window.latencies.push(performance.now() - started)
    if (options.conflict?.includes(response.status)) ctx.totals.expectedConflicts++
    else if (!(options.ok ?? [200]).includes(response.status)) fail(`${response.status} ${text.slice(0, 120)}`)
    return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : null }
  } catch (error) {
    fail((error as Error).message)
    return null
  }
}

const staff = (ctx: TrafficContext) => ({ authorization: `Bearer ${ctx.staffToken}` })

/** The mix: mostly questions, some complaints told in the chat, the form, lookups, staff at work. */
export const SCENARIOS: Record<string, { weight: number; run: (ctx: TrafficContext) => Promise<void> }> = {
  ask: {
    weight: 50,
    async run(ctx) {
      const first = await call(ctx, 'POST', '/api/chat', { body: pick(ctx.questions) })
      if (first?.json?.sessionId && Math.random() < 0.3) {
        await call(ctx, 'POST', '/api/chat', { body: { ...pick(ctx.questions), sessionId: first.json.sessionId } })
      }
    },
  },
  complaint: {
    weight: 10,
    async run(ctx) {
      let sessionId: string | undefined
      for (const message of [
        '我要投诉，网上买的电暖器用了两天就坏了',
        '某某家电旗舰店，网店链接 https://shop.example.com/1',
        '上周三买的电暖器',
        '跳过',
        '商家不给退货，希望退货退款',
        '王女士',
        phone(),
        '跳过',
        '确认',
      ]) {
        const reply = await call(ctx, 'POST', '/api/chat', { body: { message, sessionId } })
        sessionId = reply?.json?.sessionId
        if (!sessionId) return
      }
    },
  },
  ticket: {
    weight: 10,
    async run(ctx) {
      const key = randomUUID()
      const body = {
        category: 'complaint',
        description: '超市称重不准，买的苹果少了二两',
        contactName: '李先生',
        phone: phone(),
        audience: 'citizen',
        consent: true,
      }
      const opened = await call(ctx, 'POST', '/api/tickets', { body, headers: { 'idempotency-key': key }, ok: [201] })
      if (opened?.json?.ticket) ctx.tickets.push(opened.json.ticket)
      if (ctx.tickets.length > 100) ctx.tickets.shift()
      // A client that did not see the answer sends the same submission again.
      if (Math.random() < 0.2) await call(ctx, 'POST', '/api/tickets', { body, headers: { 'idempotency-key': key } })
    },
  },
  lookup: {
    weight: 10,
    async run(ctx) {
      const ticket = ctx.tickets.at(-1 - Math.floor(Math.random() * Math.min(ctx.tickets.length, 20)))
      if (ticket)
        await call(ctx, 'GET', `/api/tickets/${ticket.number}`, { headers: { 'x-lookup-token': ticket.lookupToken } })
    },
  },
  staff: {
    weight: 10,
    async run(ctx) {
      const queue = await call(ctx, 'GET', '/api/staff/tickets?status=new&limit=5', { headers: staff(ctx) })
      const number: string | undefined = queue?.json?.tickets?.[0]?.number
      if (!number) return
      const claimed = await call(ctx, 'POST', `/api/staff/tickets/${number}/claim`, {
        headers: staff(ctx),
        conflict: [409],
      })
      if (claimed?.status !== 200) return
      await call(ctx, 'POST', `/api/staff/tickets/${number}/replies`, {
        headers: staff(ctx),
        body: { body: '您好，已收到您的反馈，我们会尽快核实处理。' },
        ok: [201],
      })
      await call(ctx, 'POST', `/api/staff/tickets/${number}/status`, {
        headers: staff(ctx),
        body: { status: 'resolved' },
      })
      await call(ctx, 'GET', '/api/staff/stats', { headers: staff(ctx) })
    },
  },
  browse: {
    weight: 10,
    async run(ctx) {
      const list = await call(ctx, 'GET', '/api/documents')
      const doc = list?.json?.documents ? pick(list.json.documents) : undefined
      if (doc) await call(ctx, 'GET', `/api/documents/${encodeURIComponent(doc.docId)}`)
    },
  },
}

/** A scenario name, drawn by weight. */
export function chooseScenario(): string {
  const entries = Object.entries(SCENARIOS)
  let roll = Math.random() * entries.reduce((sum, [, s]) => sum + s.weight, 0)
  for (const [name, scenario] of entries) {
    roll -= scenario.weight
    if (roll < 0) return name
  }
  return 'ask'
}
