import { describe, expect, it } from 'vitest'
import { gridSearch, withValue } from '../../evals/grid-search.ts'

describe('gridSearch', () => {
  it('finds the best point of every combination', () => {
    const result = gridSearch({ a: [0, 1, 2], b: [0, 1, 2] }, { a: 0, b: 0 }, ({ a, b }) => [
      -((a - 2) ** 2) - (b - 1) ** 2,
    ])
    expect(result.weights).toEqual({ a: 2, b: 1 })
    expect(result.points).toBe(9)
  })

  it('breaks ties on the next figure, then towards the current values', () => {
    const plateau = gridSearch({ a: [0, 1, 2, 3] }, { a: 2 }, () => [1])
    expect(plateau.weights).toEqual({ a: 2 })
    const second = gridSearch({ a: [0, 1, 2, 3] }, { a: 3 }, ({ a }) => [1, a === 1 ? 1 : 0])
    expect(second.weights).toEqual({ a: 1 })
  })

  it('always offers today’s value', () => {
    expect(withValue([0, 0.2, 0.4], 0.3)).toEqual([0, 0.2, 0.3, 0.4])
    expect(withValue([0, 0.2], 0.2)).toEqual([0, 0.2])
  })
})
