/**
 * The SQL statements of one chat turn, listed and counted, for three kinds of turn: a policy question
 * that opens a conversation, a follow-up in it, and a question the documents do not answer; then how
 * many statements the gold questions take as first turns (as `npm run bench` sends them). Each
 * statement is a round trip to the server on PostgreSQL, a cost no load changes.
 *   npx tsx evals/bench/turn-queries.ts [--pg postgres://…]
 */
import { parseArgs } from 'node:util'
import { loadCases } from '../cases.ts'
import { createEvalSystem, injectChat } from '../system.ts'
import { countingDb } from './counting-db.ts'
import { openStore } from './stores.ts'

const { values } = parseArgs({ options: { pg: { type: 'string' } } })
const store = await openStore(values.pg ? { kind: 'postgres', url: values.pg } : { kind: 'pglite' })
const db = countingDb(store.db)
const system = await createEvalSystem({ db })
const send = injectChat(system.app)

async function measure(label: string, message: string, sessionId?: string) {
  const from = db.statements.length
  const response = await send({ message, ...(sessionId ? { sessionId } : {}) })
  const statements = db.statements.slice(from)
  console.log(`\n${label}: ${statements.length} statements (${response.refusalReason ?? 'answered'})`)
  for (const { sql, name } of statements) console.log(`  ${name ? `[${name}] ` : ''}${sql.slice(0, 120)}`)
  return response
}

try {
  // An untimed first turn: lazy loading must not be taken for a turn's cost.
  await send({ message: '电子秤需要强制检定吗？' })
  const first = await measure('policy question, first turn', 'CCC免办需要哪些材料？')
  await measure('follow-up', '办理流程是怎样的？', first.sessionId)
  await measure('refused question', '怎么申请行政复议', first.sessionId)
  // The statements of each turn by name (the first words of an unnamed one), and how many turns ran them.
  const sequences = new Map<string, number>()
  const cases = loadCases()
  const from = db.statements.length
  for (const c of cases) {
    const before = db.statements.length
    await send({ message: c.question, audience: c.audience })
    const names = db.statements.slice(before).map(({ sql, name }) => name ?? sql.slice(0, 40))
    const key = `${names.length}: ${names.join(', ')}`
    sequences.set(key, (sequences.get(key) ?? 0) + 1)
  }
  console.log(`\n${cases.length} gold questions as first turns (turns: statements):`)
  for (const [key, turns] of [...sequences].sort((a, b) => b[1] - a[1])) console.log(`  ${turns}  ${key}`)
  console.log(`mean ${((db.statements.length - from) / cases.length).toFixed(2)} statements per turn`)
  // The gold conversations: their last turn, in a stored session after the earlier ones.
  const conversations = cases.filter((c) => (c.history ?? []).length > 0)
  let followUpStatements = 0
  let followUpCpuMs = 0
  for (const c of conversations) {
    let sessionId: string | undefined
    for (const message of c.history ?? [])
      sessionId ??= (await send({ message, sessionId, audience: c.audience })).sessionId
    const before = db.statements.length
    const cpu = process.cpuUsage()
    await send({ message: c.question, sessionId, audience: c.audience })
    const used = process.cpuUsage(cpu)
    followUpCpuMs += (used.user + used.system) / 1000
    followUpStatements += db.statements.length - before
  }
  const mean = (total: number) => (total / conversations.length).toFixed(2)
  console.log(
    `${conversations.length} gold conversations, last turn: mean ${mean(followUpStatements)} statements, ` +
      `${mean(followUpCpuMs)} ms of this process's CPU`,
  )
} finally {
  await system.close()
  await store.dispose()
}
