import { isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import { bareText } from '../text/fold.ts'
import { type Glossary, groupOf } from '../text/glossary.ts'
import { namesAQuantity } from '../text/segment.ts'
import { askedConcepts, coverageOfFolded } from './evidence.ts'
import { SUBJECT_MATTER_WEIGHT } from './tuning.ts'

/**
 * How the question names a document whose (bare) title is `title`: the terms of its words that name a
 * matter (not a general word, a year, or the place the documents are set in) and say part of the title — "质量月"
 * of 《2023年浦东新区“质量月”活动方案》, and of "质量月方案" a part the title says that is a glossary term (the
 * name inside the longer name), not its general words (质量, 方案).
 */
const namingTerms = (question: PreparedQuestion, title: string, glossary: Glossary): string[] =>
  candidateTermsOf(question, glossary).flatMap((terms) =>
    terms.flatMap(({ term, bared }) => (title.includes(bared) ? [term] : [])),
  )

type CandidateTerm = { term: string; bared: string }

/**
 * The terms that could name a document, per concept in the question's order (its alternatives, then its parts
 * that are glossary terms), each with its bare form: asked of every candidate's title (withoutRetellings) and
 * of every passage (speaksOfNamedOrder), they are found once per question, not once per title — the glossary
 * lookup of each part scans every group. Keyed by the concepts and the glossary, the only inputs they depend on.
 */
const candidateTerms = new WeakMap<Glossary, WeakMap<PreparedQuestion['concepts'], CandidateTerm[][]>>()

function candidateTermsOf(question: PreparedQuestion, glossary: Glossary): CandidateTerm[][] {
  const byConcepts = candidateTerms.get(glossary) ?? new WeakMap<PreparedQuestion['concepts'], CandidateTerm[][]>()
  candidateTerms.set(glossary, byConcepts)
  const known = byConcepts.get(question.concepts)
  if (known) return known
  const withBare = (term: string) => ({ term, bared: bareText(term) })
  const found = question.concepts
    .filter(
      (concept) =>
        isMatter(concept) &&
        !concept.setting &&
        !namesAQuantity(concept.word) &&
        concept.weight >= SUBJECT_MATTER_WEIGHT,
    )
    .map((concept) => [
      ...concept.alternatives.filter((term) => term.length > 1).map(withBare),
      ...concept.parts.filter((part) => part.length > 1 && groupOf(glossary, part) !== undefined).map(withBare),
    ])
  byConcepts.set(question.concepts, found)
  return found
}

/**
 * The documents that draw on the one titled `title`: guides whose `basis` cites it (the scale guide
 * cites the 质量月 plan whose item 4 it retells as 上门服务).
 */
export function drawingOn(passages: Iterable<ChunkRecord>, title: string): string[] {
  const source = bareText(title)
  const docIds = new Set<string>()
  for (const chunk of passages) if (bareText(chunk.meta.basis ?? '').includes(source)) docIds.add(chunk.docId)
  return [...docIds]
}

/** Whether the question names the document titled `title` by a word of that title ("质量月" of the plan). */
export const namesDocument = (question: PreparedQuestion, title: string, glossary: Glossary): boolean =>
  namingTerms(question, bareText(title), glossary).length > 0

/**
 * "质量月期间有没有上门检电子秤的活动", "质量月对CCC免办有啥新举措", "想做ISO9001认证，质量月方案里有没有相关帮扶":
 * a question that names a document by its title asks what that document says. A guide that draws on it
 * (its `basis` cites the document) would otherwise win on its own topic words: its passage retelling the
 * source ("浦东新区在2023年“质量月”活动中，曾指导…") is a second-hand account, and its other passages, saying
 * less of the question than the source's best (not the plan's 帮扶 for "质量月方案里有没有…帮扶"), answer the
 * guide's question, not this one. The source's passages answer instead; a guide's passage saying more of
 * the question stays. A question that does not name the source is answered from the guide as before.
 */
export function withoutRetellings(
  candidates: ScoredChunk[],
  question: PreparedQuestion,
  glossary: Glossary,
): ScoredChunk[] {
  const sources = new Map<string, { title: string; terms: string[]; coverage: number }>()
  const concepts = askedConcepts(question.concepts)
  const covers = (chunk: ScoredChunk) => coverageOfFolded(concepts, chunk.analysis.context)
  for (const chunk of candidates) {
    const title = bareText(chunk.title)
    const terms = sources.has(chunk.docId) ? [] : namingTerms(question, title, glossary)
    if (terms.length === 0) continue
    const coverage = Math.max(...candidates.filter((other) => other.docId === chunk.docId).map(covers))
    sources.set(chunk.docId, { title, terms, coverage })
  }
  if (sources.size === 0) return candidates
  const givesWay = (chunk: ScoredChunk) => {
    const basis = bareText(chunk.meta.basis ?? '')
    return [...sources].some(
      ([docId, source]) =>
        docId !== chunk.docId &&
        basis.includes(source.title) &&
        (source.terms.some((term) => chunk.analysis.own.includes(term)) || covers(chunk) < source.coverage),
    )
  }
  return candidates.filter((chunk) => !givesWay(chunk))
}
