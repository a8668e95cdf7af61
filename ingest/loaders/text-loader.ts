import type { SourceDocument, SourceFormat } from '../types.ts'
import { splitFrontMatter } from './front-matter.ts'

const titleFromBody = (lines: string[], format: SourceFormat): string | undefined => {
  const heading = format === 'md' ? lines.find((line) => /^#\s+\S/.test(line)) : undefined
  if (heading) return heading.replace(/^#\s+/, '').trim()
  return lines.find((line) => line.trim())?.trim()
}

/** Markdown and plain text: optional front matter, then the body line by line. */
export function loadTextDocument(id: string, path: string, format: 'md' | 'txt', raw: string): SourceDocument {
  const { meta, body } = splitFrontMatter(raw)
  const lines = body.split(/\r?\n/)
  const title = meta.title ?? titleFromBody(lines, format)
  if (!title) throw new Error('the file is empty')
  return { id, path, format, title, meta, lines: lines.map((text) => ({ text })) }
}
