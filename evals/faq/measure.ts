/**
 * Measures the FAQ matcher on paraphrases: `npx tsx evals/faq/measure.ts`. For each threshold it
 * prints how many paraphrases are answered by their own entry (recall), how many are answered by
 * another entry, and how many unrelated-but-similar questions would wrongly get an entry's answer.
 * FAQ_MATCH_THRESHOLD (src/faq/faq-match.ts) is the lowest threshold with no wrong answer.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLocalEmbedder } from '../../src/embedding/index.ts'
import { FAQ_MATCH_THRESHOLD, faqSimilarity, prepareFaqText } from '../../src/faq/faq-match.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import { GLOSSARY_FILE, loadGlossary } from '../../src/text/glossary.ts'

type Case = { faq: string; paraphrases: string[]; unrelated: string[] }

const cases: Case[] = readFileSync(new URL('./paraphrases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line))
const deps = {
  embedder: createLocalEmbedder(),
  glossary: loadGlossary(join('knowledge', GLOSSARY_FILE)),
  // The matcher reads a question's words and embedding, which the store's vocabulary does not change.
  vocabulary: createVocabulary([]),
}
const prepareText = (question: string) => prepareFaqText(prepareQuestion(question, deps), deps)
const entries = await Promise.all(cases.map(async (item) => ({ item, text: await prepareText(item.faq) })))

/** The best entry for a question, as the index picks it. */
async function best(question: string) {
  const asked = await prepareText(question)
  return entries
    .map((entry) => ({ faq: entry.item.faq, score: faqSimilarity(asked, entry.text) }))
    .sort((a, b) => b.score - a.score)[0] as { faq: string; score: number }
}

const paraphrases = await Promise.all(
  cases.flatMap((item) => item.paraphrases.map(async (question) => ({ own: item.faq, ...(await best(question)) }))),
)
const unrelated = await Promise.all(cases.flatMap((item) => item.unrelated.map(best)))

console.log(`${paraphrases.length} paraphrases, ${unrelated.length} unrelated questions, ${cases.length} entries`)
console.log('threshold | own entry (recall) | another entry | unrelated answered')
let chosen: number | null = null
for (let t = 0.3; t <= 0.9001; t += 0.025) {
  const own = paraphrases.filter((p) => p.score >= t && p.faq === p.own).length
  const wrong = paraphrases.filter((p) => p.score >= t && p.faq !== p.own).length
  const false_ = unrelated.filter((u) => u.score >= t).length
  if (chosen === null && wrong === 0 && false_ === 0) chosen = t
  console.log(
    `${t.toFixed(3)} | ${own}/${paraphrases.length} (${(own / paraphrases.length).toFixed(3)}) | ${wrong} | ${false_}`,
  )
}
console.log(
  `lowest threshold without a wrong answer: ${chosen?.toFixed(3) ?? 'none'}; FAQ_MATCH_THRESHOLD = ${FAQ_MATCH_THRESHOLD}`,
)
for (const u of unrelated.sort((a, b) => b.score - a.score).slice(0, 5))
  console.log(`  closest unrelated: ${u.score.toFixed(3)} → ${u.faq}`)
if (process.argv.includes('--misses')) {
  const asked = prepareText
  for (const u of cases.flatMap((item) => item.unrelated)) {
    const b = await best(u)
    if (b.score >= 0.5) console.log(`  unrelated ${u} → ${b.faq} ${b.score.toFixed(3)} asks=${(await asked(u)).asks}`)
  }
  for (const p of paraphrases.filter((p) => p.faq !== p.own || p.score < FAQ_MATCH_THRESHOLD))
    console.log(`  missed ${JSON.stringify(p)}`)
}
