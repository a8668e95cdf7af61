import { type Citation, citationFor } from '../answer/citations.ts'
import type { Db } from '../db/index.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { sentencesOf } from '../text/sentences.ts'
import type { FaqIndex } from './faq-index.ts'
import { recordFaqHit } from './faq-repo.ts'

export type FaqAnswer = {
  answer: string
  grounded: true
  mode: 'faq'
  citations: Citation[]
  /** Which entry answered, and when a supervisor approved it: the page shows it as a reviewed answer. */
  faq: { id: number; approvedAt: string; score: number }
}

// The bureau's calendar decides until when an entry is valid, wherever the server runs.
export const todayInShanghai = (now: Date) => now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })

/**
 * The reviewed answer of the approved FAQ entry closest in meaning to the question, or null when
 * none is close enough (then the documents answer). Each use is counted on the entry.
 */
export async function answerFromFaq(
  deps: { db: Db; faqs?: FaqIndex },
  question: PreparedQuestion,
  now = new Date(),
): Promise<FaqAnswer | null> {
  if (!deps.faqs || deps.faqs.size === 0) return null
  const match = await deps.faqs.match(question, todayInShanghai(now))
  if (!match) return null
  await recordFaqHit(deps.db, match.faq.id)
  const citations = match.faq.sources.map((chunk, index) => {
    const quote = sentencesOf(chunk.content)[0]?.text ?? chunk.content
    return citationFor(index + 1, chunk, quote, match.score)
  })
  const date = todayInShanghai(new Date(match.faq.approvedAt))
  const basis = citations.map((citation) => `《${citation.title}》${citation.section}[${citation.n}]`).join('；')
  return {
    answer: [match.faq.answer, '', `（工作人员审核的答复，${date}${basis ? `；依据：${basis}` : ''}）`].join('\n'),
    grounded: true,
    mode: 'faq',
    citations,
    faq: { id: match.faq.id, approvedAt: match.faq.approvedAt, score: Math.round(match.score * 1000) / 1000 },
  }
}
