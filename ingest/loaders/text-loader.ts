import type { SourceDocument, SourceFormat } from '../types.ts'
import { splitFrontMatter } from './front-matter.ts'

// A title line is short; a longer first line is already the text (a bare passage, as many real .txt files are).
const TITLE_LINE_MAX = 40
// A derived title is cut to about this many characters, at a comma when one is near.
const DERIVED_TITLE_MAX = 30
const MIN_CLAUSE = 8

/**
 * A title for a file whose first line is its text: the first sentence, cut short at a clause
 * boundary with "…" when long. The line stays in the body: nothing of the text is lost.
 */
export function deriveTitle(line: string): string {
  const text = line.trim()
  const sentence = /^.+?[。！？!?](?=\s|$|[^。！？!?”’」）)])/.exec(text)?.[0] ?? text
  const plain = sentence.replace(/[。！？!?]$/, '')
  if (plain.length <= DERIVED_TITLE_MAX) return plain
  const head = plain.slice(0, DERIVED_TITLE_MAX)
  const clause = Math.max(head.lastIndexOf('，'), head.lastIndexOf('、'), head.lastIndexOf(','))
  return `${clause >= MIN_CLAUSE ? head.slice(0, clause) : head}…`
}

function titleFromBody(lines: string[], format: SourceFormat): string | undefined {
  const heading = format === 'md' ? lines.find((line) => /^#\s+\S/.test(line)) : undefined
  if (heading) return heading.replace(/^#\s+/, '').trim()
  const first = lines.find((line) => line.trim())?.trim()
  if (!first) return undefined
  const isText = first.length > TITLE_LINE_MAX || /[。！？!?]./.test(first)
  return isText ? deriveTitle(first) : first
}

/** Markdown and plain text: optional front matter, then the body line by line. */
export function loadTextDocument(id: string, path: string, format: 'md' | 'txt', raw: string): SourceDocument {
  const { meta, body } = splitFrontMatter(raw)
  const lines = body.split(/\r?\n/)
  const title = meta.title ?? titleFromBody(lines, format)
  if (!title) throw new Error('文件是空的：请写入正文（可选：第一行写标题），再重新入库')
  return { id, path, format, title, meta, lines: lines.map((text) => ({ text })) }
}
