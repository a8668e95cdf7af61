import type { PreparedQuestion } from '../query/prepare-question.ts'
import { type ChunkCatalogue, type ChunkRecord, chunksUnder } from '../retrieval/chunks-repo.ts'
import { type Citation, citationFor } from './citations.ts'
import { coverage } from './evidence.ts'
import { notesFor } from './shape.ts'
import { MAX_LIST_ITEMS, MIN_OUTLINE_PARTS, OUTLINE_COVERAGE } from './tuning.ts'

export type Outline = { answer: string; citations: Citation[] }

const SEPARATOR = ' > '

// Words that ask for the parts of something ("总共分成几大块", "具体包括哪几项", "大概分几块") name no matter of their own.
const ENUMERATING =
  /^(?:总共|一共|共|分|分成|分为|大概|大致|大体|主要|包括|包含|具体|都|几大?[块类部分个方面项条]|哪几[块类部分个方面项条]?)$/

/** The headings above a chunk's own, from the top: "三、活动内容", "三、活动内容 > （一）…". */
const ancestorsOf = (section: string): string[] => {
  const parts = section.split(SEPARATOR)
  return parts.slice(0, -1).map((_part, index) => parts.slice(0, index + 1).join(SEPARATOR))
}

/** The heading one level below `node` that a chunk stands under (the chunk's own, for a leaf). */
const childOf = (node: string, chunk: ChunkRecord): string =>
  chunk.section.slice(node.length + SEPARATOR.length).split(SEPARATOR)[0] as string

/** A part named as the document names it, without the sentence that may follow its heading. */
const partName = (heading: string) => heading.replace(/[。；].*$/, '').trim()

/**
 * The section a list question asks for whole: the highest heading above the best passage that, with
 * the document's title, says everything the question is about ("质量月有哪些活动" → "三、活动内容").
 * A question that names more ("市民可以参加的活动") asks for some of the parts, not the outline.
 */
function askedSection(question: PreparedQuestion, primary: ChunkRecord): string | null {
  const matter = question.concepts.filter((concept) => !ENUMERATING.test(concept.word))
  for (const node of ancestorsOf(primary.section)) {
    if (coverage(matter, `${primary.title} ${node}`) >= OUTLINE_COVERAGE) return node
  }
  return null
}

/**
 * "质量月有哪些活动", "活动内容总共分成几大块": a list question about a section as a whole is answered
 * with the section's parts, in the document's order, each with the citation of its first passage —
 * not with the few passages that happened to rank highest. Null when the question asks for more than
 * a section, or the section has too few parts to be an outline.
 */
export function outlineAnswer(
  deps: { passages: ChunkCatalogue },
  question: PreparedQuestion,
  primary: ChunkRecord,
): Outline | null {
  if (question.shape !== 'list') return null
  const node = askedSection(question, primary)
  if (!node) return null
  const chunks = chunksUnder(deps.passages, primary.docId, node)
  const parts = new Map<string, ChunkRecord[]>()
  for (const chunk of chunks) {
    const child = childOf(node, chunk)
    parts.set(child, [...(parts.get(child) ?? []), chunk])
  }
  if (parts.size < MIN_OUTLINE_PARTS) return null

  const heading = node.split(SEPARATOR).at(-1) as string
  // A part with sections of its own (（一） over 1．2．3．) is named with theirs, each once.
  const subparts = (child: string, members: ChunkRecord[]) => {
    const own = `${node}${SEPARATOR}${child}`
    return [...new Set(members.filter((m) => m.section !== own).map((m) => partName(childOf(own, m))))]
  }
  const leaves = [...parts].reduce((sum, [child, members]) => sum + Math.max(1, subparts(child, members).length), 0)
  const nested = leaves > parts.size
  const lines = [
    `根据《${primary.title}》“${heading}”，${nested ? `分为 ${parts.size} 个方面，共 ${leaves} 项` : `共 ${parts.size} 项`}：`,
    '',
  ]
  const items = [...parts].slice(0, MAX_LIST_ITEMS)
  const citations: Citation[] = []
  for (const [child, members] of items) {
    const first = members[0] as ChunkRecord
    const n = citations.length + 1
    // The quote is the part's own heading where the passage states it, so it stays verbatim.
    const quote = first.content.includes(child) ? child : (first.content.split('\n')[0] ?? child)
    citations.push(citationFor(n, first, quote, 1))
    const names = subparts(child, members)
    lines.push(`- **${partName(child)}**${names.length > 0 ? `：${names.join('；')}` : ''}[${n}]`)
  }
  if (parts.size > items.length) lines.push('', `还有 ${parts.size - items.length} 项未列出，可以问其中具体的一项。`)
  const notes = notesFor(items.map(([, members]) => members[0] as ChunkRecord))
  if (notes.length > 0) lines.push('', `提示：${notes.join('')}`)
  return { answer: lines.join('\n'), citations }
}
