/** A multinomial logistic regression over binary string features (words, character n-grams, cue markers). */
export type SoftmaxRegression<Label extends string> = {
  readonly labels: readonly Label[]
  /** Labels with their probability, most probable first; features never seen in training are ignored. */
  rank(features: readonly string[]): { label: Label; probability: number }[]
}

export type TrainingDocument<Label extends string> = { features: readonly string[]; label: Label }

export type TrainingOptions = {
  epochs?: number
  learningRate?: number
  /** L2 penalty; keeps one rare word from deciding a class on its own. */
  l2?: number
}

/**
 * Trains with plain stochastic gradient descent, documents in the given order, so the same examples
 * always give the same model. Logistic regression rather than naive Bayes because the features overlap
 * heavily (a word, its characters, its bigrams, a cue that matched it), which naive Bayes counts several times.
 */
export function trainSoftmaxRegression<Label extends string>(
  documents: readonly TrainingDocument<Label>[],
  { epochs = 40, learningRate = 0.5, l2 = 1e-3 }: TrainingOptions = {},
): SoftmaxRegression<Label> {
  if (documents.length === 0) throw new Error('trainSoftmaxRegression: no training documents')
  const labels = [...new Set(documents.map((document) => document.label))]
  const vocabulary = new Map<string, number>()
  const encoded = documents.map((document) => ({
    indices: [...new Set(document.features)].map((feature) => {
      let index = vocabulary.get(feature)
      if (index === undefined) {
        index = vocabulary.size
        vocabulary.set(feature, index)
      }
      return index
    }),
    label: labels.indexOf(document.label),
  }))

  const classes = labels.length
  const weights = new Float64Array(vocabulary.size * classes)
  const bias = new Float64Array(classes)
  const probabilities = new Float64Array(classes)

  // Inputs are scaled by 1/√n so that long messages do not get more confident just by being long.
  const predict = (indices: readonly number[]): Float64Array => {
    const input = indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0
    for (let k = 0; k < classes; k++) {
      let score = bias[k]!
      for (const index of indices) score += weights[index * classes + k]! * input
      probabilities[k] = score
    }
    const max = Math.max(...probabilities)
    let total = 0
    for (let k = 0; k < classes; k++) {
      probabilities[k] = Math.exp(probabilities[k]! - max)
      total += probabilities[k]!
    }
    for (let k = 0; k < classes; k++) probabilities[k]! /= total
    return probabilities
  }

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { indices, label } of encoded) {
      const predicted = predict(indices)
      const input = 1 / Math.sqrt(indices.length || 1)
      for (let k = 0; k < classes; k++) {
        const error = predicted[k]! - (k === label ? 1 : 0)
        bias[k]! -= learningRate * error * 0.1
        for (const index of indices) {
          const at = index * classes + k
          weights[at]! -= learningRate * (error * input + l2 * weights[at]!)
        }
      }
    }
  }

  return {
    labels,
    rank(features) {
      const indices = [...new Set(features)].flatMap((feature) => {
        const index = vocabulary.get(feature)
        return index === undefined ? [] : [index]
      })
      const predicted = predict(indices)
      return labels
        .map((label, k) => ({ label, probability: predicted[k]! }))
        .sort((a, b) => b.probability - a.probability)
    },
  }
}
