import { askingClausesOf } from '../query/asking-clauses.ts'
import { type Concept, isMatter as namesTheMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { namesAThing } from '../text/segment.ts'
import { CLAUSE_BREAK } from '../text/sentences.ts'
import { saysConcept } from './evidence.ts'

// What a bureau issues or checks: its look-alikes share the paper or the check (许可证, 证书, 检定) and
// differ in the thing it is for, written into it (食品生产许可证, CNAS认可证书, 燃气表年检). So does a scheme
// certified (环境管理体系 beside 质量管理体系): "那环境管理体系的呢" after 9001 asks of another certification.
// 换证 (the glossary's word for 再认证) is the paper renewed: "…快到期了，去哪换证" renews the paper told before it.
const BUREAU_PAPER = /(?:许可证|执照|证书|证明|认证|认可|年检|检定|强检|管理体系|换证)$/
// A check in everyday words ("多久要检一次", "拿去检"), jieba's guess gluing the modal on: bare, like 年检 — unless
// the thing checked follows it ("上门给小店检电子秤").
const CHECK_SAID = /^[要去再得还]?检$/
const saysCheck = (question: PreparedQuestion, concept: Concept) => {
  if (!CHECK_SAID.test(concept.word)) return false
  const after = question.folded.slice(question.folded.indexOf(concept.word) + concept.word.length)
  return !question.concepts.some((thing) => isMatter(thing) && namesAThing(thing.word) && after.startsWith(thing.word))
}
// A licence is a regime of its own: a passage that never names one (the scale guide's 蛋糕 sold by weight)
// does not say whether "在朋友圈卖自己做的蛋糕，需要办许可证吗" needs one, whatever else of the question it says.
// (A certificate or a check is named by its scheme, 3C证书 by the CCC guide that says 认证: only what it is for is asked of it.)
const LICENCE = /(?:许可证|执照)$/
// "开个奶茶店要办哪些证": a bare 证 to be got (办证) is a licence too, which a passage naming none does not tell of —
// though its 证明 says the character.
const LICENCE_GOT = /办(?:哪些|什么|啥|个|些|好)?证(?![书明件])/
const LICENCE_NAMED = /许可证|执照|证照/
// A paper named in full (居住证, 驾驶证, 身份证) is issued under a regime of its own, as a licence is: a passage that never
// names it does not say how it is got, renewed or brought along (办居住证要什么材料 is not the complaint guide's
// 材料). A certification (再认证) is a check, not a paper. So are the papers called 照 in everyday words (驾照, 护照,
// 牌照); most words ending in 照 are not papers (拍照, 按照, 参照), so only these.
const NAMED_PAPER = /\p{Script=Han}{2}(?<![认验]证)证$|^(?:驾|护|牌)照$/u
// One the asker has ("盒子里有张合格证") is their case, told, not the paper asked about.
const pointsToPaper = (question: PreparedQuestion, concept: Concept) =>
  NAMED_PAPER.test(concept.word) &&
  askingClausesOf(question.folded).some(
    (clause) =>
      clause.includes(concept.word) && !clause.includes(`有${concept.word}`) && !clause.includes(`张${concept.word}`),
  )
// Doings on such a paper that a guide states for its own matter only (备案, 查真假, 补办): a passage that does
// not say the doing tells of another matter.
const BUREAU_DOING = /^(?:备案|真假|真伪|补办)$/

// A post a rule requires of a business, split from what it is for (食品安全 | 总监, 食品 | 安全员): its look-alikes under
// other rules differ in that (the food-safety rules' 食品安全总监 against the orders' 质量安全总监), so what is written
// into it must be said. A post the glossary knows whole (质量总监) is one word and not split.
const POST_HEAD = /^(?:总监|安全员)$/

// A certificate someone holds, joined to the thing before it by 的 ("供应商的证书", "对方的证明"): that thing says
// whose paper it is, not what it is for. A licence is for a business kind ("小饭馆的许可证") and a check for its
// thing ("电梯的年检"): they stay of it.
const HELD_PAPER = /^(?:证书|证明)$/

// The asker's case told before a complaint asked about is no matter a paper is for either.
const isToldMatter = (concept: Concept) => namesTheMatter(concept) && !concept.scene
// The owner's case (Concept.optional) is told, not asked: a licence the asker holds ("有生产许可证的，按75号令要配哪些人")
// is the scope the passage judges, not a paper it has to name.
const isMatter = (concept: Concept) => isToldMatter(concept) && !concept.optional
// "燃气表也要每年年检吗": how often is asked, not what the check is for; the thing stays the one before it.
const EVERY_PERIOD = /^每(?:年|月|季度?|周|天|日)$/
// A scheme named in the paper itself (9001认证, 3c认证), or a certification at all (质量管理体系认证): what it is
// for is its scheme, so the asker's story before it ("我们就七八个人的小公司，也可以去做质量管理体系认证吗")
// tells who asks, not what the paper is for.
const NAMED_SCHEME = /[a-z0-9]|认证|认可/
// So does a paper whose full form names its scheme: 免办证明 is the 免予办理强制性产品认证证明, so "入境时行李里带了个电吹风
// 自用，需要去申请免办证明吗" asks whether the CCC scope reaches the case, not about a paper for 电吹风.
const namesScheme = (paper: Concept) => [paper.word, ...paper.alternatives].some((term) => NAMED_SCHEME.test(term))

// Selling ("拿来卖货", "不对外卖东西") is the use a check is for (贸易结算), in the asker's words: never the thing checked,
// though jieba tags the verb and its object together as a noun. A seller (卖家, 卖方, 卖场, 卖主) stays a thing.
const SELLING = /^卖(?![家方场主])/

// The matter written right before `end` in the question, not yet in `chain`.
const writtenBefore = (question: PreparedQuestion, end: number, chain: Concept[]) =>
  question.concepts.find(
    (concept) =>
      isMatter(concept) &&
      !EVERY_PERIOD.test(concept.word) &&
      !chain.includes(concept) &&
      question.folded.slice(0, end).endsWith(concept.word),
  )

/** The things written right before `word` in the question, nearest first ("有机产品认证证书" → 产品认证, 有机). */
function writtenInto(question: PreparedQuestion, word: Concept): Concept[] {
  const chain: Concept[] = []
  let end = question.folded.indexOf(word.word)
  for (
    let before = writtenBefore(question, end, chain);
    before && namesAThing(before.word);
    before = writtenBefore(question, end, chain)
  ) {
    chain.push(before)
    end -= before.word.length
  }
  return chain
}

/**
 * A post split from what it is for, and that: the matter written right before it ("食品安全总监" → 食品安全), whatever
 * it names. A passage that never names the post (the plan's 食品安全 publicity) does not tell of it either.
 */
function postAndField(question: PreparedQuestion, post: Concept): Concept[] {
  const field = writtenBefore(question, question.folded.indexOf(post.word), [])
  return field ? [post, field] : []
}

/**
 * The things written right before `word` in the question; for a bare paper or check with nothing written into
 * it (not 9001证书, 免办证明), the thing it is for; for one whose clause names no thing, the thing told in the
 * clause before.
 */
function modifiersOf(question: PreparedQuestion, word: Concept): Concept[] {
  const start = question.folded.indexOf(word.word)
  const chain = writtenInto(question, word)
  if (chain.length > 0) return chain
  // A bare paper or check with nothing written into it (许可证, 年检 — not ISO认证) is for the thing named last
  // before it in its clause: "燃气表也要每年年检吗", "开一家美容院需要办哪些许可证".
  const inClause = lastThingIn(question, start, 1)
  if (inClause) {
    const bare =
      (word.word === BUREAU_PAPER.exec(word.word)?.[0] || CHECK_SAID.test(word.word)) &&
      !writtenBefore(question, start, [])
    const whose = HELD_PAPER.test(word.word) && question.folded.slice(0, start).endsWith(`${inClause.word}的`)
    return bare && !whose ? [inClause] : []
  }
  return namesScheme(word) ? paperToldBefore(question, start) : thingToldBefore(question, start)
}

/**
 * A scheme's paper ("…，现在能提前去换证吗") is for its scheme, whoever the story before it says asks — unless what the
 * clause before tells of is a paper of its own ("护照明年到期了"): that paper is what is renewed.
 */
function paperToldBefore(question: PreparedQuestion, at: number): Concept[] {
  const told = lastThingIn(question, at, 2)
  return told && NAMED_PAPER.test(told.word) ? [told] : []
}

/** The thing named last in a clause of the question before `at`: `back` 1 is the clause holding `at`, 2 the one before. */
function lastThingIn(question: PreparedQuestion, at: number, back: 1 | 2, withCase = false): Concept | undefined {
  const clause = question.folded.slice(0, at).split(CLAUSE_BREAK).at(-back) ?? ''
  return question.concepts
    .filter(
      (concept) =>
        (withCase ? isToldMatter(concept) : isMatter(concept)) &&
        namesAThing(concept.word) &&
        !SELLING.test(concept.word) &&
        clause.includes(concept.word),
    )
    .sort((a, b) => clause.lastIndexOf(b.word) - clause.lastIndexOf(a.word))[0]
}

/**
 * A paper or check whose clause names no thing ("…，能申请检定吗", "…，需要办营业执照吗") is for the thing the
 * asker told of in the clause before: its last thing, when the documents never use that word ("家里电表好像
 * 走得特别快" → 电表, "网上卖二手手机" → 二手手机). A thing they do use ("水果店刚买了台新电子秤", "我们小厂想做
 * ISO9001") is the matter they answer, and the asker's own kind (我们是装修公司) is filler, never taken.
 */
function thingToldBefore(question: PreparedQuestion, at: number): Concept[] {
  // The owner's goods a yes/no ask judges (optional, src/query/owner-case.ts) are still the thing checked when they
  // come last and the documents name them: "后厨称面粉白糖的那台小秤，也得每年拿去强检吗" checks the 秤, not 白糖 weighed on it.
  if (lastThingIn(question, at, 2, true)?.known) return []
  const told = lastThingIn(question, at, 2)
  return told && !told.known ? [told] : []
}

/**
 * The part of a bureau matter asked about that the passage does not say: the doing itself
 * ("备案" of "开专利代理机构要去哪里备案" against the plan's 蓝天行动), a licence itself, or what it or a post is for,
 * written into it ("食品" of 食品生产许可证, "cnas" of CNAS认可证书 against the ISO guide's 证书真伪, 食品安全 of 食品安全总监). The passage then tells
 * of a look-alike matter, however many of the other words it shares.
 */
export function unsaidBureauMatter(question: PreparedQuestion, chunk: ChunkRecord): Concept | undefined {
  // An English question is folded to a run of translated terms: no word there is written into another.
  if (question.english) return undefined
  const licence = question.concepts.find((concept) => /^办?证$/.test(concept.word))
  if (licence && LICENCE_GOT.test(question.folded) && !LICENCE_NAMED.test(chunk.analysis.context)) return licence
  return question.concepts
    .filter(isMatter)
    .flatMap((concept) => [
      ...(BUREAU_DOING.test(concept.word) ? [concept] : []),
      ...(LICENCE.test(concept.word) || pointsToPaper(question, concept) ? [concept] : []),
      ...(BUREAU_PAPER.test(concept.word) || saysCheck(question, concept) ? modifiersOf(question, concept) : []),
      ...(POST_HEAD.test(concept.word) ? postAndField(question, concept) : []),
    ])
    .find((concept) => concept.word.length > 1 && !saysConcept(concept, chunk.analysis.context))
}
