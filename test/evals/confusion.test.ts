import { describe, expect, it } from 'vitest'
import { accuracyOf, confusionMatrix, formatConfusionMatrix, recallByLabel } from '../../evals/metrics/confusion.ts'

describe('confusionMatrix', () => {
  const pairs = [
    { expected: 'a', predicted: 'a' },
    { expected: 'a', predicted: 'b' },
    { expected: 'b', predicted: 'b' },
    { expected: 'c', predicted: 'a' },
  ]

  it('counts expected labels by row and predicted labels by column, in the order given', () => {
    const matrix = confusionMatrix(pairs, ['c', 'b', 'a'])
    expect(matrix.labels).toEqual(['c', 'b', 'a'])
    expect(matrix.counts).toEqual([
      [0, 0, 1],
      [0, 1, 0],
      [0, 1, 1],
    ])
    expect(accuracyOf(matrix)).toBe(0.5)
    expect(recallByLabel(matrix)).toEqual([
      { label: 'c', total: 1, correct: 0 },
      { label: 'b', total: 1, correct: 1 },
      { label: 'a', total: 2, correct: 1 },
    ])
  })

  it('appends labels it meets that were not listed', () => {
    expect(confusionMatrix(pairs, ['b']).labels).toEqual(['b', 'a', 'c'])
    expect(accuracyOf(confusionMatrix([]))).toBe(0)
  })

  it('formats a table with zeros as dots and row totals', () => {
    const lines = formatConfusionMatrix(confusionMatrix(pairs, ['a', 'b', 'c'])).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/expected \\ predicted\s+a\s+b\s+c\s+total/)
    expect(lines[1]).toMatch(/^a\s+1\s+1\s+·\s+2$/)
    expect(lines[3]).toMatch(/^c\s+1\s+·\s+·\s+1$/)
  })
})
