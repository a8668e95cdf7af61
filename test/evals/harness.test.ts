import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCases } from '../../evals/cases.ts'
import { GATED_METRICS } from '../../evals/gate.ts'
import { type CaseResult, runCases } from '../../evals/harness.ts'
import { flattenRows, summarise } from '../../evals/summary.ts'
import { createEvalSystem, type EvalSystem, injectChat } from '../../evals/system.ts'

const IDS = ['met-what-1', 'ref-o76-art5-1', 'fu-met-period-1', 'oos-weather-1']

describe('runCases in-process', () => {
  let system: EvalSystem
  let results: CaseResult[]
  const byId = (id: string) => results.find((result) => result.id === id) as CaseResult

  beforeAll(async () => {
    // An empty environment: no LLM or external embedder from the developer's shell.
    system = await createEvalSystem({ env: {} })
    const cases = loadCases().filter((c) => IDS.includes(c.id))
    results = await runCases({ assistant: system.assistant, send: injectChat(system.app) }, cases)
  })
  afterAll(async () => {
    await system?.close()
  })

  it('returns one judged result per case, with its split', () => {
    expect(results.map((result) => result.id).sort()).toEqual([...IDS].sort())
    expect(results.every((result) => result.split === 'dev' || result.split === 'test')).toBe(true)
    for (const result of results) {
      expect(result.latencyMs).toBeGreaterThan(0)
      expect(result.unresolvedMarkers).toEqual([])
    }
  })

  it('ranks a grounded case in all three retrieval modes and judges its answer', () => {
    const grounded = byId('met-what-1')
    expect(Object.keys(grounded.retrieval ?? {}).sort()).toEqual(['hybrid', 'lexical', 'vector'])
    expect(grounded.retrieval?.hybrid.top.length).toBeGreaterThan(0)
    expect(grounded.retrieval?.hybrid.top[0]).toHaveProperty('docId')
    expect(grounded.mustContain).not.toBeNull()
    expect(grounded.response.citations.length).toBeGreaterThan(0)
    expect(grounded.citations?.total).toBe(grounded.response.citations.length)
  })

  it('records a refusal for the case the documents do not cover, without retrieval or must-contain', () => {
    const refusal = byId('ref-o76-art5-1')
    expect(refusal.response.grounded).toBe(false)
    expect(refusal.response.citations).toEqual([])
    expect(refusal.retrieval).toBeNull()
    expect(refusal.mustContain).toBeNull()
  })

  it('sends a follow-up after its history in the same session', async () => {
    const followUp = byId('fu-met-period-1')
    const turns = await system.assistant.db.query<{ message: string }>(
      'select message from chat_turns where session_id = $1 order by turn_no',
      [followUp.response.sessionId],
    )
    expect(turns.map((turn) => turn.message)).toEqual([...followUp.history, followUp.question])
    expect(followUp.retrieval).not.toBeNull()
  })

  it('summarises into every gated metric', () => {
    const metrics = flattenRows(summarise(results).rows)
    for (const key of [...GATED_METRICS.test, ...GATED_METRICS.original]) expect(metrics).toHaveProperty(key)
    expect(metrics.refusalRecall).toBe(1)
    // fu-met-period-1 is the one multi-turn case: answered about scales, from the right passage.
    expect(metrics.followUpAccuracy).toBe(1)
  })
})
