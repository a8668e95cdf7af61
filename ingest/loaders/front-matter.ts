/**
 * The front matter our knowledge files use: a leading `---` block of `key: value` lines.
 * Values may be quoted; nested YAML is not used and is rejected rather than misread.
 */
export function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text)
  if (!match) return { meta: {}, body: text }
  const meta: Record<string, string> = {}
  for (const [index, line] of (match[1] as string).split(/\r?\n/).entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue
    const field = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line)
    if (!field) throw new Error(`front matter line ${index + 2} is not "key: value": ${line.trim()}`)
    meta[field[1] as string] = (field[2] as string).trim().replace(/^(["'])(.*)\1$/, '$2')
  }
  return { meta, body: text.slice(match[0].length) }
}
