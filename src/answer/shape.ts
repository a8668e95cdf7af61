import type { PreparedQuestion } from '../query/prepare-question.ts'
import { statesArticleDuty } from '../query/requirements.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { asMarkdown, type Line, lineAt, linesOf, sliceOf, tableAround } from './blocks.ts'
import { type Citation, citationFor, describeLocation } from './citations.ts'
import { bodyOf, type Evidence, statesCoverageGap } from './evidence.ts'
import { leadSentence } from './lead.ts'
import { BLOCK_LIMIT, LIST_MIN_COVERAGE, LIST_SHARE, MAX_LIST_ITEMS, QUOTE_TARGET, SHORT_BODY } from './tuning.ts'

export type ShapedAnswer = { answer: string; quote: string; citations: Citation[] }
type Sentence = Evidence['sentences'][number]

const sourceOf = (chunk: ChunkRecord) => `《${chunk.title}》${describeLocation(chunk)}`

/** Lines after the chunk's heading line: a heading is not an answer. */
function bodyLines(chunk: ChunkRecord): Line[] {
  const lines = linesOf(chunk.content)
  return lines.length > 1 && chunk.content.startsWith(lines[0]?.text ?? '\u0000') && lines[0]?.kind !== 'table'
    ? lines.slice(1)
    : lines
}

/**
 * Widens a verbatim span [start, end) so that list items and table rows in it are whole, and rows
 * keep their header: a quote that starts inside item 1 loses the "1." that makes it the first.
 */
function wholeRows(chunk: ChunkRecord, start: number, end: number): string {
  const lines = linesOf(chunk.content)
  const first = lineAt(lines, start)
  const last = lineAt(lines, end - 1)
  const span = lines.slice(Math.max(first, 0), last + 1)
  if (!span.some((line) => line.kind === 'table')) {
    const opening = lines[first]
    const closing = lines[last]
    const from = opening?.kind === 'item' ? Math.min(start, opening.start) : start
    const to = closing?.kind === 'item' ? Math.max(end, closing.start + closing.text.length) : end
    return chunk.content.slice(from, to)
  }
  const tableIndex = first + span.findIndex((line) => line.kind === 'table')
  const header = tableAround(lines, tableIndex, new Set())[0]
  const from = header && header.start < (lines[first]?.start ?? start) ? header.start : (lines[first]?.start ?? start)
  const lastLine = lines[last] as Line
  // A table the quote runs into goes on to its last row when that still reads as one block: a header
  // and two rows of an eight-row table look like the whole of it.
  const tableEnd = lastLine.kind === 'table' ? (tableAround(lines, last).at(-1) as Line) : lastLine
  const whole = chunk.content.slice(from, tableEnd.start + tableEnd.text.length)
  return whole.length <= BLOCK_LIMIT ? whole : chunk.content.slice(from, lastLine.start + lastLine.text.length)
}

/**
 * The span to quote: the whole body of a short chunk; otherwise the best sentence widened by its
 * neighbours to about QUOTE_TARGET characters. Always a verbatim slice of the chunk, table rows whole.
 */
function quoteAround(evidence: Evidence, best: Sentence, fromStart = false): string {
  const body = bodyOf(evidence)
  const end = (s: Sentence) => s.start + s.text.length
  const first = body[0] ?? best
  const last = body.at(-1) ?? best
  if (end(last) - first.start <= SHORT_BODY) return wholeRows(evidence.chunk, first.start, end(last))
  let from = fromStart ? 0 : body.indexOf(best)
  let to = Math.max(from, body.indexOf(best))
  // The rest of the line the best sentence stands in comes first: a list item ("- 便捷通道是什么：上海是…。…便捷通道
  // 是在…") says its point in its later sentences as often as in its first.
  const content = evidence.chunk.content
  const sameLine = (sentence: Sentence | undefined) =>
    sentence !== undefined && !content.slice(best.start, sentence.start).includes('\n')
  while (sameLine(body[to + 1])) to += 1
  const length = () => end(body[to] as Sentence) - (body[from] as Sentence).start
  while (length() < QUOTE_TARGET && (from > 0 || to < body.length - 1)) {
    const next = body[to + 1]
    const previous = body[from - 1]
    // Widen towards the neighbour that says more of the question; after the best sentence on a tie.
    if (next && (!previous || next.coverage >= previous.coverage)) to += 1
    else from -= 1
  }
  return wholeRows(evidence.chunk, (body[from] as Sentence).start, end(body[to] as Sentence))
}

/** Lines from `first` to `last` of a chunk's body, whole, cut at BLOCK_LIMIT characters. */
function blockOf(chunk: ChunkRecord, lines: Line[]): string {
  const kept: Line[] = []
  for (const line of lines) {
    if (kept.length > 0 && sliceOf(chunk.content, [...kept, line]).length > BLOCK_LIMIT) break
    kept.push(line)
  }
  return sliceOf(chunk.content, kept)
}

/** What a reader should know about the documents quoted: an event plan's period, a summary's status. */
export function notesFor(chunks: ChunkRecord[]): string[] {
  const notes: string[] = []
  for (const chunk of chunks) {
    if (chunk.meta.valid_period) {
      notes.push(
        `《${chunk.title}》是${chunk.meta.valid_period}的活动安排，相关活动可能已经结束，最新安排请咨询工作人员。`,
      )
    }
  }
  if (chunks.some((chunk) => /非官方原文|要点|整理/.test(chunk.meta.note ?? ''))) {
    notes.push('以上内容出自对官方文本的整理摘要，具体以官方发布的文本为准。')
  }
  return [...new Set(notes)]
}

/** Other passages that answer a list question as fully as the first, in document order. */
function listItems(question: PreparedQuestion, primary: Evidence, evidence: Evidence[], siblings: boolean): Evidence[] {
  // Measured against the fullest answer among them: the first passage by rank may cover less. The
  // sibling sections of a list are measured against that list, which the question's shape picked.
  const fullest = siblings ? primary.coverage : Math.max(...evidence.map((item) => item.coverage))
  const threshold = Math.max(LIST_MIN_COVERAGE, fullest * LIST_SHARE)
  const seen = new Set([primary.chunk.section])
  // Requirements asked and answered by an article stating a duty: the other requirements are the other such
  // articles, not the order's purpose, scope or the press reading appended to it, which share its words.
  const duties = question.asksRequirement && statesDuty(primary.chunk)
  const items: Evidence[] = []
  for (const item of evidence) {
    if (item === primary || seen.has(item.chunk.section) || item.coverage < threshold) continue
    if (duties && !statesDuty(item.chunk)) continue
    if (siblings && (parentOf(item.chunk) === '' || parentOf(item.chunk) !== parentOf(primary.chunk))) continue
    const sentence = itemSentence(item, question)
    if (!sentence || statesCoverageGap(sentence.text)) continue
    seen.add(item.chunk.section)
    items.push(item)
  }
  return items
}

/**
 * The sentence a gathered item is listed by. Its heading is shown above it in bold, so a plan item whose
 * own title sentence would lead ("14．开展…质量安全培训。", run on into its body on one line) gives its body's
 * best sentence instead (开展政策培训，重点宣贯…75号、76号令): the heading again tells the reader nothing.
 */
function itemSentence(item: Evidence, question: PreparedQuestion): Sentence | undefined {
  const heading = headingOf(item.chunk).replace(/[。.]$/, '')
  const body = item.sentences.filter((sentence) => sentence.text.replace(/[。.]$/, '') !== heading)
  return (
    (body.length > 0 ? leadSentence({ ...item, sentences: body }, question) : undefined) ?? leadSentence(item, question)
  )
}

const headingOf = (chunk: ChunkRecord) => chunk.section.split(' > ').at(-1) ?? chunk.section

const statesDuty = (chunk: ChunkRecord) => statesArticleDuty(chunk.locator, chunk.analysis.own)

/** The section a chunk's own heading stands under: "三、哪些情形 > （二）…" → "三、哪些情形". */
const parentOf = (chunk: ChunkRecord) => chunk.section.split(' > ').slice(0, -1).join(' > ')

/** A block answer: a source line carrying [1], then the quoted lines as they stand (Markdown). */
const blockAnswer = (chunk: ChunkRecord, quote: string) => `根据${sourceOf(chunk)}[1]：\n\n${asMarkdown(quote)}`

/**
 * A quote after its source line. A quote of several lines (list items, rows, paragraphs) starts on a
 * line of its own: run on after "：", its first "- " item would render as text, not as a list item.
 */
const quoted = (source: string, quote: string) =>
  quote.includes('\n') ? `${source}：\n\n${asMarkdown(quote)}[1]` : `${source}：${quote}[1]`

/**
 * The answer in the shape the question asks for: every item of a list (across sections, each with
 * its citation), the steps from the first, the fact first and then its context, table rows whole.
 */
export function shapeAnswer(
  question: PreparedQuestion,
  primary: Evidence,
  lead: Sentence,
  evidence: Evidence[],
): ShapedAnswer {
  const chunk = primary.chunk
  const lines = bodyLines(chunk)
  const items = lines.filter((line) => line.kind === 'item')
  const tableAt = lines.findIndex((line) => line.kind === 'table')
  let quote: string
  let text: string

  if ((question.shape === 'difference' || question.shape === 'definition') && tableAt >= 0) {
    quote = sliceOf(chunk.content, tableAround(lines, tableAt))
    text = blockAnswer(chunk, quote)
  } else if (question.shape === 'procedure' && items.length >= 2) {
    // Steps from the first, in order: what comes before the first step introduces them.
    quote = blockOf(chunk, lines.slice(0, lines.lastIndexOf(items.at(-1) as Line) + 1))
    text = blockAnswer(chunk, quote)
  } else if (question.shape === 'list' && items.length >= 2) {
    quote = blockOf(chunk, lines.slice(lines.indexOf(items[0] as Line), lines.lastIndexOf(items.at(-1) as Line) + 1))
    const left = items.filter((item) => !quote.includes(item.text)).length
    text = blockAnswer(chunk, quote) + (left > 0 ? `\n\n还有 ${left} 项未列出，见所引原文[1]。` : '')
  } else {
    quote = quoteAround(primary, lead, question.shape === 'procedure')
    const leadRows = wholeRows(chunk, lead.start, lead.start + lead.text.length)
    if (question.shape === 'fact' && leadRows.includes('\n')) {
      // The fact stands in a table row: that row under its column names is the answer.
      quote = leadRows
      text = blockAnswer(chunk, quote)
    } else if (
      (question.shape === 'fact' || lines[lineAt(lines, lead.start)]?.kind === 'item') &&
      quote !== lead.text &&
      !quote.startsWith(lead.text)
    ) {
      // The quote widened back from a list item to earlier ones: the item that answers still comes first.
      text = `${lead.text}[1]\n\n${quoted(`出自${sourceOf(chunk)}`, quote)}`
    } else text = quoted(`根据${sourceOf(chunk)}`, quote)
  }

  // An answer that is not a list cites the passage it answers from only: a second ("另外") passage
  // raised no dev must-contain case and cost citation precision (0.724 → 0.772 without it, set on dev).
  const citations: Citation[] = [citationFor(1, chunk, quote, primary.coverage)]
  const parts: string[] = [text]
  const cited: ChunkRecord[] = [chunk]
  // A list in the passage is the answer, with the lists of its sibling sections ("（一）…", "（二）…");
  // otherwise the items are gathered across sections.
  if (question.shape === 'list') {
    const more = listItems(question, primary, evidence, items.length >= 2)
    const shown = more.slice(0, MAX_LIST_ITEMS - 1).sort((a, b) => a.chunk.ordinal - b.chunk.ordinal)
    if (shown.length > 0) parts.push('', '其他相关内容：')
    for (const item of shown) {
      const sentence = itemSentence(item, question) as Sentence
      const n = citations.length + 1
      citations.push(citationFor(n, item.chunk, sentence.text, item.coverage))
      cited.push(item.chunk)
      parts.push(`- **${headingOf(item.chunk)}**：${sentence.text}[${n}]`)
    }
    if (more.length > shown.length)
      parts.push('', `还有 ${more.length - shown.length} 项相关内容未列出，可以换个说法继续问。`)
  }
  const notes = notesFor(cited)
  if (notes.length > 0) parts.push('', `提示：${notes.join('')}`)
  return { answer: parts.join('\n'), quote, citations }
}
