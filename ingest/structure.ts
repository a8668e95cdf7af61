/** The numbering systems Chinese documents are built from, outermost first as they usually nest. */
export type HeadingKind = 'chapter' | 'part' | 'article' | 'cn-item' | 'cn-sub' | 'num-item' | 'num-sub'

export type Heading = {
  kind: HeadingKind | `h${number}`
  /** The number as written: '第三条', '三、', '（二）', '6．'. */
  marker: string
  /** The heading's own words (an item's first sentence when the line goes on). */
  title: string
  /** What follows the heading on the same line, if anything. */
  rest: string
}

const CN_NUM = '[一二三四五六七八九十百零〇两\\d]+'
const PATTERNS: Array<[HeadingKind, RegExp]> = [
  ['chapter', new RegExp(`^(第${CN_NUM}章)[\\s　]*(.*)$`)],
  ['part', new RegExp(`^(第${CN_NUM}节)[\\s　]*(.*)$`)],
  ['article', new RegExp(`^(第${CN_NUM}条(?:之[一二三四五六七八九十]+)?)(?:[\\s　]+(.*))?$`)],
  ['cn-item', /^([一二三四五六七八九十]+、)\s*(.+)$/],
  ['cn-sub', /^([（(][一二三四五六七八九十]+[）)])\s*(.+)$/],
  ['num-item', /^(\d{1,2}[．、](?!\d))\s*(.+)$/],
  ['num-sub', /^([（(]\d{1,2}[）)])\s*(.+)$/],
]

// An item's title is its first sentence, if that is short; otherwise the line is all body.
const TITLE_MAX = 48

function splitTitle(text: string): { title: string; rest: string } {
  const end = text.search(/[。；]/)
  if (end === -1) return text.length <= TITLE_MAX ? { title: text, rest: '' } : { title: '', rest: text }
  if (end > TITLE_MAX) return { title: '', rest: text }
  return { title: text.slice(0, end + 1).replace(/[。；]$/, ''), rest: text.slice(end + 1).trim() }
}

/**
 * "## Title ##" → "Title". A loop, not /\s*#*$/ after a lazy match, which is quadratic on a long
 * heading ending in a run of spaces or hashes.
 */
function withoutClosingHashes(text: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  const title = text.slice(0, end).trim()
  return title || text.trim()
}

/** Recognises a structural heading at the start of a line, or returns null for body text. */
export function parseHeading(line: string, format: 'md' | 'txt' | 'pdf'): Heading | null {
  const markdown = /^(#{1,6})\s+(\S.*)$/.exec(line)
  if (format === 'md' && markdown) {
    const text = withoutClosingHashes(markdown[2] as string)
    const numbered = parseHeading(text, 'txt')
    return {
      kind: `h${(markdown[1] as string).length}`,
      marker: numbered?.marker ?? '',
      title: text,
      rest: '',
    }
  }
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(line)
    if (!match) continue
    const marker = match[1] as string
    const text = (match[2] ?? '').trim()
    if (kind === 'article' || kind === 'chapter' || kind === 'part') {
      // "第三条 管理制度" is a titled heading; "第三条　生产单位应当……。" is an article with its body.
      const { title, rest } = /[。；，]/.test(text) ? { title: '', rest: text } : { title: text, rest: '' }
      return { kind, marker, title, rest }
    }
    // In Markdown a line "1. …" is a list entry, not structure; full-width "1．" stays structure.
    if (format === 'md' && kind === 'num-item' && !marker.endsWith('．')) return null
    const { title, rest } = splitTitle(text)
    if (!title) return null
    return { kind, marker, title, rest }
  }
  return null
}

/** True when a line starts a new structural unit (so a wrapped line before it must not be joined to it). */
export const isStructuralLine = (line: string): boolean =>
  /^#{1,6}\s/.test(line) || PATTERNS.some(([, pattern]) => pattern.test(line))
