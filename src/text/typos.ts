import { foldText } from './fold.ts'

// Misspellings seen in chat logs: pinyin input picks a homophone. Kept to pairs that cannot mean anything else.
const TYPOS: [RegExp, string][] = [
  [/人功/g, '人工'],
  [/免半/g, '免办'],
  [/活东/g, '活动'],
  [/检订/g, '检定'],
  [/投述/g, '投诉'],
  [/认正/g, '认证'],
  [/质量越/g, '质量月'],
]

/** Folded text (see foldText) with the typos above corrected: how a question is read. */
export function foldQuestion(text: string): string {
  let folded = foldText(text)
  for (const [typo, fix] of TYPOS) folded = folded.replace(typo, fix)
  return folded
}
