import type { CaseResult } from './harness.ts'
import type { PassageLocation } from './metrics/retrieval.ts'

export const MISS_KINDS = [
  'retrieval miss@3',
  'wrong citation',
  'missing must-contain',
  'unresolved marker',
  'wrong intent',
  'wrong refusal',
] as const
export type MissKind = (typeof MISS_KINDS)[number]

/** One thing a case got wrong, said in a line: what was expected and what came instead. */
export type Miss = { kind: MissKind; id: string; split: CaseResult['split']; question: string; detail: string }

const clip = (text: string, length: number) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length)}…` : flat
}

/**
 * A passage in a few words: the first and last heading of its path (the last is the specific one),
 * and its article when the headings do not already say it.
 */
export function describePassage(passage: PassageLocation): string {
  const parts = passage.section.split(' > ')
  const path = parts.length > 2 ? [parts[0], '…', parts.at(-1)] : parts
  const section = path.map((part) => clip(part ?? '', 24)).join(' > ')
  const locator = passage.locator && !passage.section.includes(passage.locator) ? ` ${passage.locator}` : ''
  return `${passage.docId} §${section}${/^第.+条/.test(locator.trim()) ? locator : ''}`
}

const expectedOf = (result: CaseResult) => `${result.expected.docId} /${result.expected.section}/`
const rankText = (rank: number | null) => (rank === null ? '–' : String(rank))
// Which gate refused: the lead of every refusal miss, so that a run shows which gate to look at.
const refusedBy = (result: CaseResult) =>
  `refused [${result.response.refusalReason ?? 'no reason given'}] (${result.response.intent})`

function retrievalMiss(result: CaseResult): string | null {
  const retrieval = result.retrieval
  if (!retrieval || (retrieval.hybrid.rank !== null && retrieval.hybrid.rank <= 3)) return null
  const got = retrieval.hybrid.top
    .slice(0, 3)
    .map((passage, index) => `${index + 1}. ${describePassage(passage)}`)
    .join('  ')
  const query = result.response.resolvedQuery !== result.question ? ` query “${result.response.resolvedQuery}”;` : ''
  const ranks = `hybrid ${rankText(retrieval.hybrid.rank)}, lexical ${rankText(retrieval.lexical.rank)}, vector ${rankText(retrieval.vector.rank)}`
  return `expected ${expectedOf(result)} (rank ${ranks});${query} got ${got || 'nothing'}`
}

function citationMiss(result: CaseResult): string | null {
  if (!result.citations || result.citations.matched === result.citations.total) return null
  const cited = result.response.citations.map((citation) => `[${citation.n}] ${describePassage(citation)}`).join('  ')
  return `expected ${expectedOf(result)}; cited ${result.citations.matched}/${result.citations.total} matching: ${cited}`
}

function mustContainMiss(result: CaseResult): string | null {
  const verdict = result.mustContain
  if (!verdict || verdict.passed) return null
  const patterns = verdict.missing.map((pattern) => `/${pattern}/`).join(' ')
  if (!result.response.grounded)
    return `${refusedBy(result)}: needs ${patterns}; said “${clip(result.response.answer, 50)}”`
  return `missing ${patterns} in “${clip(result.response.answer, 70)}”`
}

function refusalMiss(result: CaseResult): string | null {
  const { expected, response } = result
  if (expected.grounded === response.grounded) return null
  if (!expected.grounded) {
    const cited = response.citations.map(describePassage).slice(0, 2).join('  ')
    const how = response.refusalReason === 'partial' ? 'answered in part' : 'answered grounded'
    return `should refuse, ${how} (${response.intent}) citing ${cited || 'nothing'}: “${clip(response.answer, 50)}”`
  }
  return `should answer from ${expectedOf(result)}, ${refusedBy(result)}: “${clip(response.answer, 50)}”`
}

/** Every miss of every case, grouped by kind in the order of MISS_KINDS. */
export function listMisses(results: readonly CaseResult[]): Miss[] {
  const misses: Miss[] = []
  const add = (kind: MissKind, result: CaseResult, detail: string | null) => {
    if (detail !== null) misses.push({ kind, id: result.id, split: result.split, question: result.question, detail })
  }
  for (const result of results) {
    add('retrieval miss@3', result, retrievalMiss(result))
    add('wrong citation', result, citationMiss(result))
    add('missing must-contain', result, mustContainMiss(result))
    const markers = result.unresolvedMarkers.map((n) => `[${n}]`).join(' ')
    add(
      'unresolved marker',
      result,
      markers ? `${markers} cite nothing (${result.response.citations.length} citations)` : null,
    )
    const { expected, response } = result
    add(
      'wrong intent',
      result,
      expected.intent === response.intent ? null : `expected ${expected.intent}, got ${response.intent}`,
    )
    add('wrong refusal', result, refusalMiss(result))
  }
  return misses.sort((a, b) => MISS_KINDS.indexOf(a.kind) - MISS_KINDS.indexOf(b.kind))
}
