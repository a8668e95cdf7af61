/**
 * The outside check: `npm run eval -- --external ../shared/external/cmrc2018-trial [--url http://host:port]`.
 * A folder of passages (`knowledge/`) and its questions (`questions.jsonl`: `{id, q, docId, answers[]}`):
 * the CMRC2018 trial set (CC BY-SA 4.0), which nobody tunes on, or the project's own `evals/general`,
 * the dev set of the same class of question that rules and weights may be tuned on.
 * The folder is ingested into a fresh in-memory PGlite of its own; each question is asked through
 * POST /api/chat (in-process with app.inject, or a server started with KNOWLEDGE_DIR set to the same
 * folder when --url is given).
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { z } from 'zod'
import { rankPassages } from '../src/answer/answer-question.ts'
import type { ChatResponse } from '../src/conversation/turn.ts'
import { prepareQuestion } from '../src/query/prepare-question.ts'
import { foldText } from '../src/text/fold.ts'
import { checkThresholds, loadThresholds } from './gate.ts'
import { hitAtK } from './metrics/retrieval.ts'
import { ratio } from './metrics/stats.ts'
import { formatTable, writeReport } from './report.ts'
import type { MetricRow } from './summary.ts'
import { createEvalSystem, fetchChat, injectChat } from './system.ts'

const QuestionSchema = z.object({
  id: z.string().min(1),
  q: z.string(),
  docId: z.string().min(1),
  answers: z.array(z.string().min(1)).min(1),
})
export type ExternalQuestion = z.output<typeof QuestionSchema>

/** What one question got: where the gold passage ranked, and what the answer did with it. */
export type ExternalResult = {
  id: string
  question: string
  docId: string
  /** 1-based rank of the gold passage among the ranked passages; null when not among them. */
  rank: number | null
  cited: boolean
  answered: boolean
  /** Declined as out of scope (or routed away from answering) rather than refused by a gate. */
  declined: boolean
  refusalReason: string | null
  holdsSpan: boolean
  answer: string
}

/** Parses questions.jsonl; a bad line throws with its number. Empty questions (the data set has one) are kept here and skipped by the run. */
export function parseQuestions(text: string): ExternalQuestion[] {
  return text.split('\n').flatMap((line, index) => {
    if (!line.trim()) return []
    const parsed = QuestionSchema.safeParse(JSON.parse(line))
    if (!parsed.success) throw new Error(`questions.jsonl:${index + 1}: ${parsed.error.issues[0]?.message}`)
    return [parsed.data]
  })
}

// Compared folded and without white space: the stored chunk keeps the text, but ingest may rewrap lines.
const comparable = (text: string) => foldText(text).replace(/\s+/g, '')

/** Whether the answer holds one of the gold answer spans. */
export const holdsGoldSpan = (answer: string, spans: readonly string[]): boolean =>
  spans.some((span) => comparable(answer).includes(comparable(span)))

export function judgeExternal(
  question: ExternalQuestion,
  response: ChatResponse,
  rankedDocIds: readonly string[],
): ExternalResult {
  const index = rankedDocIds.indexOf(question.docId)
  const declined = !response.grounded && !['policy_question', 'event_inquiry'].includes(response.intent)
  return {
    id: question.id,
    question: question.q,
    docId: question.docId,
    rank: index < 0 ? null : index + 1,
    cited: response.grounded && response.citations.some((citation) => citation.docId === question.docId),
    answered: response.grounded,
    declined,
    refusalReason: response.refusalReason ?? (declined ? response.intent : null),
    holdsSpan: response.grounded && holdsGoldSpan(response.answer, question.answers),
    answer: response.answer,
  }
}

/** The external figures, keyed as thresholds.json's `external` scope. */
export function summariseExternal(results: readonly ExternalResult[]): MetricRow[] {
  const ranks = results.map((result) => result.rank)
  const n = results.length
  const share = (key: string, label: string, count: number, of = 'questions'): MetricRow => ({
    key,
    label,
    value: ratio(count, n),
    basis: `${count}/${n} ${of}`,
    unit: 'ratio',
  })
  const within = (k: number) => ranks.filter((rank) => rank !== null && rank <= k).length
  return [
    ...[1, 3, 5].map((k) => ({
      ...share(`recall@${k}`, `gold passage in top ${k}`, within(k)),
      value: hitAtK(ranks, k),
    })),
    share('cited', 'gold passage cited', results.filter((result) => result.cited).length),
    share('answerHoldsSpan', 'answer holds a gold span', results.filter((result) => result.holdsSpan).length),
    share('answered', 'answered', results.filter((result) => result.answered).length),
    share('refused', 'refused by a gate', results.filter((result) => !result.answered && !result.declined).length),
    share('declined', 'declined (out of scope)', results.filter((result) => result.declined).length),
  ]
}

function describeMiss(result: ExternalResult): string | null {
  const problems = [
    result.rank === null || result.rank > 3 ? `gold ${result.docId} ranked ${result.rank ?? '–'}` : null,
    !result.answered
      ? `${result.declined ? 'declined' : 'refused'} [${result.refusalReason ?? 'no reason given'}]`
      : null,
    result.answered && !result.holdsSpan ? 'no gold span in the answer' : null,
  ].filter(Boolean)
  return problems.length > 0 ? `  ${result.id}  ${result.question}  → ${problems.join('; ')}` : null
}

const MISSES_SHOWN = 40

/**
 * The one folder thresholds.json's `external` minimums were measured on. Another folder (evals/general,
 * a dev set tuned on) is reported against no minimum: its figures say nothing about unseen text.
 */
export const GATED_FOLDER = 'cmrc2018-trial'

/** Runs the check and prints it; returns the exit code (1 when a gated figure is below its minimum). */
export async function runExternalCheck(options: {
  dir: string
  url?: string
  out?: string
  /** List the held-out folder's misses too (for a closing report: reading them while changing rules tunes on it). */
  heldOutMisses?: boolean
}): Promise<number> {
  const dir = resolve(options.dir)
  const questionsPath = join(dir, 'questions.jsonl')
  const knowledgeDir = join(dir, 'knowledge')
  if (!existsSync(questionsPath) || !existsSync(knowledgeDir)) {
    console.error(`${dir}: expected questions.jsonl and knowledge/ (see the folder's README)`)
    return 2
  }
  const all = parseQuestions(readFileSync(questionsPath, 'utf8'))
  // POST /api/chat rightly rejects an empty message: such a line asks nothing to measure.
  const questions = all.filter((question) => question.q.trim() !== '')
  const skipped = all.filter((question) => question.q.trim() === '').map((question) => question.id)
  const thresholds = loadThresholds()
  const started = performance.now()
  // An empty environment but the folder: the offline embedder and no LLM, as CI runs it.
  const system = await createEvalSystem({ env: { KNOWLEDGE_DIR: knowledgeDir } })
  const results: ExternalResult[] = []
  try {
    console.error(
      `${questions.length} questions → ${options.url ? `${options.url}/api/chat` : 'in-process app (app.inject)'}; ` +
        `${knowledgeDir} ingested in ${system.description.ingestMs} ms`,
    )
    const send = options.url ? fetchChat(options.url) : injectChat(system.app)
    for (const question of questions) {
      const response = await send({ message: question.q })
      const ranked = await rankPassages(system.assistant, prepareQuestion(response.resolvedQuery, system.assistant))
      results.push(
        judgeExternal(
          question,
          response,
          ranked.map((passage) => passage.docId),
        ),
      )
      if (results.length % 50 === 0) process.stderr.write(`  ${results.length}/${questions.length} questions\n`)
    }
  } finally {
    await system.close()
  }
  const rows = summariseExternal(results)
  const metrics = Object.fromEntries(rows.map((row) => [row.key, row.value]))
  const gated = basename(dir) === GATED_FOLDER
  const failures = gated ? checkThresholds('external', metrics, thresholds) : []
  const misses = results.flatMap((result) => describeMiss(result) ?? [])
  console.log(`\nexternal check — ${dir}, ${questions.length} questions, ${options.url ?? 'in-process'}`)
  if (skipped.length > 0) console.log(`skipped, empty in the data set: ${skipped.join(', ')}`)
  console.log(gated ? formatTable(rows, thresholds.external, failures) : formatTable(rows, {}, null))
  if (!gated) console.log(`not gated: the minimums are those of ${GATED_FOLDER}`)
  if (gated && !options.heldOutMisses) {
    console.log(`\n${misses.length} misses, not listed: this folder is held out (--test-misses lists them)`)
  } else {
    console.log(`\nmisses (${misses.length}${misses.length > MISSES_SHOWN ? `, first ${MISSES_SHOWN}` : ''})`)
    console.log(misses.slice(0, MISSES_SHOWN).join('\n') || 'no misses')
  }
  const out = options.out ?? `evals/reports/external-${basename(dir)}.json`
  writeReport(out, {
    generatedAt: new Date().toISOString(),
    target: options.url ?? 'in-process',
    dir,
    metrics,
    results,
  })
  console.log(`\nreport: ${out}; ${((performance.now() - started) / 1000).toFixed(1)} s`)
  for (const failure of failures) {
    const value = failure.value === null ? 'no data' : failure.value.toFixed(3)
    console.log(`BELOW THRESHOLD: external ${failure.key} = ${value} < ${failure.minimum.toFixed(2)}`)
  }
  return failures.length > 0 ? 1 : 0
}
