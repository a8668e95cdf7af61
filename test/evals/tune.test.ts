import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvalSystem, type EvalSystem } from '../../evals/system.ts'
import { featuresOf } from '../../evals/tune.ts'
import { rankingInputs } from '../../src/answer/answer-question.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'

// `npm run eval -- --tune` reads the ranker's features off the ranker itself, which only works while the ranker is a
// weighted sum of them over distinct candidates. The whole tuning run takes minutes; these questions (one naming an
// identifier a rare-word lookup also finds) keep it from breaking unnoticed.
const QUESTIONS = ['以前那个12365质量投诉电话现在还能打吗？', '电子秤多久检一次', 'CCC免办需要哪些材料']

describe('the tuning script', () => {
  let system: EvalSystem
  beforeAll(async () => {
    system = await createEvalSystem({ env: {} })
  })
  afterAll(async () => {
    await system?.close()
  })

  it('reads each candidate once and the ranker as a weighted sum of its features', async () => {
    for (const text of QUESTIONS) {
      const { question, candidates } = await rankingInputs(system.assistant, prepareQuestion(text, system.assistant))
      expect(new Set(candidates.map((chunk) => chunk.id)).size, text).toBe(candidates.length)
      expect(() => featuresOf(question, candidates), text).not.toThrow()
    }
  })
})
