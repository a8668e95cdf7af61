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

/** The things written right before `word` in the question, nearest first ("有机产品认证证书" → 产品认证, 有机). */
function modifiersOf(question: PreparedQuestion, word: Concept): Concept[] {
  const chain: Concept[] = []
  let end = question.folded.indexOf(word.word)
  for (;;) {
    const before = question.concepts.find(
      (concept) =>
        isMatter(concept) &&
        namesAThing(concept.word) &&
        !chain.includes(concept) &&
        question.folded.slice(0, end).endsWith(concept.word),
    )
    if (!before) return chain
    chain.push(before)
    end -= before.word.length
  }
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
