import { foldText, isCjk } from '../text/fold.ts'
import { idfOf } from '../text/idf.ts'
import { segmentWords } from '../text/segment.ts'
import { type Embedder, normaliseL2 } from './embedder.ts'

// Character bigrams catch what segmentation misses (typos, unusual words) but say less than a word.
const BIGRAM_WEIGHT = 1.5

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function features(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight)
  for (const word of segmentWords(text)) add(`w:${word}`, 1)
  const chars = [...foldText(text)]
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] as string
    const b = chars[i + 1] as string
    if (isCjk(a) && isCjk(b)) add(`b:${a}${b}`, 1)
  }
  return counts
}

/**
 * Offline embedding: jieba words weighted by sublinear tf × jieba's idf, plus CJK character bigrams,
 * hashed with a sign bit into `dimension` buckets and L2-normalised. Deterministic, no download.
 */
export function createLocalEmbedder(dimension = 1024): Embedder {
  const embed = (text: string): number[] => {
    const vector = new Array<number>(dimension).fill(0)
    for (const [feature, count] of features(text)) {
      const isWord = feature.startsWith('w:')
      const weight = (1 + Math.log(count)) * (isWord ? idfOf(feature.slice(2)) : BIGRAM_WEIGHT)
      const hash = fnv1a(feature)
      const index = hash % dimension
      vector[index] = (vector[index] as number) + (hash & 0x80000000 ? -weight : weight)
    }
    return normaliseL2(vector)
  }
  return {
    model: `local-hash-idf-v1`,
    dimension,
    async embedDocuments(texts) {
      return texts.map(embed)
    },
    async embedQuery(text) {
      return embed(text)
    },
  }
}
