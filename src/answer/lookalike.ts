import type { Concept } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { namesAThing } from '../text/segment.ts'
import { saysConcept } from './evidence.ts'

// What a bureau issues or checks: its look-alikes share the paper or the check (许可证, 证书, 检定) and
// differ in the thing it is for, written into it (食品生产许可证, CNAS认可证书, 燃气表年检).
const BUREAU_PAPER = /(?:许可证|执照|证书|证明|认证|认可|年检|检定|强检)$/
// Doings on such a paper that a guide states for its own matter only (备案, 查真假, 补办): a passage that does
// not say the doing tells of another matter.
const BUREAU_DOING = /^(?:备案|真假|真伪|补办)$/

const isMatter = (concept: Concept) => !concept.aspect && !concept.asks && !concept.filler && !concept.scene

/**
 * The things written right before `word` in the question, nearest first ("有机产品认证证书" → 产品认证, 有机);
 * for a bare paper or check with nothing written into it (not 9001证书, 免办证明), the thing it is for.
 */
function modifiersOf(question: PreparedQuestion, word: Concept): Concept[] {
  const start = question.folded.indexOf(word.word)
  const writtenBefore = (end: number, chain: Concept[]) =>
    question.concepts.find(
      (concept) =>
        isMatter(concept) && !chain.includes(concept) && question.folded.slice(0, end).endsWith(concept.word),
    )
  const chain: Concept[] = []
  let end = start
  for (let before = writtenBefore(end, chain); before && namesAThing(before.word); before = writtenBefore(end, chain)) {
    chain.push(before)
    end -= before.word.length
  }
  const bare = word.word === BUREAU_PAPER.exec(word.word)?.[0] && !writtenBefore(start, [])
  return bare ? nearestThingBefore(question, start) : chain
}

const CLAUSE_BREAK = /[，,；;。？?！!]/

/**
 * A bare paper or check with nothing written into it (许可证, 年检 — not ISO认证) is for the thing named last
 * before it in its clause: "燃气表也要每年年检吗", "开一家美容院需要办哪些许可证".
 */
function nearestThingBefore(question: PreparedQuestion, at: number): Concept[] {
  const clause = question.folded.slice(0, at).split(CLAUSE_BREAK).at(-1) ?? ''
  const before = question.concepts
    .filter((concept) => isMatter(concept) && namesAThing(concept.word) && clause.includes(concept.word))
    .sort((a, b) => clause.lastIndexOf(b.word) - clause.lastIndexOf(a.word))
  return before.slice(0, 1)
}

/**
 * The part of a bureau matter asked about that the passage does not say: the doing itself
 * ("备案" of "开专利代理机构要去哪里备案" against the plan's 蓝天行动) or what it is for, written into it
 * ("食品" of 食品生产许可证, "cnas" of CNAS认可证书 against the ISO guide's 证书真伪). The passage then tells
 * of a look-alike matter, however many of the other words it shares.
 */
export function unsaidBureauMatter(question: PreparedQuestion, chunk: ChunkRecord): Concept | undefined {
  // An English question is folded to a run of translated terms: no word there is written into another.
  if (question.english) return undefined
  return question.concepts
    .filter(isMatter)
    .flatMap((concept) => [
      ...(BUREAU_DOING.test(concept.word) ? [concept] : []),
      ...(BUREAU_PAPER.test(concept.word) ? modifiersOf(question, concept) : []),
    ])
    .find((concept) => concept.word.length > 1 && !saysConcept(concept, chunk.analysis.context))
}
