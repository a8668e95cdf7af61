import { displayWidth, isCjk } from '../src/text/fold.ts'
import { isStructuralLine } from './structure.ts'
import type { SourceFormat, SourceLine } from './types.ts'

// Page footers of Chinese official documents: "— 9 —", "- 9 -", "第 9 页", "第9页 共12页".
const PAGE_MARKER =
  /^\s*(?:[—–\-－]+\s*\d+\s*[—–\-－]+|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/
const SENTENCE_END = /[。！？；：!?;:]$/

/** Full-width digits and Latin letters to ASCII; CJK punctuation stays as the document has it. */
export const toHalfWidthAlnum = (text: string): string =>
  text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')

const cleanMarkdown = (text: string): string => text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1')

/** Typeset lines wrap at a fixed width; a line that reaches it (nearly) continues on the next. */
function wrapWidth(lines: SourceLine[]): number {
  const widths = lines
    .map((line) => displayWidth(line.text))
    .filter((width) => width > 0)
    .sort((a, b) => a - b)
  return widths[Math.floor(widths.length * 0.9)] ?? 0
}

function joinWrapped(lines: SourceLine[]): SourceLine[] {
  const full = wrapWidth(lines) * 0.85
  const joined: SourceLine[] = []
  for (const line of lines) {
    const previous = joined.at(-1)
    const continues =
      previous !== undefined &&
      !SENTENCE_END.test(previous.text) &&
      !isStructuralLine(line.text) &&
      displayWidth(previous.text) >= full
    if (!continues) {
      joined.push({ ...line })
      continue
    }
    const last = previous.text.at(-1) ?? ''
    const first = line.text[0] ?? ''
    // Chinese needs no space at a line break; two Latin words or numbers do.
    const glue = isCjk(last) || isCjk(first) || /[\p{P}]/u.test(last + first) ? '' : ' '
    previous.text += glue + line.text
  }
  return joined
}

/**
 * Clean lines for chunking: half-width digits, no page markers or blank lines, Markdown emphasis
 * and table rulers dropped, and — for text and PDF, which are typeset — lines wrapped mid-sentence joined.
 * Markdown keeps its blank-line-free structure: one paragraph per line already.
 */
export function normaliseLines(lines: SourceLine[], format: SourceFormat): SourceLine[] {
  const cleaned: SourceLine[] = []
  for (const line of lines) {
    // trim, not /\s+$/: that regex is quadratic on a line with a long run of spaces inside it.
    let text = toHalfWidthAlnum(line.text).trim()
    if (!text || PAGE_MARKER.test(text)) continue
    if (format === 'md') {
      if (/^\|?\s*:?-{3,}/.test(text)) continue
      text = cleanMarkdown(text)
    }
    cleaned.push({ ...line, text })
  }
  return format === 'md' ? cleaned : joinWrapped(cleaned)
}
