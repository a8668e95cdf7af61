import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { foldText } from './fold.ts'

let jieba: Jieba | undefined
const getJieba = (): Jieba => {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

// Words that carry no topic: dropping them keeps both lexical and vector matching on content.
const STOPWORDS = new Set(
  (
    '的 了 和 与 及 或 是 在 有 为 对 把 被 就 也 都 而 并 等 之 其 这 那 个 些 吗 呢 吧 啊 呀 哦 嘛 么 什么 怎么 怎样 如何 ' +
    '哪些 哪个 哪里 哪 多少 几 是否 能否 可以 能 要 需要 应该 请问 请 我 我们 你 你们 他 她 它 他们 自己 一下 一个 ' +
    '这个 那个 还 又 再 吧 呢 想 问 问问 知道 告诉 一些 没有 不 会 得 地 着 过 给 让 从 向 到 以 于 按 由 跟 同 ' +
    '如果 那么 因为 所以 但是 可是 还是 以及 这些 那些 现在 时候 时 里 上 下 中 后 前 啥 咋 嗯 呃 好 ' +
    '哪天 哪年 什么时候 几时 到底 具体 大概 一般 大致 有没有 是不是 能不能 可不可以 会不会 要不要 怎么样 为什么 为啥 ' +
    '才 说 听说 有个 怎么回事 回事 是什么 啥意思 什么意思 咋办 一下子 请教 麻烦 您好 你好'
  ).split(' '),
)

const WORD = /[\p{L}\p{N}]/u

/** Content words of a text in search granularity (long words also give their parts), folded. */
export function segmentWords(text: string): string[] {
  const words: string[] = []
  for (const token of getJieba().cutForSearch(foldText(text), true)) {
    const word = token.trim()
    if (word && WORD.test(word) && !STOPWORDS.has(word)) words.push(word)
  }
  return words
}

// The parts of single words (a glossary term, a word of the question): the same vocabulary is cut for every
// question (searchWords, a long word's parts). Bounded; words added to the dictionary change the cut: addWords clears it.
const wordParts = new Map<string, readonly string[]>()
const WORD_PARTS_CACHE_SIZE = 20_000

/** `segmentWords` of one word or term, remembered: a fresh array, the caller may change it. */
export function segmentWord(word: string): string[] {
  const cached = wordParts.get(word)
  if (cached) return [...cached]
  const parts = segmentWords(word)
  if (wordParts.size >= WORD_PARTS_CACHE_SIZE) wordParts.clear()
  wordParts.set(word, parts)
  return [...parts]
}

/** A text cut into the words of jieba's dictionary and the glossary, every character kept: its words at their places. */
export const cutWords = (text: string): string[] => getJieba().cut(text, false)

// jieba's tags of each word tagged: the same title and passage words are judged for every question, and
// tagging them again cost a tenth of a turn. Words added to the dictionary change the tags: addWords clears it.
const tagged = new Map<string, string[]>()
const TAG_CACHE_SIZE = 20_000

/** Adds words (e.g. glossary terms) so that they are kept whole when segmenting. */
export function addWords(words: Iterable<string>): void {
  const lines = [...words].map((word) => `${foldText(word).replace(/\s+/g, '')} 1000 n`).join('\n')
  if (!lines) return
  getJieba().loadDict(Buffer.from(lines))
  tagged.clear()
  wordParts.clear()
}

// jieba's part-of-speech tags for things: nouns (n, nr, ns, nt, nz …). A verbal noun (vn: 续期) names a
// doing, which the documents may say in other words (延期); a word its dictionary lacks (x) is as often a
// colloquial fragment ("查些") as a name.
const THING_TAG = /^n\w*$/

function tagsOf(word: string): string[] {
  const cached = tagged.get(word)
  if (cached) return cached
  const tags = getJieba()
    .tag(foldText(word), true)
    .map(({ tag }) => tag)
  if (tagged.size >= TAG_CACHE_SIZE) tagged.clear()
  tagged.set(word, tags)
  return tags
}

/** Whether jieba tags every piece of a word with a tag of the class given. */
const taggedAs = (word: string, tags: RegExp): boolean => tagsOf(word).every((tag) => tags.test(tag))

/** Whether a word names a thing (电梯, 奖品, 行政复议) rather than a doing or a judgement (报名, 靠谱). */
export const namesAThing = (word: string): boolean => taggedAs(word, THING_TAG)

/** Whether jieba's dictionary takes a word for an abbreviation (北大, 亚运会, 医保; its tag j). */
export const namesAnAbbreviation = (word: string): boolean => taggedAs(word, /^j$/)

/** Whether jieba's dictionary takes a word for a place name (浦东, 上海). */
export const namesAPlace = (word: string): boolean => taggedAs(word, /^ns$/)

// Verbs, adverbs, adjectives and pronouns: what is done or said of a matter ("转给", "修好", "别的"), not what it is.
const DOING_TAG = /^(?:v|d|a|r)\w*$/

/** Whether jieba's dictionary takes a word for a doing or a description (转给, 修好, 别的), not a thing or a name. */
export const namesADoing = (word: string): boolean => taggedAs(word, DOING_TAG)

/** Whether jieba's dictionary takes a word for a position in time or space (以后, 之前, 里面): when or where, not what. */
export const namesAPosition = (word: string): boolean => taggedAs(word, /^f$/)

/** Whether jieba's dictionary takes a word for a quality (差, 贵, 假): what is said of a thing, not a thing or a doing. */
export const namesAQuality = (word: string): boolean => taggedAs(word, /^a\w*$/)

/** Whether jieba's dictionary takes a word for a verb (撤回, 仲裁, 延期), not an adverb or a description (重新, 有效). */
export const namesAnAct = (word: string): boolean => taggedAs(word, /^v\w*$/)

// Numerals and measure words: how much or how many is asked or told ("一年", "多少尊"), not what of.
const QUANTITY_TAG = /^(?:m|q|mq)$/

/** Whether jieba's dictionary takes a word for a number or a measure (一年, 尊, 天). */
export const namesAQuantity = (word: string): boolean => taggedAs(word, QUANTITY_TAG)

// One-character adverbs of time, order and negation that jieba's guessing glues to a neighbour: "秤刚修好"
// → 秤刚, "能先用着吗" → 先用, "没贴合格标志" → 没贴. Like a function word, they say when or whether, not what.
// So do measure words before their noun or after a verb: "买了条鱼" → 条鱼, "搞点活动" → 搞点, "买了个证" → 个证.
const GLUED_ADVERB = new Set('刚 没 先 已 曾 快 正 才 就 都 还 也 又 再 条 个 只 件 台 块 点 些 张'.split(' '))

/** Whether jieba's dictionary has the word ("老百姓"), rather than its guessing (HMM) having glued it ("盖木塔"). */
export const inDictionary = (word: string): boolean => getJieba().cut(foldText(word), false).length === 1

/**
 * The content words of a word jieba's dictionary lacks, when its guessing (HMM) glued a function word
 * or a one-character adverb onto a content one — "证能" of "那个证能转给…", "检吗" of "还要重新检吗", "秤刚" of
 * "秤刚修好" → 证, 检, 秤 — or a word onto a term (`isTerm`: "秤坏" of "秤坏了修好以后" → 秤, 坏); none when it
 * glued only function words ("我能" of "我能找谁"). Null when nothing of the kind is glued on (a name it
 * guessed whole, "潞王", stays a name).
 */
export function unglued(word: string, isTerm: (piece: string) => boolean = () => false): string[] | null {
  const pieces = getJieba().cut(foldText(word), false)
  const glue = (piece: string) => STOPWORDS.has(piece) || GLUED_ADVERB.has(piece)
  if (pieces.length < 2 || !pieces.some((piece) => glue(piece) || isTerm(piece))) return null
  return pieces.filter((piece) => WORD.test(piece) && !glue(piece))
}
