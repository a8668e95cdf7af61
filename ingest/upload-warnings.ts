import { MAX_CHUNK_CHARS } from './chunk.ts'
import { parseHeading } from './structure.ts'
import type { Chunk, SourceDocument, SourceLine } from './types.ts'

// A chunk that fills the whole length and stops mid-sentence was cut hard by the chunker: its text had
// no sentence punctuation to split on (a table pasted as text, a scan's run-on line).
const cutHard = (chunk: Chunk): boolean =>
  chunk.content.length >= MAX_CHUNK_CHARS && !/[。！？；.!?;”」）)]\s*$/.test(chunk.content)
// "第三条" and its look-alikes at the start of a line: "第 三 条", "第３条", "第三条本办法…".
const ARTICLE_LIKE = /^\s*第\s*[一二三四五六七八九十百零〇两\d０-９]+\s*[条章节]/
const MAX_LISTED = 5

const listed = (items: string[]) =>
  items.length > MAX_LISTED ? `${items.slice(0, MAX_LISTED).join('、')} 等 ${items.length} 处` : items.join('、')

/** PDF pages that gave no text: a scanned page, whose content is not in the store. */
function pagesWithoutText(lines: SourceLine[]): number[] {
  const pages = new Set(lines.flatMap((line) => (line.page ? [line.page] : [])))
  const withText = new Set(lines.flatMap((line) => (line.page && line.text.trim() ? [line.page] : [])))
  return [...pages].filter((page) => !withText.has(page)).sort((a, b) => a - b)
}

/**
 * What a person should check after an upload: pages without text (a scan), lines that look like
 * article headings but were not recognised as such (their text joins the article before), and
 * chunks too long to cite precisely. `loaded` is the document as read, `doc` after normalising.
 */
export function uploadWarnings(loaded: SourceDocument, doc: SourceDocument, chunks: Chunk[]): string[] {
  const warnings: string[] = []
  const blank = pagesWithoutText(loaded.lines)
  if (blank.length > 0) {
    warnings.push(
      `第 ${listed(blank.map(String))} 页没有可读取的文字（可能是扫描页），这些页的内容没有入库；请核对，或做文字识别后重新上传。`,
    )
  }
  const unrecognised = doc.lines
    .map((line) => line.text.trim())
    .filter((text) => ARTICLE_LIKE.test(text) && !parseHeading(text, doc.format))
    .map((text) => `“${text.slice(0, 12)}…”`)
  if (unrecognised.length > 0) {
    warnings.push(
      `${listed(unrecognised)} 像是条款标题，但没有被识别为条款（编号与正文之间应有空格，编号中不应有空格），其内容并入了上一条；请核对原文格式。`,
    )
  }
  const long = chunks.filter(cutHard)
  if (long.length > 0) {
    warnings.push(
      `${listed(long.map((chunk) => `“${chunk.section || '正文'}”`))} 有整段超过 ${MAX_CHUNK_CHARS} 字没有句末标点，已被强制切断，引用会不够精确；请检查原文是否缺少句末标点或分段。`,
    )
  }
  return warnings
}
