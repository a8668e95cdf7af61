/** Turns text into vectors of one fixed dimension; `model` names the vector space. */
export type Embedder = {
  readonly model: string
  readonly dimension: number
  embedDocuments(texts: string[]): Promise<number[][]>
  embedQuery(text: string): Promise<number[]>
}

export function normaliseL2(vector: number[]): number[] {
  let sum = 0
  for (const value of vector) sum += value * value
  const norm = Math.sqrt(sum)
  return norm === 0 ? vector : vector.map((value) => value / norm)
}
