/**
 * Answer Markdown (see markdown.ts) as DOM, built with el(): every piece of answer text becomes a
 * text node, so nothing in an answer can become markup or script (and the CSP forbids inline code
 * anyway). Citation markers become whatever `cite` makes of them — the chat's buttons.
 */
import { el } from './dom.ts'
import type { Block, Inline } from './markdown.ts'

/** Makes the element for marker [n]; the parser only emits markers the answer has citations for. */
export type CiteMaker = (n: number) => Node

const inlineNodes = (parts: Inline[], cite: CiteMaker): Array<Node | string> =>
  parts.map((part) => {
    if (part.kind === 'cite') return cite(part.n)
    return part.kind === 'strong' ? el('strong', {}, part.text) : part.text
  })

/** A paragraph's lines, or a list item's, with a line break between them as written. */
function linesOf(lines: Inline[][], cite: CiteMaker): Array<Node | string> {
  return lines.flatMap((line, index) => [...(index > 0 ? [el('br')] : []), ...inlineNodes(line, cite)])
}

// A list item keeps its own line breaks (a continuation line) as breaks.
function itemLines(parts: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]]
  for (const part of parts) {
    if (part.kind === 'cite' || !part.text.includes('\n')) {
      lines[lines.length - 1]?.push(part)
      continue
    }
    part.text.split('\n').forEach((text, index) => {
      if (index > 0) lines.push([])
      if (text) lines[lines.length - 1]?.push({ ...part, text })
    })
  }
  return lines
}

function blockNode(block: Block, cite: CiteMaker): HTMLElement {
  switch (block.kind) {
    case 'paragraph':
      return el('p', {}, ...linesOf(block.lines, cite))
    case 'list': {
      const items = block.items.map((item) => el('li', {}, ...linesOf(itemLines(item), cite)))
      return block.ordered
        ? el('ol', { start: block.start === 1 ? null : block.start }, ...items)
        : el('ul', {}, ...items)
    }
    case 'table': {
      const row = (cells: Inline[][], tag: 'th' | 'td') =>
        el('tr', {}, ...cells.map((cell) => el(tag, tag === 'th' ? { scope: 'col' } : {}, ...inlineNodes(cell, cite))))
      // The wrapper scrolls sideways on a phone instead of the whole chat.
      return el(
        'div',
        { class: 'md-table' },
        el(
          'table',
          {},
          block.header && el('thead', {}, row(block.header, 'th')),
          el('tbody', {}, ...block.rows.map((cells) => row(cells, 'td'))),
        ),
      )
    }
  }
}

/** The blocks as elements, in order. */
export const renderBlocks = (blocks: Block[], cite: CiteMaker): HTMLElement[] =>
  blocks.map((block) => blockNode(block, cite))
