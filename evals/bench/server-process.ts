/**
 * A server for the bench in a process of its own, so that its memory is its own: started by
 * server-child.ts with `fork`, it answers { type: 'memory' } and { type: 'stop' } over IPC.
 * BENCH_SERVER is 'ceiling' or a StoreTarget as JSON.
 */
import { type RunningServer, startCeilingServer } from './ceiling-server.ts'
import { sampleMemory } from './memory.ts'
import type { ChildMessage, ParentMessage } from './server-child.ts'
import type { BenchStore, StoreTarget } from './stores.ts'

const send = (message: ChildMessage) => process.send?.(message)
const spec = process.env.BENCH_SERVER ?? 'ceiling'

let store: BenchStore | null = null
let server: RunningServer
let staffToken: string | null = null
try {
  if (spec === 'ceiling') {
    server = await startCeilingServer()
  } else {
    // Loaded only here, so that the ceiling process holds Fastify and nothing of the app.
    const [{ benchConfig, startAppServer }, { openStore }, { createAccount }, { insertStaffToken }] = await Promise.all(
      [
        import('./servers.ts'),
        import('./stores.ts'),
        import('../../src/staff/accounts.ts'),
        import('../../src/staff/tokens.ts'),
      ],
    )
    const config = benchConfig()
    store = await openStore(JSON.parse(spec) as StoreTarget, config.DB_POOL_SIZE)
    server = await startAppServer(store.db, config)
    const now = new Date()
    const staff = await createAccount(
      store.db,
      { kind: 'system', name: '压测' },
      { username: 'bench', name: '压测主管', role: 'supervisor', password: 'bench-password-1' },
      now,
    )
    staffToken = (await insertStaffToken(store.db, { staffId: staff.id, label: '压测', createdBy: null, now })).secret
  }
} catch (error) {
  await store?.dispose()
  send({ type: 'failed', message: (error as Error).stack ?? String(error) })
  process.exit(1)
}

const maxRss = () => process.resourceUsage().maxRSS * 1024

process.on('message', async (message: ParentMessage) => {
  if (message.type === 'memory') send({ type: 'memory', sample: sampleMemory(), maxRss: maxRss() })
  if (message.type === 'stop') {
    const [row] = store ? await store.db.query<{ n: number }>('select count(*)::int as n from tickets') : []
    await server.close()
    await store?.dispose()
    send({ type: 'stopped', maxRss: maxRss(), tickets: row?.n ?? 0 })
    process.disconnect()
  }
})
// The parent gone without a word (killed, crashed): do not linger.
process.on('disconnect', () => process.exit(0))
send({ type: 'ready', url: server.url, staffToken })
