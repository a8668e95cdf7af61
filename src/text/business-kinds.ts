import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'

/** The lexicon's file name, beside glossary.json in the knowledge folder. */
export const BUSINESS_KINDS_FILE = 'business-kinds.json'

const BusinessKindsFile = z.array(
  z.object({
    /** The unit type as the orders name it (销售单位). */
    unit: z.string().min(1),
    /** What the documents call such a unit: the orders' word and the CCC guide's (销售商). */
    terms: z.array(z.string().min(1)).min(1),
    /** Words in which owners say they run one: 卖, 商场, 批发, 店 — or 厂, 作坊, 代工 for a maker. */
    kinds: z.array(z.string().min(1)).min(1),
  }),
)

/** A unit type of the orders and the owners' words for a business of that type. */
export type BusinessKind = z.infer<typeof BusinessKindsFile>[number]

/** Reads knowledge/business-kinds.json; a missing file is an empty list, a malformed one an error. */
export function loadBusinessKinds(path: string): BusinessKind[] {
  if (!existsSync(path)) return []
  const parsed = BusinessKindsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path}: expected a list of {unit, terms, kinds}`)
  return parsed.data
}
