/**
 * `npm run ask -- "问题"`: one question from the command line, answered as /api/chat would, with
 * its sources. Uses the same store as the server; a running PGlite server holds it, and this then stops with a message.
 */
import { ingestKnowledge } from '../ingest/pipeline.ts'
import { createAssistant } from './assistant.ts'
import { loadConfig } from './config.ts'
import { handleChatMessage } from './conversation/turn.ts'
import { openStoreForCli } from './db/cli-store.ts'
import { createEmbedder } from './embedding/index.ts'

const question = process.argv.slice(2).join(' ').trim()
if (!question) {
  console.error('用法：npm run ask -- "电子秤要年检吗？"')
  process.exit(2)
}

const config = loadConfig()
const db = await openStoreForCli(config, 'ask')
try {
  const embedder = await createEmbedder(config)
  const assistant = await createAssistant(config, db, embedder)
  const [row] = await db.query<{ count: number }>('select count(*)::int as count from documents')
  if ((row?.count ?? 0) === 0) await ingestKnowledge({ db, embedder, dir: config.KNOWLEDGE_DIR })
  await assistant.refresh()
  const response = await handleChatMessage(assistant, { message: question })
  console.log(response.answer)
  console.log(
    `\n（意图：${response.intent}；${response.grounded ? '有出处' : '资料未覆盖'}；${response.mode === 'llm' ? '大模型生成' : '摘录'}）`,
  )
  for (const citation of response.citations) {
    const where = [citation.section, citation.article, citation.page ? `第${citation.page}页` : null].filter(Boolean)
    console.log(
      `[${citation.n}] 《${citation.title}》 ${where.join(' · ')}  (${citation.docId}, 片段 ${citation.chunkId})`,
    )
    console.log(`    “${citation.quote.replace(/\n/g, ' ')}”`)
  }
} finally {
  await db.close()
}
