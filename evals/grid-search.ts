/**
 * Exhaustive search over a grid of named weights. The best point maximises `score` (compared
 * lexicographically: the first number, then the next…); ties go to the point nearest to `current`
 * (L1), so that a re-run on unchanged data keeps today's values rather than wandering along a plateau.
 */
export type Grid<K extends string> = Record<K, readonly number[]>

export type GridResult<K extends string> = { weights: Record<K, number>; score: number[]; points: number }

const distance = <K extends string>(a: Record<K, number>, b: Record<K, number>, keys: K[]) =>
  keys.reduce((sum, key) => sum + Math.abs(a[key] - b[key]), 0)

/** Positive when score `a` is better than `b`, read lexicographically; 0 below float noise. */
export function better(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const delta = (a[i] ?? 0) - (b[i] ?? 0)
    // Below float noise, two scores are equal: the tie then goes to the nearer point.
    if (Math.abs(delta) > 1e-9) return delta
  }
  return 0
}

export function gridSearch<K extends string>(
  grid: Grid<K>,
  current: Record<K, number>,
  score: (weights: Record<K, number>) => number[],
): GridResult<K> {
  const keys = Object.keys(grid) as K[]
  let best: { weights: Record<K, number>; score: number[] } | null = null
  let points = 0
  const point = {} as Record<K, number>
  const visit = (depth: number) => {
    if (depth === keys.length) {
      points += 1
      const weights = { ...point }
      const value = score(weights)
      const comparison = best === null ? 1 : better(value, best.score)
      if (
        best === null ||
        comparison > 0 ||
        (comparison === 0 && distance(weights, current, keys) < distance(best.weights, current, keys))
      )
        best = { weights, score: value }
      return
    }
    const key = keys[depth] as K
    for (const value of grid[key]) {
      point[key] = value
      visit(depth + 1)
    }
  }
  visit(0)
  if (best === null) throw new Error('empty grid')
  const found = best as { weights: Record<K, number>; score: number[] }
  return { weights: found.weights, score: found.score, points }
}

/** `values` with `also` added (today's value is always a candidate), ascending, without repeats. */
export const withValue = (values: readonly number[], also: number): number[] =>
  [...new Set([...values, also])].sort((a, b) => a - b)
