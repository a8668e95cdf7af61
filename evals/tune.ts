/**
 * Tuning on the dev split only: `npm run eval -- --tune`. Never reads a test case (nor the
 * external set). Prints the chosen values of src/answer/tuning.ts; copy them there by hand, then
 * run `npm run eval` to see dev, test and the gap.
 *
 * 1. RANKING: the ranker is a weighted sum of features, so each feature is read once per candidate
 *    (by ranking with that weight alone set to 1), and every point of the grid re-ranks from those.
 *    Objective: MRR of the gold passage over the dev cases that should be answered, then hit@1.
 * 2. GROUNDING: the extractive answerer's refusal thresholds, over the dev single-turn questions
 *    (answerable and not) that reach it; objective: share of right answer-or-refuse decisions, then
 *    refusal precision.
 */
import { rankingInputs } from '../src/answer/answer-question.ts'
import { composeExtractiveAnswer, weighEvidence } from '../src/answer/extractive.ts'
import { GROUNDING, RANKING } from '../src/answer/tuning.ts'
import { type PreparedQuestion, prepareQuestion } from '../src/query/prepare-question.ts'
import type { ScoredChunk } from '../src/retrieval/search.ts'
import { type EvalCase, loadCases } from './cases.ts'
import { gridSearch, withValue } from './grid-search.ts'
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
}

const oneHot = (key: WeightKey): Weights => ({ ...Object.fromEntries(KEYS.map((k) => [k, 0])), [key]: 1 }) as Weights
const idOf = (chunk: ScoredChunk) => chunk.id

/** Each candidate's features, read off the ranker itself; fails when the ranker is not linear in RANKING. */
function featuresOf(question: PreparedQuestion, candidates: ScoredChunk[]): Array<Record<WeightKey, number>> {
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
    const chosenRanking = gridSearch(rankingGrid, RANKING, (weights) => rankingScore(ranking, weights))
    const names = ['MRR', 'hit@1', 'hit@3']
    console.log(`RANKING — ${ranking.length} dev cases, ${chosenRanking.points} grid points`)
    console.log(`  today   ${format(RANKING)}: ${figures(names, rankingScore(ranking, RANKING))}`)
    console.log(`  chosen  ${format(chosenRanking.weights)}: ${figures(names, chosenRanking.score)}`)

    const grounding = await groundingCases(system, dev)
    const groundingGrid = Object.fromEntries(
      Object.entries(GROUNDING_GRID).map(([key, values]) => [
        key,
        withValue(values, GROUNDING[key as keyof typeof GROUNDING]),
      ]),
    ) as Record<keyof typeof GROUNDING, number[]>
    const chosenGrounding = gridSearch(groundingGrid, GROUNDING, (values) => groundingScore(grounding, values))
    const groundingNames = ['right decisions', 'refusal precision']
    console.log(`\nGROUNDING — ${grounding.length} dev single-turn questions, ${chosenGrounding.points} grid points`)
    console.log(`  today   ${format(GROUNDING)}: ${figures(groundingNames, groundingScore(grounding, GROUNDING))}`)
    console.log(`  chosen  ${format(chosenGrounding.weights)}: ${figures(groundingNames, chosenGrounding.score)}`)
    console.log('\nCopy the chosen values into src/answer/tuning.ts; then `npm run eval` shows dev, test and the gap.')
  } finally {
    await system.close()
  }
}
