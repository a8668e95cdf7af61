import { rankingInputs } from '/work/main/src/answer/answer-question.ts'
import { weighEvidence } from '/work/main/src/answer/extractive.ts'
import { RANKING } from '/work/main/src/answer/tuning.ts'
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
  const { candidates } = await rankingInputs(assistant, question)
  console.log(
    q,
    question.concepts
      .map(
        (x: any) =>
          `${x.word}${x.known ? '' : '?'}${x.filler ? 'f' : ''}${x.asks ? 'a' : ''}${x.aspect ? 's' : ''}${x.scene ? 'c' : ''}`,
      )
      .join(' '),
    JSON.stringify(question.answerTypes ?? question.types ?? ''),
  )
  const zero = Object.fromEntries(Object.keys(RANKING).map((k) => [k, 0]))
  const parts = Object.keys(RANKING).map(
    (k) =>
      [
        k,
        new Map(weighEvidence(question, candidates, { ...zero, [k]: 1 } as any).map((e: any) => [e.chunk.id, e.rank])),
      ] as const,
  )
  for (const e of weighEvidence(question, candidates).slice(0, 6)) {
    console.log(
      '  ',
      e.rank.toFixed(3),
      e.chunk.section.slice(-30),
      parts.map(([k, m]) => `${k}=${(m.get(e.chunk.id) ?? 0).toFixed(2)}`).join(' '),
    )
  }
}
await db.close()
