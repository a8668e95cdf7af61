import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'

/** The English term list's file name, beside glossary.json in the knowledge folder. */
export const ENGLISH_TERMS_FILE = 'english.json'

/** English phrases and the Chinese the documents use for them, longest phrase first. */
export type EnglishTerms = Array<[english: string, chinese: string]>

const EnglishTermsFile = z.record(z.string().min(1), z.string().min(1))

/** Reads knowledge/english.json ({"weighing scale": "电子秤", …}); a missing file is an empty list. */
export function loadEnglishTerms(path: string): EnglishTerms {
  if (!existsSync(path)) return []
  const parsed = EnglishTermsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path}: expected an object of English phrase → Chinese term`)
  return Object.entries(parsed.data)
    .map(([english, chinese]): [string, string] => [english.toLowerCase(), chinese])
    .sort((a, b) => b[0].length - a[0].length)
}

const LATIN_WORD = /[a-z][a-z'-]*/g

/** A question written in English: mostly Latin letters and at least three words of them. */
export function isEnglish(folded: string): boolean {
  const latin = folded.match(/[a-z]/g)?.length ?? 0
  const cjk = folded.match(/[\u3400-\u9fff]/g)?.length ?? 0
  return (folded.match(LATIN_WORD)?.length ?? 0) >= 3 && latin > 4 * cjk
}

// Codes that mean the same in both languages ("ISO 9001", "CCC", "12315") are kept as they are.
const KEEP = /^(iso|ccc|3c|cnas|cnca|samr|cpa|qms|gb)$/

/**
 * The Chinese question an English one asks, in the documents' words: listed phrases replaced (longest
 * first, whole words only), codes and numbers kept, every other English word dropped.
 */
export function toChineseQuestion(folded: string, terms: EnglishTerms): string {
  let text = ` ${folded.replace(/[^\p{L}\p{N}\s]/gu, ' ')} `
  for (const [english, chinese] of terms) {
    const phrase = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    text = text.replace(new RegExp(`(?<=\\s)${phrase}(?=\\s)`, 'g'), chinese)
  }
  return text
    .split(/\s+/)
    .filter((word) => word && (!/^[a-z]/.test(word) || KEEP.test(word)))
    .join(' ')
}
