import type { AnswerDeps } from '../answer/answer-question.ts'
import { asksForMore, type PreparedQuestion, prepareQuestion } from '../query/prepare-question.ts'
import { type ChunkRecord, documentChunks } from '../retrieval/chunks-repo.ts'
import { findListItem, findQuotedPassage, listLevelOf, listOrdinalOf } from './list-item.ts'
import type { Subject } from './subject.ts'

/** Passages of the subject's document that a message points at rather than asks a search for. */

// "跟药有关的呢" narrows to 药: 有关 is how the narrowing is said, and no passage need say it.
const NARROWED_TO = /^(?:那)?(?:跟|和|与|同|关于)?(.+?)(?:有关|相关|方面|类)的(?:呢|吗|有哪些|有没有)/

/**
 * "跟药有关的呢": the narrowing words prepared alone (still leaning on the list, so never answered from
 * another document), and the passages of the subject's document that say them — the search may rank
 * none of those ("药" is said only inside "药品经营").
 */
export function narrowedList(deps: AnswerDeps, question: PreparedQuestion, subject: Subject) {
  const words = NARROWED_TO.exec(question.folded)?.[1]
  if (!words) return null
  const narrowed = { ...prepareQuestion(words, deps), leansOnContext: true }
  const said = narrowed.concepts.filter((concept) => concept.known)
  if (said.length === 0) return null
  const passages = documentChunks(deps.passages, subject.docId).filter((chunk) =>
    said.every((concept) => concept.alternatives.some((term) => chunk.analysis.own.includes(term))),
  )
  return { narrowed, passages }
}

/** The passages the latest answer quoted, in its document. */
export function quotedPassages(deps: AnswerDeps, subject: Subject): ChunkRecord[] {
  const quoted = new Set(subject.quoted ?? [])
  if (quoted.size === 0) return []
  return documentChunks(deps.passages, subject.docId).filter((chunk) => quoted.has(chunk.locator ?? ''))
}

/**
 * The passage a message points at: "第四个详细讲讲" the item of that number in the list the last answer
 * quoted (when it quoted a list), "举几个例子" the passage it quoted first.
 */
export function pointedPassage(deps: AnswerDeps, question: PreparedQuestion, subject: Subject) {
  const quoted = subject.quoted ?? []
  const n = question.article === null ? listOrdinalOf(question.folded) : null
  const level = listLevelOf(quoted)
  if (n !== null && level !== null) return findListItem(deps.passages, subject.docId, quoted, level, n)
  return asksForMore(question.folded) ? findQuotedPassage(deps.passages, subject.docId, quoted[0] ?? '') : null
}
