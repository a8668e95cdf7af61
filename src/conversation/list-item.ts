import { type ChunkCatalogue, type ChunkRecord, documentChunks } from '../retrieval/chunks-repo.ts'
import { fromChineseNumber, toChineseNumber } from '../text/numerals.ts'

// "第四个详细讲讲", "第2项是什么", "第三点呢": an item of the list just given, by its place. "第三条" is an
// article of an order, found by its own reference.
const ORDINAL = /第\s*([一二三四五六七八九十两\d]{1,3})\s*(?:个|项|点|种|类|件|步)/

/** Which item of a list the message points at, or null. */
export function listOrdinalOf(folded: string): number | null {
  const match = ORDINAL.exec(folded)
  return match ? fromChineseNumber(match[1] as string) : null
}

// One numbered level of a locator: "三、", "（一）", "4．", "第三条".
const MARKER = /第[一二三四五六七八九十百零]+条|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[．.]/g
const markersOf = (locator: string | null | undefined): string[] => locator?.match(MARKER) ?? []
const numberOf = (marker: string): number | null => fromChineseNumber(marker.replace(/[第条、（）．.]/g, ''))
const styleOf = (marker: string): string => marker.replace(/[一二三四五六七八九十百零\d]+/g, 'N')
const levelOf = (locator: string | null | undefined): string | null => {
  const markers = markersOf(locator)
  const last = markers.at(-1)
  return last ? `${markers.length}:${styleOf(last)}` : null
}

/**
 * The level of the list an answer quoted from, when it quoted several items of one level ("4．",
 * "11．" of 三、活动内容): the passages then are the list, and "第四个" counts in it. One passage
 * quoted whole holds its list inside, where a place cannot be found by locator.
 */
export function listLevelOf(locators: readonly string[]): string | null {
  const levels = locators.map(levelOf).filter((level): level is string => level !== null)
  return levels.find((level, index) => levels.indexOf(level, index + 1) >= 0) ?? null
}

/**
 * The item numbered `n` at `level` of the document, under the same first heading as the passages
 * quoted when there is one there ("三、（一）4．" for the fourth 活动 after items of 三、活动内容).
 */
export function findListItem(
  catalogue: ChunkCatalogue,
  docId: string,
  quoted: readonly string[],
  level: string,
  n: number,
): ChunkRecord | null {
  const items = documentChunks(catalogue, docId).filter((chunk) => {
    const last = markersOf(chunk.locator).at(-1)
    return levelOf(chunk.locator) === level && last !== undefined && numberOf(last) === n
  })
  const heads = new Set(quoted.filter((locator) => levelOf(locator) === level).map((locator) => markersOf(locator)[0]))
  return items.find((chunk) => heads.has(markersOf(chunk.locator)[0] ?? '')) ?? items[0] ?? null
}

/** The passage at `locator` of the document: what "详细说说" asks more of. */
export function findQuotedPassage(catalogue: ChunkCatalogue, docId: string, locator: string): ChunkRecord | null {
  if (!locator) return null
  return documentChunks(catalogue, docId).find((chunk) => chunk.locator === locator) ?? null
}

/** What an item is called: its own heading, without its number. */
export const itemHeading = (chunk: ChunkRecord): string =>
  (chunk.section.split(' > ').at(-1) ?? chunk.section).replace(MARKER, '').trim()

/**
 * The line of a passage numbered `n` in a list inside it ("2. 产业质量竞争力持续增强：…", else "（二）…", "二、…"), without
 * its number and emphasis: what "第二项具体说的啥" points at when one passage holds the whole list. The passage's own
 * heading (its first line) is no item of it. Null when none is.
 */
export function numberedLineOf(content: string, n: number): string | null {
  const chinese = toChineseNumber(n)
  const markers = [
    new RegExp(`^\\s*(?:[-*]\\s*)?${n}\\s*[.．、)）]\\s*`),
    new RegExp(`^\\s*(?:（${chinese}）|${chinese}、)\\s*`),
  ]
  const lines = content.split('\n').slice(1)
  for (const marker of markers) {
    const line = lines.find((each) => marker.test(each))
    if (line) return line.replace(marker, '').replace(/\*\*/g, '').trim() || null
  }
  return null
}
