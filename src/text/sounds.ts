import { pinyin } from 'pinyin-pro'
import { KEPT_CODES } from './english.ts'
import { isCjk } from './fold.ts'
import { segmentWords } from './segment.ts'

/**
 * A word typed in pinyin in a Chinese question ("zhiliang月有啥活动", "上海shishi方案里…"), as people do when the
 * input method will not give the characters: read as the word of the documents that sounds so. Only a run of
 * four or more Latin letters standing apart from digits (not iso9001, not a code such as cnas or ccc), and only a
 * run that spells a whole word the documents use: everything else stays as typed.
 */
const PINYIN_RUN = /(?<![a-z0-9])[a-z]{4,}(?![a-z0-9])/g

/** The toneless pinyin of a word, its syllables run together: 质量 → zhiliang. */
export const spellingOf = (word: string): string => pinyin(word, { toneType: 'none', type: 'array' }).join('')

/** Toneless spelling → the word of the texts most often spelled so (two or more Chinese characters). */
export function soundIndexOf(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>()
  for (const text of texts)
    for (const word of segmentWords(text))
      if (word.length >= 2 && [...word].every(isCjk)) counts.set(word, (counts.get(word) ?? 0) + 1)
  const best = new Map<string, { word: string; count: number }>()
  for (const [word, count] of counts) {
    const spelled = spellingOf(word)
    const known = best.get(spelled)
    if (!known || count > known.count) best.set(spelled, { word, count })
  }
  return new Map([...best].map(([spelled, { word }]) => [spelled, word]))
}

/** The folded question with each pinyin run that spells a word of the documents read as that word. */
export function readPinyin(folded: string, soundsLike: (spelled: string) => string | null): string {
  if (![...folded].some(isCjk)) return folded
  return folded.replace(PINYIN_RUN, (run) => (KEPT_CODES.test(run) ? run : (soundsLike(run) ?? run)))
}
