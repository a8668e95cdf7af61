import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { BUSINESS_KINDS_FILE, type BusinessKind, loadBusinessKinds } from './business-kinds.ts'
import { ENGLISH_TERMS_FILE, type EnglishTerms, loadEnglishTerms } from './english.ts'
import { foldText } from './fold.ts'
import { addWords } from './segment.ts'

const GlossaryFile = z.array(z.array(z.string().min(1)).min(2))

/** The glossary's file name inside the knowledge folder; ingest and the chat both read it. */
export const GLOSSARY_FILE = 'glossary.json'

/**
 * Groups of terms that mean the same thing (the first of each is the documents' own wording), the
 * English term list that lets an English question be asked in the documents' Chinese, and the kinds of
 * business owners say they run, typed by the orders' unit types (only read where an asker names their own).
 */
export type Glossary = { groups: string[][]; english: EnglishTerms; businessKinds?: BusinessKind[] }

/**
 * Reads knowledge/glossary.json and the english.json and business-kinds.json beside it; a missing file is
 * empty, a malformed one an error.
 */
export function loadGlossary(path: string): Glossary {
  const english = loadEnglishTerms(join(dirname(path), ENGLISH_TERMS_FILE))
  const businessKinds = loadBusinessKinds(join(dirname(path), BUSINESS_KINDS_FILE))
  if (!existsSync(path)) return { groups: [], english, businessKinds }
  const parsed = GlossaryFile.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path}: expected an array of term groups (arrays of two or more strings)`)
  const groups = parsed.data.map((group) => group.map(foldText))
  // Teaching jieba the terms keeps "免办" or "75号令" whole instead of cut into meaningless pieces.
  addWords(groups.flat().filter((term) => !term.includes(' ')))
  return { groups, english, businessKinds }
}

/** The group of terms that mean the same as `term`, if the glossary has one (the first, where several hold it). */
export function groupOf(glossary: Glossary, term: string): string[] | undefined {
  return groupIndexOf(glossary.groups).get(term)
}

// Each term's first group, per list of groups: a question's every word and piece is looked up (concepts.ts, the
// naming terms of named-documents.ts), and a scan of every group for each cost more than the rest of the lookups.
// Keyed by the groups a glossary was loaded with, which nothing changes afterwards.
const groupIndexes = new WeakMap<readonly string[][], Map<string, string[]>>()

function groupIndexOf(groups: readonly string[][]): Map<string, string[]> {
  const known = groupIndexes.get(groups)
  if (known) return known
  const index = new Map<string, string[]>()
  for (const group of groups) for (const term of group) if (!index.has(term)) index.set(term, group)
  groupIndexes.set(groups, index)
  return index
}

/** Terms from the glossary that a text implies but may not contain: "3c" brings "强制性产品认证". */
export function expandTerms(glossary: Glossary, text: string): string[] {
  const folded = foldText(text)
  const extra = new Set<string>()
  for (const group of glossary.groups) {
    if (group.some((term) => folded.includes(term))) {
      for (const term of group) if (!folded.includes(term)) extra.add(term)
    }
  }
  return [...extra]
}
