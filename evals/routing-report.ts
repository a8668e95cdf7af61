/**
 * Scores the offline intent classifier on the held-out routing set.
 *   npx tsx evals/routing-report.ts [labelled.jsonl]     (default: evals/routing/test.jsonl)
 * Trains on src/routing/train.jsonl only; the file scored here is never learnt from.
 */
import { fileURLToPath } from 'node:url'
import { createIntentClassifier, loadLabelledExamples, TRAINING_SET_PATH } from '../src/routing/classify-intent.ts'
import { INTENTS, TICKET_CATEGORIES } from '../src/routing/intents.ts'
import { accuracyOf, confusionMatrix, formatConfusionMatrix, recallByLabel } from './metrics/confusion.ts'

const path = process.argv[2] ?? fileURLToPath(new URL('./routing/test.jsonl', import.meta.url))
const percent = (part: number, whole: number) => `${whole === 0 ? '–' : ((100 * part) / whole).toFixed(1)}%`

const started = performance.now()
const classifier = createIntentClassifier(loadLabelledExamples(TRAINING_SET_PATH))
const trainingMs = performance.now() - started
const examples = loadLabelledExamples(path)

const results = examples.map((example) => {
  const begin = performance.now()
  const result = classifier.classify(example.text, example.audience)
  return { example, result, ms: performance.now() - begin }
})

const intents = confusionMatrix(
  results.map(({ example, result }) => ({ expected: example.intent, predicted: result.intent })),
  INTENTS,
)
console.log(`${path}: ${examples.length} messages`)
console.log(`intent accuracy ${percent(intents.correct, intents.total)} (${intents.correct}/${intents.total})\n`)
console.log(formatConfusionMatrix(intents))

const withCategory = results.filter(({ example }) => example.category !== undefined)
const categories = confusionMatrix(
  withCategory.map(({ example, result }) => ({ expected: example.category!, predicted: result.category ?? 'none' })),
  [...TICKET_CATEGORIES, 'none'],
)
console.log(
  `\ncategory accuracy ${percent(categories.correct, categories.total)} (${categories.correct}/${categories.total})`,
)
for (const { label, total, correct } of recallByLabel(categories)) {
  if (total > 0) console.log(`  ${label.padEnd(20)} ${percent(correct, total).padStart(6)}  (${correct}/${total})`)
}
// A category is only useful when the intent was right too: that is what the ticket desk sees.
const bothRight = withCategory.filter(
  ({ example, result }) => example.intent === result.intent && example.category === result.category,
)
console.log(`  intent and category both right: ${percent(bothRight.length, withCategory.length)}`)

const risky = results.filter(({ example }) => example.highPriority === true)
const flagged = results.filter(({ result }) => result.highPriority)
const caught = risky.filter(({ result }) => result.highPriority)
const falseAlarms = flagged.filter(({ example }) => example.highPriority !== true)
console.log(
  `\nhighPriority recall ${percent(caught.length, risky.length)} (${caught.length}/${risky.length}), false alarms ${falseAlarms.length}`,
)

const latencies = results.map(({ ms }) => ms).sort((a, b) => a - b)
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(3)
console.log(
  `\ntraining ${trainingMs.toFixed(0)} ms; classify() median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
)

const mistakes = results.filter(
  ({ example, result }) =>
    example.intent !== result.intent ||
    (example.category !== undefined && example.category !== result.category) ||
    (example.highPriority ?? false) !== result.highPriority,
)
if (mistakes.length > 0) {
  console.log('\nmistakes (expected → got):')
  for (const { example, result } of mistakes) {
    const expected = [example.intent, example.category, example.highPriority ? 'high' : ''].filter(Boolean).join('/')
    const got = [result.intent, result.category, result.highPriority ? 'high' : ''].filter(Boolean).join('/')
    console.log(`  ${expected} → ${got} (${result.confidence})  ${example.text}`)
  }
}
console.log(`\naccuracy ${accuracyOf(intents).toFixed(3)}`)
