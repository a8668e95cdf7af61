import { foldText } from '../text/fold.ts'
import { type Sentence, sentencesOf } from '../text/sentences.ts'
import type { ChunkRecord } from './chunks-repo.ts'

type ChunkText = Omit<ChunkRecord, 'analysis'>

/**
 * What the answerer compares a question with, per chunk: the texts folded (fold.ts) and the body split
 * into sentences. Every turn weighed a dozen passages this way, several times each; now it is done
 * once per chunk when the chunk is read, and the catalogue (chunks-repo.ts) keeps it for every turn
 * until the knowledge changes. Computed from the stored text rather than stored itself, so a change
 * to the folding or the sentence split needs no re-ingest.
 */
export type ChunkAnalysis = {
  /** The document's names, the section path and the text: everything the passage says. */
  context: string
  /** The section path and the text, without the document's names. */
  own: string
  /** The document's title, number and official title. */
  names: string
  /** The last heading of the section path: the passage's own subject. */
  heading: string
  /**
   * The labels its items open with ("- 东部地区：…", "2. 超期后果：…"): each names the subject of its item as
   * a heading names the passage's, where a word said in passing ("商贸、旅游、金融、物流等") names none.
   */
  labels: string[]
  sentences: Array<Sentence & { folded: string }>
}

/** The document and section names of a chunk: what picks the passage, as opposed to a sentence in it. */
export const headerOf = (chunk: ChunkText): string =>
  [chunk.title, chunk.meta.doc_no, chunk.meta.official_title, chunk.section].filter(Boolean).join('\n')

// A line's opening label: a name of a few characters before a colon, after a list mark if any ("东部地区：",
// "超期后果："); a longer one states something ("供应链企业可作为申请人：") rather than naming what its item is
// about. Eight set by hand on dev: twelve let such statements outrank the section asked for (three dev answers
// lost), six left out "便捷通道是什么：" (one lost).
const LABEL = /^(?:[-*+]\s*|\d+[.．、]\s*)?([^：:\n|，。；、《》]{2,8})[：:]/gm

const labelsOf = (content: string): string[] =>
  [...content.matchAll(LABEL)].map((match) => foldText(match[1] as string))

export const analyseChunk = (chunk: ChunkText): ChunkAnalysis => ({
  context: foldText(`${headerOf(chunk)}\n${chunk.content}`),
  own: foldText(`${chunk.section}\n${chunk.content}`),
  names: foldText(`${chunk.title} ${chunk.meta.doc_no ?? ''} ${chunk.meta.official_title ?? ''}`),
  heading: foldText(chunk.section.split(' > ').at(-1) ?? chunk.section),
  labels: labelsOf(chunk.content),
  sentences: sentencesOf(chunk.content).map((sentence) => ({ ...sentence, folded: foldText(sentence.text) })),
})
