import { ingestKnowledge } from '/work/main/ingest/pipeline.ts'
import { answerQuestion } from '/work/main/src/answer/answer-question.ts'
import { unknownShare } from '/work/main/src/answer/evidence.ts'
import { createAssistant } from '/work/main/src/assistant.ts'
import { loadConfig } from '/work/main/src/config.ts'
import { openStoreForCli } from '/work/main/src/db/cli-store.ts'
import { createEmbedder } from '/work/main/src/embedding/index.ts'
import { prepareQuestion } from '/work/main/src/query/prepare-question.ts'

const config = loadConfig()
const db = await openStoreForCli(config, 'ask')
const embedder = await createEmbedder(config)
const assistant: any = await createAssistant(config, db, embedder)
await assistant.refresh()
for (const q of process.argv.slice(2)) {
  const question = prepareQuestion(q, assistant)
  const c = await assistant.classifier.classify(question, 'citizen', {})
  const a = await answerQuestion(assistant, question)
  console.log(
    q,
    JSON.stringify(c),
    question.shape,
    'unknown',
    unknownShare(question.concepts).toFixed(2),
    question.concepts
      .map((x: any) => `${x.word}${x.known ? '' : '?'}${x.filler ? 'f' : ''}${x.asks ? 'a' : ''}`)
      .join(' '),
    '| grounded',
    a.grounded,
    a.refusalReason,
    a.citations[0]?.score?.toFixed(2),
  )
}
await db.close()
