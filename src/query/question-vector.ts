import type { Embedder } from '../embedding/index.ts'
import type { PreparedQuestion } from './prepare-question.ts'

type Embeddable = Pick<PreparedQuestion, 'embeddingText'>

const vectors = new WeakMap<Embeddable, { embedder: Embedder; vector: Promise<number[]> }>()

/**
 * The prepared question's one embedding: the FAQ match and the search of the same turn share it,
 * so a remote embedder is asked once per question, not once per step.
 */
export function embedQuestion(embedder: Embedder, question: Embeddable): Promise<number[]> {
  const known = vectors.get(question)
  if (known?.embedder === embedder) return known.vector
  const vector = embedder.embedQuery(question.embeddingText)
  vectors.set(question, { embedder, vector })
  return vector
}
