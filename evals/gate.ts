import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

export const THRESHOLDS_PATH = fileURLToPath(new URL('./thresholds.json', import.meta.url))

/** The headline metrics CI holds the line on; the keys are those of the metric rows. */
export const GATED_METRICS = [
  'hybrid.hit@3',
  'citationPrecision',
  'markersResolve',
  'mustContain',
  'intentAccuracy',
  'refusalPrecision',
  'refusalRecall',
] as const

/** Where the system should get to; the thresholds only ratchet up towards these. */
export const TARGETS =
  'targets: hit@3 ≥ 0.95, citation precision ≥ 0.95, must-contain ≥ 0.9, intent ≥ 0.95, refusal precision and recall ≥ 0.95'

const ThresholdsSchema = z.strictObject(
  Object.fromEntries(GATED_METRICS.map((key) => [key, z.number().min(0).max(1)])) as Record<
    (typeof GATED_METRICS)[number],
    z.ZodNumber
  >,
)

export type Thresholds = z.output<typeof ThresholdsSchema>

/** Reads thresholds.json; a missing or unknown metric is an error, not a silently ungated one. */
export function loadThresholds(path = THRESHOLDS_PATH): Thresholds {
  const result = ThresholdsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
    throw new Error(`${path}: ${problems.join('; ')}`)
  }
  return result.data
}

export type GateFailure = { key: string; value: number | null; minimum: number }

/** The gated metrics below their minimum; a metric with no data (null) fails too, so nothing slips through. */
export function checkThresholds(metrics: Record<string, number | null>, thresholds: Thresholds): GateFailure[] {
  return GATED_METRICS.flatMap((key) => {
    const value = metrics[key] ?? null
    const minimum = thresholds[key]
    return value === null || value < minimum ? [{ key, value, minimum }] : []
  })
}
