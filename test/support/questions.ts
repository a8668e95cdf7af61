import type { Concept } from '../../src/query/concepts.ts'
import { type PreparedQuestion, prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'

/**
 * Questions prepared as a turn prepares them, over a small glossary (`groups`) and a store whose passages give the
 * vocabulary: what the query tests set up in each file.
 */
export function questionsOver(groups: string[][], passages: readonly string[]) {
  const context = { glossary: { groups, english: [] }, vocabulary: createVocabulary([...passages]) }
  const prepare = (text: string): PreparedQuestion => prepareQuestion(text, context)
  /** The words of the prepared question that `pick` selects: its filler, its story, its scene. */
  const wordsWhere = (text: string, pick: (concept: Concept) => boolean): string[] =>
    prepare(text)
      .concepts.filter(pick)
      .map((concept) => concept.word)
  return { prepare, wordsWhere }
}
