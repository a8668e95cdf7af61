/**
 * Tuning on the dev split only: `npm run eval -- --tune`. Never reads a test case (nor the
 * external set). Prints the best values for src/answer/tuning.ts and whether they should replace
 * today's; a change is copied there by hand, then `npm run eval` shows dev, test and the gap.
 *
 * 1. RANKING: the ranker is a weighted sum of features, so each feature is read once per candidate
 *    (by ranking with that weight alone set to 1), and every value tried re-ranks from those. Each weight
 *    is tried alone over its steps, the others held (a joint grid of 21 weights never ends).
 *    Objective: MRR of the gold passage over the dev cases that should be answered, then hit@1.
 * 2. GROUNDING: the extractive answerer's refusal thresholds, each alone, over the dev single-turn
 *    questions (answerable and not) that reach it; objective: share of right answer-or-refuse decisions,
 *    then refusal precision.
 * A value replaces today's values only when it beats them by more than one standard error of
 * the objective on dev: with ~120 dev cases a smaller gain is noise, and measured on the test split
 * such gains did not hold (a +0.018 dev MRR point lost 0.016 test hit@3).
 */
import { rankingInputs } from '../src/answer/answer-question.ts'
import { composeExtractiveAnswer, weighEvidence } from '../src/answer/extractive.ts'
import { GROUNDING, RANKING } from '../src/answer/tuning.ts'
import { type PreparedQuestion, prepareQuestion } from '../src/query/prepare-question.ts'
import type { ScoredChunk } from '../src/retrieval/search.ts'
import { type EvalCase, loadCases } from './cases.ts'
import { better, gridSearch, withValue } from './grid-search.ts'
import { passageMatches } from './metrics/retrieval.ts'
import { createEvalSystem, type EvalSystem, injectChat } from './system.ts'

type Weights = typeof RANKING
type WeightKey = keyof Weights
const KEYS = Object.keys(RANKING) as WeightKey[]

/** A dev case ready to be re-ranked: each candidate's features and whether it is a gold passage. */
type RankingCase = { features: Array<Record<WeightKey, number>>; relevant: boolean[] }

const RANKING_STEPS = [0, 0.2, 0.4, 0.6, 0.8, 1]
const GROUNDING_GRID = {
  minCoverage: [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65],
  minSupport: [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55],
  maxUnknownShare: [0.5, 0.6, 0.7, 0.8, 0.9],
  minMatter: [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5],
}

const oneHot = (key: WeightKey): Weights => ({ ...Object.fromEntries(KEYS.map((k) => [k, 0])), [key]: 1 }) as Weights
const idOf = (chunk: ScoredChunk) => chunk.id

/** Each candidate's features, read off the ranker itself; fails when the ranker is not linear in RANKING. */
export function featuresOf(question: PreparedQuestion, candidates: ScoredChunk[]): Array<Record<WeightKey, number>> {
  const byKey = KEYS.map(
    (key) => new Map(weighEvidence(question, candidates, oneHot(key)).map((e) => [idOf(e.chunk), e.rank])),
  )
  const features = candidates.map(
    (chunk) =>
      Object.fromEntries(KEYS.map((key, index) => [key, byKey[index]?.get(chunk.id) ?? 0])) as Record<
        WeightKey,
        number
      >,
  )
  for (const item of weighEvidence(question, candidates, RANKING)) {
    const own = features[candidates.indexOf(item.chunk)] as Record<WeightKey, number>
    const sum = KEYS.reduce((total, key) => total + RANKING[key] * own[key], 0)
    if (Math.abs(sum - item.rank) > 1e-6)
      throw new Error('weighEvidence is no longer a weighted sum of RANKING: evals/tune.ts must learn its new form')
  }
  return features
}

/** Rank of the best gold passage under `weights` (ties counted against it); null when none was retrieved. */
function goldRank(item: RankingCase, weights: Weights): number | null {
  const scores = item.features.map((f) => KEYS.reduce((sum, key) => sum + weights[key] * f[key], 0))
  const gold = scores.filter((_, index) => item.relevant[index])
  if (gold.length === 0) return null
  const best = Math.max(...gold)
  return 1 + scores.filter((score, index) => !item.relevant[index] && score >= best).length
}

async function rankingCases(system: EvalSystem, cases: EvalCase[]): Promise<RankingCase[]> {
  const send = injectChat(system.app)
  const prepared: RankingCase[] = []
  for (const c of cases) {
    if (!c.grounded || !c.docId || !c.section) continue
    // A follow-up is ranked in the form the assistant resolved it to, as the eval does.
    let sessionId: string | undefined
    for (const message of c.history ?? [])
      sessionId ??= (await send({ message, sessionId, audience: c.audience })).sessionId
    const { resolvedQuery } = await send({ message: c.question, sessionId, audience: c.audience })
    const { question, candidates } = await rankingInputs(
      system.assistant,
      prepareQuestion(resolvedQuery, system.assistant),
    )
    const expected = { docId: c.docId, section: c.section }
    prepared.push({
      features: featuresOf(question, candidates),
      relevant: candidates.map((chunk) => passageMatches(expected, chunk)),
    })
  }
  return prepared
}

/** Standard error of a mean of per-case values. */
function standardError(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(values.length - 1, 1)
  return Math.sqrt(variance / values.length)
}

const reciprocalRanks = (items: RankingCase[], weights: Weights) =>
  items.map((item) => {
    const rank = goldRank(item, weights)
    return rank === null ? 0 : 1 / rank
  })

function rankingScore(items: RankingCase[], weights: Weights): number[] {
  const ranks = items.map((item) => goldRank(item, weights))
  const mrr = ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0) / items.length
  const hit1 = ranks.filter((rank) => rank === 1).length / items.length
  const hit3 = ranks.filter((rank) => rank !== null && rank <= 3).length / items.length
  return [mrr, hit1, hit3]
}

type GroundingCase = { question: PreparedQuestion; candidates: ScoredChunk[]; shouldAnswer: boolean }

async function groundingCases(system: EvalSystem, cases: EvalCase[]): Promise<GroundingCase[]> {
  const prepared: GroundingCase[] = []
  for (const c of cases) {
    // Only what reaches the extractive answerer: single-turn questions, not an article looked up by number.
    if (c.history?.length || !['policy_question', 'event_inquiry'].includes(c.intent)) continue
    const { question, candidates } = await rankingInputs(
      system.assistant,
      prepareQuestion(c.question, system.assistant),
    )
    if (question.article?.orderNo) continue
    prepared.push({ question, candidates, shouldAnswer: c.grounded })
  }
  return prepared
}

const decisions = (items: GroundingCase[], grounding: typeof GROUNDING): number[] =>
  items.map((item) =>
    composeExtractiveAnswer(item.question, item.candidates, grounding).grounded === item.shouldAnswer ? 1 : 0,
  )

function groundingScore(items: GroundingCase[], grounding: typeof GROUNDING): number[] {
  let right = 0
  let refused = 0
  let rightlyRefused = 0
  for (const item of items) {
    const answered = composeExtractiveAnswer(item.question, item.candidates, grounding).grounded
    if (answered === item.shouldAnswer) right += 1
    if (!answered) {
      refused += 1
      if (!item.shouldAnswer) rightlyRefused += 1
    }
  }
  return [right / items.length, refused === 0 ? 0 : rightlyRefused / refused]
}

const format = (values: Record<string, number>) =>
  `{ ${Object.entries(values)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`
const figures = (names: string[], score: number[]) =>
  names.map((name, i) => `${name} ${score[i]?.toFixed(3)}`).join(', ')

/** The verdict line: a gain within one standard error keeps today's values. */
function verdict(
  todayScore: number,
  bestScore: number,
  error: number,
  best: Record<string, number>,
  today: Record<string, number>,
) {
  const gain = bestScore - todayScore
  if (format(best) === format(today)) return '  → today’s values are the best point of the grid: keep them'
  return gain > error
    ? `  → use ${format(best)}: +${gain.toFixed(3)} on dev, more than one standard error (${error.toFixed(3)})`
    : `  → keep today’s values: the best point gains ${gain.toFixed(3)}, within one standard error (${error.toFixed(3)})`
}

/**
 * Each value of `grid` tried alone, the others held at `current`: a search that stays bounded however many
 * weights the ranker has (the joint grid of its 21 weights would be 6^21 points), and the only kind whose
 * gains held on the test split. Returns every key's best point, best first.
 */
function eachAlone<K extends string>(
  grid: Record<K, number[]>,
  current: Record<K, number>,
  score: (values: Record<K, number>) => number[],
): Array<{ key: K; values: Record<K, number>; score: number[] }> {
  const keys = Object.keys(grid) as K[]
  return keys
    .map((key) => {
      const alone = gridSearch({ [key]: grid[key] } as Record<K, number[]>, current, (values) =>
        score({ ...current, ...values }),
      )
      return { key, values: { ...current, ...alone.weights }, score: alone.score }
    })
    .sort((a, b) => better(b.score, a.score))
}

export async function runTuning(): Promise<void> {
  const dev = loadCases().filter((c) => c.split === 'dev')
  // An empty environment: the offline embedder and no LLM, as CI's eval runs.
  const system = await createEvalSystem({ env: {} })
  try {
    const ranking = await rankingCases(system, dev)
    const rankingGrid = Object.fromEntries(KEYS.map((key) => [key, withValue(RANKING_STEPS, RANKING[key])])) as Record<
      WeightKey,
      number[]
    >
    const names = ['MRR', 'hit@1', 'hit@3']
    const rankingAlone = eachAlone(rankingGrid, RANKING, (weights) => rankingScore(ranking, weights))
    console.log(`RANKING — ${ranking.length} dev cases, each of ${KEYS.length} weights alone, the others held`)
    console.log(`  today   ${format(RANKING)}: ${figures(names, rankingScore(ranking, RANKING))}`)
    for (const { key, values, score } of rankingAlone)
      console.log(`    ${key}: best ${values[key]} (${figures(names, score)}; today ${RANKING[key]})`)
    const bestRanking = rankingAlone[0]
    if (bestRanking) {
      const todayRanking = rankingScore(ranking, RANKING)[0] as number
      const rankingError = standardError(reciprocalRanks(ranking, RANKING))
      console.log(verdict(todayRanking, bestRanking.score[0] as number, rankingError, bestRanking.values, RANKING))
    }

    const grounding = await groundingCases(system, dev)
    const groundingGrid = Object.fromEntries(
      Object.entries(GROUNDING_GRID).map(([key, values]) => [
        key,
        withValue(values, GROUNDING[key as keyof typeof GROUNDING]),
      ]),
    ) as Record<keyof typeof GROUNDING, number[]>
    const groundingNames = ['right decisions', 'refusal precision']
    const groundingAlone = eachAlone(groundingGrid, GROUNDING, (values) => groundingScore(grounding, values))
    console.log(`\nGROUNDING — ${grounding.length} dev single-turn questions, each threshold alone, the others held`)
    console.log(`  today   ${format(GROUNDING)}: ${figures(groundingNames, groundingScore(grounding, GROUNDING))}`)
    for (const { key, values, score } of groundingAlone)
      console.log(`    ${key}: best ${values[key]} (${figures(groundingNames, score)}; today ${GROUNDING[key]})`)
    const bestGrounding = groundingAlone[0]
    if (bestGrounding) {
      const todayDecisions = decisions(grounding, GROUNDING)
      const todayRight = todayDecisions.reduce((sum, value) => sum + value, 0) / todayDecisions.length
      console.log(
        verdict(
          todayRight,
          bestGrounding.score[0] as number,
          standardError(todayDecisions),
          bestGrounding.values,
          GROUNDING,
        ),
      )
    }
    console.log(
      '\nA value to use goes into src/answer/tuning.ts by hand; then `npm run eval` shows dev, test and the gap.',
    )
  } finally {
    await system.close()
  }
}
