import type { Vocabulary } from '../retrieval/vocabulary.ts'
import type { Glossary } from '../text/glossary.ts'
import { idfOf } from '../text/idf.ts'
import { segmentWords } from '../text/segment.ts'
import type { AnswerType } from './answer-types.ts'

/**
 * One thing the question asks about: the word, the words that count as saying it (glossary synonyms),
 * its parts (for a long word a passage says in other order) and its weight.
 */
export type Concept = {
  word: string
  alternatives: string[]
  parts: string[]
  weight: number
  known: boolean
  /** Says which aspect of a matter is asked (materials, steps, time, fees), not which matter. */
  aspect: boolean
  /** The kind of fact this word asks for ("多久" a duration): a text giving such a fact says it. */
  asks: AnswerType | null
}

// The aspects a matter is asked about; "CCC免办" is a matter, "需要准备哪些材料" an aspect of it.
const QUESTION_WORD = /多久|多长|几|多少|哪|什么时候|何时|怎么/
const ASPECT =
  /材料|资料|流程|步骤|手续|程序|办理|申请|多久|时间|时限|期限|费用|收费|多少|怎么|怎样|如何|条件|要求|需要|哪些|什么|哪里|地方|电话|办法|规定|内容|问题|情况|渠道|途径|方式|后果|管辖|区别|意思/

/**
 * The question's content words, each with its glossary synonyms, weighted by idf: "3c免办要多久"
 * asks about 3C (or 强制性产品认证, CCC…), 免办 (or 免予办理…) and 多久. `words` are the folded
 * question's segmented words, so that nothing here segments the question again.
 */
export function conceptsOf(
  folded: string,
  words: readonly string[],
  glossary: Glossary,
  vocabulary: Vocabulary,
  types: readonly AnswerType[] = [],
): Concept[] {
  // Glossary phrases in the question are concepts of their own: "怎么申请" is met by "怎样申请".
  const phrases = glossary.groups.flatMap((group) =>
    group.filter((term) => term.length > 1 && folded.includes(term)).map((term) => ({ term, group })),
  )
  const longest = phrases.filter(
    ({ term }, index) =>
      !phrases.some(
        (other, at) => (other.term !== term && other.term.includes(term)) || (other.term === term && at < index),
      ),
  )
  const rest = [...new Set(words)].filter((word) => !longest.some(({ term }) => term.includes(word)))
  // Search mode also yields the parts of long words; a part adds nothing its whole does not.
  const wholes = rest.filter((word) => !rest.some((other) => other !== word && other.includes(word)))
  const entries = [
    ...longest.map(({ term, group }) => ({ word: term, alternatives: group })),
    ...wholes.map((word) => {
      const group = glossary.groups.find((terms) => terms.some((term) => term === word))
      return { word, alternatives: group ?? [word] }
    }),
  ]
  return entries.map(({ word, alternatives }) => {
    const frequency = Math.max(...alternatives.map((term) => vocabulary.documentFrequency(term)))
    // jieba's idf says how telling a word is in Chinese at large; the store's own, how telling among its chunks.
    const corpusIdf = Math.log(1 + vocabulary.chunkCount / Math.max(frequency, 1)) / Math.log(1 + vocabulary.chunkCount)
    const parts = word.length > 2 ? segmentWords(word).filter((part) => part !== word && part.length > 1) : []
    return {
      word,
      alternatives,
      parts,
      weight: Math.min(idfOf(word), 12) * (0.5 + 0.5 * corpusIdf),
      known: frequency > 0,
      aspect: ASPECT.test(word),
      // Only a question word ("多久", "多少钱") is said by any such fact; "有效期" still has to be named.
      asks: QUESTION_WORD.test(word) ? (types.find((type) => type.asks.test(word)) ?? null) : null,
    }
  })
}
