import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { MAX_UNTRANSLATED_SHARE } from '../answer/tuning.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { isCjk } from '../text/fold.ts'
import { segmentWords } from '../text/segment.ts'
import { foldQuestion } from '../text/typos.ts'
import {
  asksWhetherFree,
  asksWithoutAPerson,
  asksWithoutTurningToUs,
  cueFeatures,
  looksLikeManipulation,
  matchRule,
  mentionsSafetyRisk,
  type RuleMatch,
  ticketCategory,
  withoutCourtesies,
} from './intent-rules.ts'
import {
  AUDIENCES,
  type Audience,
  type Classification,
  INTENTS,
  type Intent,
  TICKET_CATEGORIES,
  TICKET_INTENTS,
} from './intents.ts'
import { trainSoftmaxRegression } from './softmax-regression.ts'

export { describesSafetyRisk } from './intent-rules.ts'

/** The labelled messages the offline classifier learns from (evals/routing/test.jsonl is held out and never learnt from). */
export const TRAINING_SET_PATH = fileURLToPath(new URL('./train.jsonl', import.meta.url))

const LabelledExampleSchema = z
  .object({
    text: z.string().min(1),
    audience: z.enum(AUDIENCES),
    intent: z.enum(INTENTS),
    category: z.enum(TICKET_CATEGORIES).optional(),
    highPriority: z.boolean().optional(),
  })
  .refine((example) => TICKET_INTENTS.has(example.intent) === (example.category !== undefined), {
    message: 'category is required for complaint, service_request and human_handoff, and only for them',
    path: ['category'],
  })
export type LabelledExample = z.infer<typeof LabelledExampleSchema>

/** Reads a .jsonl file of labelled messages; a malformed line is an error that names the file and line. */
export function loadLabelledExamples(path: string): LabelledExample[] {
  const examples: LabelledExample[] = []
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return
      const where = `${path}:${index + 1}`
      let json: unknown
      try {
        json = JSON.parse(line)
      } catch {
        throw new Error(`${where}: not valid JSON`)
      }
      const parsed = LabelledExampleSchema.safeParse(json)
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
        throw new Error(`${where}: ${problems.join('; ')}`)
      }
      examples.push(parsed.data)
    })
  return examples
}

/** A message to classify: as typed, or already prepared once for the turn (then nothing is folded or segmented again). */
export type RoutingInput = string | Pick<PreparedQuestion, 'text' | 'folded' | 'asked' | 'words' | 'untranslated'>

export const routingTextOf = (input: RoutingInput): string => (typeof input === 'string' ? input : input.text)

export type IntentClassifier = {
  classify(input: RoutingInput, audience?: Audience): Classification
}

/**
 * jieba words, CJK characters and character bigrams (the message's start and end as ^ and $), lexicon
 * cues and the audience. Characters and bigrams carry what the word list drops as stop words (请, 吗,
 * 我们) and survive typos and words jieba cuts differently.
 */
function featuresOf(folded: string, audience: Audience | undefined, words = segmentWords(folded)): string[] {
  const features = [...words]
  const chars = [...folded].filter(isCjk)
  features.push(...chars.map((char) => `'${char}`))
  const padded = ['^', ...chars, '$']
  for (let i = 0; i + 1 < padded.length; i++) features.push(`${padded[i]}${padded[i + 1]}`)
  features.push(...cueFeatures(folded))
  if (audience) features.push(`@${audience}`)
  return features
}

// An English question whose words the term list mostly cannot translate ("extend my work visa") is
// about none of the bureau's matters; the out-of-scope path still answers it if the documents do.
const untranslatedRule = (share: number): RuleMatch | null =>
  share > MAX_UNTRANSLATED_SHARE ? { intent: 'out_of_scope', confidence: 0.9, rule: 'untranslated' } : null

type Ranked = { label: Intent; probability: number }[]

// An English message that turns to us for the doing: "can you send someone", "please book", "I'd like to arrange".
const ASKS_US_IN_ENGLISH = /\b(?:you|someone|somebody|please|book|arrange|schedule|send)\b/

// Asked whether help is free ("区里有没有免费帮忙看看的"), the message is a question of some kind; no ticket is
// opened for it. Nor is one asking something without naming anyone to talk to ("配几个质量安全员有硬性数字吗，我们厂
// 才四十来号人": the 人 of the trained examples is no person asked for) a hand-off, nor one that asks without turning
// to us for the doing ("今年上门集中检秤啥时候来我们三林的菜场") a service request. The model's best among the
// intents left decides, its probability renormalised over them.
const rankedFor = (folded: string, ranked: Ranked, asksInEnglish = false): Ranked => {
  const free = asksWhetherFree(folded)
  const noPerson = asksWithoutAPerson(folded)
  const noService = asksInEnglish || asksWithoutTurningToUs(folded)
  const barred = (label: Intent) =>
    (free && TICKET_INTENTS.has(label)) ||
    (noPerson && label === 'human_handoff') ||
    (noService && label === 'service_request')
  if (!ranked.some((item) => barred(item.label))) return ranked
  const kept = ranked.filter((item) => !barred(item.label))
  const total = kept.reduce((sum, item) => sum + item.probability, 0)
  return kept.map((item) => ({ label: item.label, probability: item.probability / total }))
}

/**
 * Rules first: when one fires it decides, with its own confidence. The rest goes to a softmax
 * regression trained here from `examples` (some 20 ms for a few hundred, once at start); a message
 * then costs tens of microseconds, so this is safe to call on every turn and as the LLM's fallback.
 */
export function createIntentClassifier(examples: readonly LabelledExample[]): IntentClassifier {
  const model = trainSoftmaxRegression<Intent>(
    examples.map((example) => ({
      features: featuresOf(foldQuestion(example.text), example.audience),
      label: example.intent,
    })),
  )
  return {
    classify(input, audience) {
      const whole = typeof input === 'string' ? foldQuestion(input) : input.folded
      const folded = withoutCourtesies(whole)
      // An English "ignore all previous instructions" is an injection before it is a translated question.
      const asked = typeof input === 'string' ? folded : input.asked
      const english = asked !== folded
      const ruled =
        (english && looksLikeManipulation(asked) ? matchRule(asked) : null) ??
        untranslatedRule(typeof input === 'string' ? 0 : input.untranslated) ??
        matchRule(folded)
      // "Can we apply for the CCC exemption ourselves?": translated, 申请 reads as asking us to act; an English
      // question asks, unless it turns to us (you, someone, please, book).
      const rule = english && ruled?.intent === 'service_request' && !ASKS_US_IN_ENGLISH.test(asked) ? null : ruled
      // The prepared words are the whole message's; only a message that had manners around it is cut again.
      const words = typeof input === 'string' || folded !== whole ? undefined : input.words
      const [best] = rule
        ? [{ label: rule.intent, probability: rule.confidence }]
        : rankedFor(folded, model.rank(featuresOf(folded, audience, words)), english && !ASKS_US_IN_ENGLISH.test(asked))
      const intent = best!.label
      const category = ticketCategory(intent, folded)
      return {
        intent,
        confidence: Math.round(best!.probability * 1000) / 1000,
        category,
        // Only tickets are prioritised: "起火了怎么办" as a policy question has no queue to jump.
        highPriority: category !== null && mentionsSafetyRisk(folded),
      }
    },
  }
}
