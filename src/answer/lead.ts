import { answerCueOf } from '../query/answer-types.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { headerOf } from '../retrieval/chunk-analysis.ts'
import { answersTypes, bodyOf, coverage, type Evidence } from './evidence.ts'
import { LEAD_CUE } from './tuning.ts'

type Sentence = Evidence['sentences'][number]

/**
 * The sentence of a passage that states what was asked. Of the sentences giving the kind of fact asked
 * for (if any), the one that says most of what the question adds to the document and section names —
 * in "纲要对制造业质量竞争力指数定的目标是多少" the section "主要目标" already says 目标, so
 * "《纲要》…细化了2025年目标" is not the answer and "制造业质量竞争力指数要达到86" is — with a bonus
 * for holding what the question word wants (a number for 多少, a cause for 为什么, an enumeration for a
 * list). Earliest on a tie.
 */
export function leadSentence(evidence: Evidence, question: PreparedQuestion): Sentence | undefined {
  const sentences = bodyOf(evidence)
  const giving = sentences.filter((sentence) => answersTypes(question.answerTypes, sentence.text))
  const pool = giving.length > 0 ? giving : sentences
  const header = headerOf(evidence.chunk)
  const focus = question.concepts.filter((concept) => concept.known && coverage([concept], header) < 1)
  const cue = answerCueOf(question)
  const score = (sentence: Sentence) =>
    (focus.length > 0 ? coverage(focus, sentence.text) : sentence.coverage) + (cue?.test(sentence.text) ? LEAD_CUE : 0)
  const scored = pool.map((sentence) => ({ sentence, score: score(sentence) }))
  scored.sort(
    (a, b) => b.score - a.score || b.sentence.coverage - a.sentence.coverage || a.sentence.start - b.sentence.start,
  )
  return scored[0]?.sentence
}
