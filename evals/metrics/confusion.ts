import { displayWidth } from '../../src/text/fold.ts'

/** Counts of (expected, predicted) label pairs: rows are the expected label, columns the predicted one. */
export type ConfusionMatrix<Label extends string = string> = {
  labels: Label[]
  /** counts[row][column]: how often `labels[row]` was expected and `labels[column]` predicted. */
  counts: number[][]
  total: number
  correct: number
}

export type LabelPair<Label extends string = string> = { expected: Label; predicted: Label }

/**
 * Tallies the pairs. `labels` fixes the order of rows and columns (pass the full label set so that a
 * label nobody predicted still gets its column); labels met in the pairs but not listed are appended.
 */
export function confusionMatrix<Label extends string>(
  pairs: Iterable<LabelPair<Label>>,
  labels: readonly Label[] = [],
): ConfusionMatrix<Label> {
  const order = [...labels]
  const indexOf = (label: Label): number => {
    let index = order.indexOf(label)
    if (index < 0) index = order.push(label) - 1
    return index
  }
  const cells: [number, number][] = []
  for (const { expected, predicted } of pairs) cells.push([indexOf(expected), indexOf(predicted)])
  const counts = order.map(() => order.map(() => 0))
  let correct = 0
  for (const [row, column] of cells) {
    counts[row]![column]! += 1
    if (row === column) correct += 1
  }
  return { labels: order, counts, total: cells.length, correct }
}

/** Share of pairs on the diagonal; 0 for an empty matrix. */
export const accuracyOf = (matrix: ConfusionMatrix): number => (matrix.total === 0 ? 0 : matrix.correct / matrix.total)

/** Per expected label: how many there were and how many were predicted right (recall). */
export function recallByLabel<Label extends string>(
  matrix: ConfusionMatrix<Label>,
): { label: Label; total: number; correct: number }[] {
  return matrix.labels.map((label, row) => ({
    label,
    total: matrix.counts[row]!.reduce((sum, count) => sum + count, 0),
    correct: matrix.counts[row]![row]!,
  }))
}

const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

/**
 * A plain-text table for a terminal: expected labels down the side, predicted across the top, zeros
 * shown as '·' so that the mistakes stand out, and a row total on the right.
 */
export function formatConfusionMatrix(matrix: ConfusionMatrix): string {
  const side = Math.max(displayWidth('expected \\ predicted'), ...matrix.labels.map(displayWidth))
  const widths = matrix.labels.map((label) => Math.max(displayWidth(label), 3))
  const header = [
    padEnd('expected \\ predicted', side),
    ...matrix.labels.map((label, i) => padStart(label, widths[i]!)),
    'total',
  ]
  const rows = matrix.labels.map((label, row) => {
    const counts = matrix.counts[row]!
    const cells = counts.map((count, column) => padStart(count === 0 ? '·' : String(count), widths[column]!))
    const total = counts.reduce((sum, count) => sum + count, 0)
    return [padEnd(label, side), ...cells, padStart(String(total), 5)]
  })
  return [header, ...rows].map((cells) => cells.join('  ')).join('\n')
}
