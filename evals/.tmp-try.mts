import { createAssistant } from '/work/main/src/assistant.ts'
import { loadConfig } from '/work/main/src/config.ts'
import { handleChatMessage } from '/work/main/src/conversation/turn.ts'
import { openStoreForCli } from '/work/main/src/db/cli-store.ts'
import { createEmbedder } from '/work/main/src/embedding/index.ts'

const config = loadConfig()
const db = await openStoreForCli(config, 'ask')
const embedder = await createEmbedder(config)
const assistant: any = await createAssistant(config, db, embedder)
await assistant.refresh()
let sessionId: string | undefined
for (const raw of process.argv.slice(2)) {
  const follow = raw.startsWith('+')
  const q = follow ? raw.slice(1) : raw
  const r: any = await handleChatMessage(assistant, { message: q, ...(follow && sessionId ? { sessionId } : {}) })
  sessionId = r.sessionId
  const c = r.citations?.[0]
  console.log(
    `${follow ? '  +' : ''}${q}\n    [${r.intent} ${r.grounded ? 'G' : 'R:' + (r.refusalReason ?? r.refusal ?? '')}] ${c ? c.docId + ' §' + (c.section ?? '').slice(-22) : ''} | ${r.answer.replace(/\s+/g, ' ').slice(0, 110)}`,
  )
}
await db.close()
