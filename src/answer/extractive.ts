import {
  asksAlike,
  asksConsequence,
  asksDecider,
  asksPenalty,
  namesConsequence,
  namesDecider,
  onlyTells,
} from '../query/answer-types.ts'
import { type Concept, isMatter } from '../query/concepts.ts'
import { statesUseRule } from '../query/goods-use.ts'
import { tellsIssuance } from '../query/issuance.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { tellsRecourse } from '../query/recourse.ts'
import { tiesRelation } from '../query/relation.ts'
import { statesArticleDuty } from '../query/requirements.ts'
import { statesSaid } from '../query/states.ts'
import { showsWayIn } from '../query/way-in.ts'
import { headerOf } from '../retrieval/chunk-analysis.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import type { ScoredChunk } from '../retrieval/search.ts'
import { foldText } from '../text/fold.ts'
import { namesAnAct, namesAQuality, namesAThing } from '../text/segment.ts'
import { CLAUSE_BREAK } from '../text/sentences.ts'
import { settlingSentences } from './alternatives.ts'
import { unsaidDoing } from './asked-doing.ts'
import { beyondSummary } from './beyond-summary.ts'
import type { Citation } from './citations.ts'
import {
  answersTypes,
  askedConcepts,
  coverage,
  coverageOfFolded,
  type Evidence,
  gapNamingMatter,
  leavesOutMatter,
  saysConcept,
  statesCoverageGap,
  unknownShare,
} from './evidence.ts'
import { caseUnjudged } from './judged-case.ts'
import { cycleSentences, leadSentence, thingsAsked } from './lead.ts'
import { saysMatterOnlyInLists } from './listed-only.ts'
import { unsaidBureauMatter } from './lookalike.ts'
import { asksOfTheWhole, opensDocument } from './opening.ts'
import { otherPlaceAsked } from './other-place.ts'
import { outcomeAsked, timesOutcome } from './outcome.ts'
import type { RefusalReason } from './refusals.ts'
import { shapeAnswer } from './shape.ts'
import {
  ASPECT_MARGIN,
  DOCUMENT_NAME_SHARE,
  GAP_SENTENCE_COVERAGE,
  GROUNDING,
  NEAR_GATE,
  RANKING,
  TYPED_CANDIDATES,
  TYPED_MARGIN,
} from './tuning.ts'
import { asksOnlyUnknownThings } from './unknown-matter.ts'
import { unnamedAudienceOf } from './unnamed-audience.ts'
import { statingAspect, unsaidAspect } from './unsaid-aspect.ts'
import { warnsOfOtherTrap } from './warnings.ts'

export type { Evidence } from './evidence.ts'

export type ExtractiveResult =
  | { grounded: true; answer: string; citations: Citation[]; evidence: Evidence[] }
  | { grounded: false; reason: RefusalReason; gap: string | null; evidence: Evidence[] }

/** Scores the retrieved chunks and their sentences against the question, best first. */
export function weighEvidence(question: PreparedQuestion, candidates: ScoredChunk[], weights = RANKING): Evidence[] {
  // The asker's case ("网店老板不给退款，…") picks no passage: what is asked does.
  const concepts = askedConcepts(question.concepts)
  const told = question.concepts.filter((concept) => concept.scene)
  const best = candidates[0]?.score ?? 1
  const { relation } = question
  // The owner's case told before the ask ranks as any word of the question does; it only keeps no passage under
  // the coverage gate (Concept.optional): a passage need not say it.
  const ranking = concepts.map((concept) => (concept.optional ? { ...concept, optional: false } : concept))
  // The case told as the complaint guide itself speaks of it ("怎么投诉商家") leaves the way in the routes'; a case
  // only another guide speaks of ("碰到伪造认证证书的去哪举报") is nearer there (`told`), whatever its section.
  const toldBy = new Map<string, number>()
  for (const chunk of candidates)
    toldBy.set(
      chunk.docId,
      Math.max(toldBy.get(chunk.docId) ?? 0, told.length > 0 ? coverageOfFolded(told, chunk.analysis.context) : 1),
    )
  return candidates
    .map((chunk) => {
      const { analysis } = chunk
      const chunkCoverage = coverageOfFolded(concepts, analysis.context)
      // The overview repeats the document's name that every other passage of it leaves unsaid: the
      // name counts in part for each passage, so that it is not the overview's alone.
      const ownCoverage =
        (1 - DOCUMENT_NAME_SHARE) * coverageOfFolded(ranking, analysis.own) +
        DOCUMENT_NAME_SHARE * coverageOfFolded(ranking, analysis.context)
      const titleCoverage = coverageOfFolded(ranking, analysis.names)
      // Words the title already accounts for pick the document; the rest pick the section in it.
      const rest = ranking.filter((concept) => coverageOfFolded([concept], analysis.names) < 1)
      // Squared: a heading that says all the question adds counts far more than one that says part of it.
      // An item's label that names a matter of the question narrows the heading to that item
      // ("（九）打造区域质量发展新优势" > "东部地区"); one that only shares a character ("使用" for 用) does not.
      const labels = analysis.labels.filter((label) =>
        rest.some((concept) => isMatter(concept) && concept.word.length > 1 && coverageOfFolded([concept], label) >= 1),
      )
      const headings = [analysis.heading, ...labels.map((label) => `${analysis.heading} ${label}`)]
      const headingCoverage =
        rest.length > 0 ? Math.max(...headings.map((heading) => coverageOfFolded(rest, heading))) ** 2 : 0
      const sentences = analysis.sentences.map((sentence) => ({
        ...sentence,
        coverage: coverageOfFolded(concepts, sentence.folded),
      }))
      const rank =
        weights.coverage * ownCoverage +
        weights.title * titleCoverage +
        weights.specificity * titleSpecificity(ranking, chunk.title) +
        weights.heading * headingCoverage +
        // Only as much as the passage is about the question's matter: another guide's "多久检一次" does
        // not answer "免办要多久". An item's label asks as a heading does ("超期后果：" for "没按时做会怎么样").
        weights.asked *
          ([chunk.section, ...analysis.labels].some((heading) => asksAlike(question, heading))
            ? matterCoverage(question, chunk)
            : 0) +
        // "刚买的秤还要检吗": the passage on the state told (新秤 "投入使用" before), not the one naming the thing.
        weights.state * statesSaid(question.states, analysis.own) +
        // "用不完的能不能卖掉": the passage stating the rule on the goods' use, not the one on leftovers.
        (question.asksUse && statesUseRule(analysis.own) ? weights.use : 0) +
        // "摊主的秤不准，我该怎么办": what the buyer may do (公平秤复称, 12315), not the stallholder's duties.
        (question.asksRecourse && tellsRecourse(analysis.own) ? weights.recourse : 0) +
        // "怎么举报": the routes (12315), not the difference table that says 举报 over and over.
        (question.asksWayIn && toldBy.get(chunk.docId) === 1 && showsWayIn(analysis.heading, analysis.context)
          ? weights.way
          : 0) +
        // "75号令是由哪个单位发布的": the passage telling the issuance, not one sharing 发布 (发布会) or the name.
        (question.asksIssuance && tellsIssuance(analysis.own) ? weights.issued : 0) +
        // "76号令对销售企业有什么要求": the article stating the duty, not the press reading appended that says 要求.
        (question.asksRequirement && statesArticleDuty(chunk.locator, analysis.own) ? weights.required : 0) +
        // "打电话还是发短信": the passage with a sentence naming an alternative where it speaks of what is asked.
        (settlingSentences(question, chunk, sentences).length > 0 ? weights.alternative : 0) +
        // "质量月是几月份", "质量月是谁办的": a fact about the document's matter as a whole is stated where the
        // document opens (前言: "定于 2023 年 9 月联合开展…"), not in an item that merely names it too.
        (asksOfTheWhole(question, analysis.names) && opensDocument(chunk) ? weights.opening : 0) +
        // "上海方案把质量说成是上海的什么": the passage with a sentence tying the two ("质量是上海的生命").
        (relation && sentences.some((sentence) => tiesRelation(relation, sentence.folded)) ? weights.relation : 0) +
        // …though a passage that does speak of it ("伪造证书…去哪举报": the certificate guide's 投诉举报 line) is nearer.
        (told.length > 0 ? weights.told * coverageOfFolded(told, analysis.context) : 0) +
        weights.similarity * (chunk.similarity ?? 0) +
        weights.fusion * (chunk.score / best)
      return { chunk, coverage: chunkCoverage, rank, sentences }
    })
    .sort((a, b) => b.rank - a.rank)
}

// The subject of a sentence used as a title: what stands before its first 是 or comma (folded text has the
// half-width comma).
const SENTENCE_SUBJECT = /^([^,;:。]{2,}?)(?:是|,)/u

/**
 * How much of a document's title the question names: "质量强国建设纲要" names all of 《质量强国建设纲要》
 * but only part of 《质量强国建设纲要上海实施方案》, which is then the less likely one meant.
 */
function titleSpecificity(concepts: Concept[], title: string): number {
  const plain = foldText(title)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
  // A title derived from a bare passage's first sentence ("大熊猫是中国特有的熊科动物", "端午节,又称端阳节…")
  // names its subject before the 是 or the first comma: the rest is what the passage says of it, which a
  // question about the subject need not name any more than it names a titled passage's text.
  const core = SENTENCE_SUBJECT.exec(plain)?.[1] ?? plain
  if (!core) return 0
  const named = concepts
    .flatMap((concept) => concept.alternatives.filter((term) => core.includes(term)).slice(0, 1))
    .reduce((sum, term) => sum + term.length, 0)
  return Math.min(named / core.length, 1)
}

/** Every year, number or Latin name of the question is in the passage (or a glossary synonym of it is). */
function mentionsIdentifiers(question: PreparedQuestion, chunk: ChunkRecord): boolean {
  const context = chunk.analysis.context
  return question.identifiers.every((identifier) => {
    const concept = question.concepts.find((item) => item.word.includes(identifier))
    return (
      (concept?.alternatives ?? [identifier]).some((term) => context.includes(term)) || context.includes(identifier)
    )
  })
}

/**
 * How much of what the question is about — its matter, not the aspect asked — the passage names.
 * Words the documents never use count half: they may be filler ("靠谱"), or the very thing asked
 * about that no document mentions ("小区", "房子"). A passage that shares the aspect words but not
 * the matter answers a different question ("食品经营许可证怎么办理" is not answered by 生产许可证). A long word
 * said in parts names the matter only in the document whose title says its start (免办证明 in the 免办 guide).
 */
export function matterCoverage(question: PreparedQuestion, chunk: ChunkRecord): number {
  const matter = askedConcepts(question.concepts).filter(
    (concept) => !concept.aspect && !concept.asks && !concept.filler,
  )
  const context = chunk.analysis.context
  let total = 0
  let covered = 0
  for (const concept of matter) {
    const said = concept.known && coverageOfFolded([concept], context, chunk.analysis.names) >= 1
    // The story told before the ask (Concept.optional) weighs only where the passage says it, as in coverage.
    if (concept.optional && !said) continue
    const weight = concept.known ? concept.weight : concept.weight / 2
    total += weight
    if (said) covered += weight
  }
  return total === 0 ? 1 : covered / total
}

/** The known word of the question that tells most (the highest weight): the thing it is about, as a rule. */
function mostTelling(question: PreparedQuestion): Concept | undefined {
  const named = askedConcepts(question.concepts).filter((concept) => concept.known && isMatter(concept))
  return named.reduce<Concept | undefined>(
    (best, concept) => (!best || concept.weight > best.weight ? concept : best),
    undefined,
  )
}

/** Words of the question that name one of `documents` by its title ("质量月" of 《2023年浦东新区“质量月”活动方案》) but that the passage does not say. */
export function titleTermsMissing(question: PreparedQuestion, documents: ChunkRecord[], chunk: ChunkRecord): string[] {
  const titles = [...new Set(documents.map((document) => foldText(document.title)))]
  const context = chunk.analysis.context
  return (
    question.concepts
      // 浦东 of "我能在浦东投诉吗" is where the asker stands, not the district's Quality Month plan that its title names.
      .filter(
        (concept) => !concept.aspect && !concept.asks && !concept.filler && !concept.setting && concept.word.length > 1,
      )
      .filter((concept) => titles.some((title) => concept.alternatives.some((term) => title.includes(term))))
      .filter((concept) => !concept.alternatives.some((term) => context.includes(term)))
      .map((concept) => concept.word)
  )
}

// "怎么申报", "如何办理": the doing asked about, right after the how-word. "怎么操作", "如何处理" ask
// how to go about the matter at all, which any passage on it answers.
const HOW_TO = /(?:怎么|怎样|如何)(\p{Script=Han}{2})/u
const ANY_DOING = /^(?:操作|处理|进行|解决|开展|应对|安排|执行|实施|做到|才能|能够|可以)$/
// "许可证怎么办": how to get a thing done, the doing left unsaid; the thing is still what is asked about.
const GET_IT_DONE = /(?:怎么|怎样|如何)办(?!理)/u
// "地名是怎么来的", "水是怎么变好的", "最后是怎么提取成功的": how something came about, told by what
// happened, not a doing the asker wants steps for.
const MANNER = /(?:怎么|怎样|如何)[^，,；;。？?！!]{1,8}的(?:呢|啊)?[?？。]?$/u

/** The how-word and the doing it asks about ("怎么申报" → 申报), when it asks for one. */
function doingAsked(question: PreparedQuestion): { at: RegExpExecArray; doing: Concept | undefined } | null {
  // "作弊会怎么处罚" asks what befalls the one who did it, which a passage on the consequences answers in its
  // own words (罚款, 没收), not a doing the asker wants steps for.
  if (asksConsequence(question.folded)) return null
  const match = HOW_TO.exec(question.folded)
  const words = match?.[1]
  if (!match || !words || ANY_DOING.test(words)) return null
  return { at: match, doing: question.concepts.find((item) => item.word.includes(words) && !item.asks) }
}

/**
 * A how-to question whose doing no document names ("怎么报名", "怎么预约"). Asked alone it is left to
 * coverage: the documents may say the doing in other words (续期 as 延期). As one ask of several
 * (src/answer/partial.ts) it is not answered by a passage that only names the thing.
 */
export function asksAnUnnamedDoing(question: PreparedQuestion): boolean {
  const doing = MANNER.test(question.folded) ? undefined : doingAsked(question)?.doing
  return doing !== undefined && !doing.known
}

/**
 * What a how-to question asks to do and to what: "食品经营许可证怎么办理" → the doing 办理 (the concept
 * that says it) and the thing, the last matter word before the how-word in its clause (许可证), or,
 * when nothing precedes it, the first thing named after the doing ("怎么申请食品经营许可证": 食品). Words the
 * documents never use are left to coverage.
 */
function howTo(question: PreparedQuestion): Concept[] {
  const { folded } = question
  if (MANNER.test(folded)) return []
  const done = doingAsked(question)
  const unsaid = done ? null : GET_IT_DONE.exec(folded)
  const at = done?.at ?? unsaid
  if (!at) return []
  const doing = done?.doing
  // "怎样向市场监管局投诉商家": the routes in, which name neither the party complained of nor the office.
  if (question.asksWayIn) return [doing].filter((item): item is Concept => item?.known === true)
  const before = folded.slice(0, at.index).split(CLAUSE_BREAK).at(-1) ?? ''
  const after = folded.slice(at.index + at[0].length).split(CLAUSE_BREAK)[0] ?? ''
  const inOrder = (clause: string) =>
    question.concepts
      // The case told before "怎么举报" (scene: 超市卖过期食品) is not the thing the doing is done to.
      .filter((item) => isMatter(item) && !item.scene && item !== doing && clause.includes(item.word))
      .sort((a, b) => clause.lastIndexOf(a.word) - clause.lastIndexOf(b.word))
  // With the doing unsaid, only a thing is asked about: "我该怎么办" asks what to do about the case.
  const object = done ? inOrder(after).find((item) => namesAThing(item.word)) : undefined
  const thing = tellsACase(inOrder(before), before) ? object : (inOrder(before).at(-1) ?? object)
  if (unsaid && !(thing && namesAThing(thing.word))) return []
  return [doing, thing].filter((item): item is Concept => item?.known === true)
}

// What is wrong with a thing, told by a negation or a having: "不准", "没法用", "不合格", "有质量问题" (not
// 有效, 有关, 有限).
const WRONG_WITH_IT = /[不没未无]|有(?![效关限])/

/**
 * "网购衣服质量差怎么投诉", "电子秤不准怎么举报", "鞋子有质量问题怎么投诉": the clause before the how-word tells
 * the asker's case, a thing and what is wrong with it, which a passage on how to complain never names;
 * "许可证怎么办理", "质量奖申报怎么办理" name the thing done. `named` are the clause's matter words in order.
 */
function tellsACase(named: Concept[], before: string): boolean {
  const thing = named.find((item) => namesAThing(item.word))
  const last = named.at(-1)
  if (!thing || !last || last === thing) return false
  const told = before.slice(before.indexOf(thing.word) + thing.word.length)
  return namesAQuality(last.word) || WRONG_WITH_IT.test(told)
}

/**
 * A how-to question ("质量奖怎么申报", "食品经营许可证怎么办理") is answered by a passage that speaks of
 * that doing to that thing (or glossary synonyms), not by one that only names the thing ("质量奖获奖单位
 * 开展开放日") or tells how to do it to another (电子秤 "怎么申请"). Words the documents never use are
 * left to coverage.
 */
export function speaksOfTheDoing(question: PreparedQuestion, chunk: ChunkRecord): boolean {
  // A long word may be said in parts ("质量管理体系的认证").
  const says = (concept: Concept) => saysConcept(concept, chunk.analysis.context)
  const asked = howTo(question)
  if (asked.every(says)) return true
  // "怎么联系我，打电话还是发短信": the sentence naming a way settles how.
  if (settlingSentences(question, chunk, chunk.analysis.sentences).length > 0) return true
  const settled = settledByWhether(question)
  const doing = doingAsked(question)?.doing
  if (settled.length > 0 && settled.every(says) && asked.every((concept) => concept === doing || says(concept)))
    return true
  return thingsOfWhatIsSaid(question, doing)?.every(says) === true
}

// Asked whether a document speaks of a how ("纲要里有没有讲…怎么获得赔偿", "指引里有没有说调解不成该怎么维权",
// "方案里有没有提到怎么帮小商户检秤"): what the document says of the matter answers, steps or not.
const SAYS_WHETHER = /(?:有没有|有无|是否)(?:讲|说|提|写|涉及|规定)[到过]?|([讲说提写])没\1/u

/**
 * The things of a question asking whether a document speaks of a how: the nouns told after the talk
 * verb (消费者, 质量问题 of 有没有讲消费者碰到质量问题怎么获得赔偿), which the passage has to say; the doing
 * (获得, 维权) is what is asked about, left to coverage, and so are the acts (赔偿): the document may say them in
 * its own words (赔付, 救济). Null when the question does not ask this way.
 */
function thingsOfWhatIsSaid(question: PreparedQuestion, doing: Concept | undefined): Concept[] | null {
  const at = SAYS_WHETHER.exec(question.folded)
  if (!at) return null
  const after = question.folded.slice(at.index + at[0].length)
  return question.concepts.filter(
    (concept) =>
      concept !== doing &&
      isMatter(concept) &&
      concept.known &&
      after.includes(concept.word) &&
      namesAThing(concept.word),
  )
}

// A how asked through a whether or an either/or: "怎么确认认证机构是不是经过批准的", "怎么联系我，打电话
// 还是发短信", "纲要里有没有讲…怎么获得赔偿".
const WHETHER = /是不是|是否|有没有|还是/
// …or through a which right after the doing ("怎么查哪些产品需要3C认证"): the passage saying how the which is
// told (对照目录判断) settles it.
const WHICH_FOUND_OUT = /^(?:一下|清楚)?哪/

/**
 * The things after the doing of a how asked through a whether or an either/or (批准 of 认证机构; 电话,
 * 短信; 赔偿): the passage that says them settles the question, however it says finding it out (核实 for
 * 确认, 告知 for 联系). A plain how-to ("质量奖怎么申报") still needs its doing said.
 */
function settledByWhether(question: PreparedQuestion): Concept[] {
  const { folded } = question
  const done = MANNER.test(folded) ? null : doingAsked(question)
  if (!done?.doing) return []
  const after = folded.slice(done.at.index + done.at[0].length)
  if (!WHETHER.test(folded) && !WHICH_FOUND_OUT.test(after)) return []
  // Things and acts only: "经过" of 是不是经过批准 says how the whether is put, not what settles it.
  return question.concepts.filter(
    (concept) =>
      concept !== done.doing &&
      isMatter(concept) &&
      concept.known &&
      after.includes(concept.word) &&
      (namesAThing(concept.word) || namesAnAct(concept.word)),
  )
}

/**
 * The sentences of a passage that may state a fact about the question's matter: "奖多少钱" about 中小企业
 * 认证 is not answered by "全员劳动生产率预期为每人36万元" in the same passage. A sentence speaks of the matter
 * when it, the one before it in its paragraph ("他…", "该…" after the sentence naming it) or the passage's heading names a
 * thing the question is about (`things`) that the document's title does not already say for every passage
 * of it. A section headed by the kind of fact asked ("五、监管部门的处理时限" for 几天) gives it for its
 * document's matter.
 */
function factsOfMatter(question: PreparedQuestion, things: Concept[], evidence: Evidence): Evidence['sentences'] {
  const { chunk, sentences } = evidence
  const { analysis } = chunk
  if (warnsOfOtherTrap(question, chunk)) return []
  const matter = things.filter((concept) => !saysConcept(concept, analysis.names))
  if (matter.length === 0) return sentences
  if ([chunk.section, ...analysis.labels].some((heading) => asksAlike(question, heading))) return sentences
  // A part of a long word will do ("免办" of 免办证明): the sentence is then about it still.
  const names = (folded: string) => matter.some((concept) => coverageOfFolded([concept], folded) > 0)
  if (names(`${analysis.heading}\n${analysis.labels.join('\n')}`)) return sentences
  return sentences.filter((sentence, index) => {
    const before = sentences[index - 1]
    // The sentence before speaks for it only in the same paragraph: a new line or list item ("1. 经济发展…
    // 36万元") is about its own subject.
    const sameParagraph = before !== undefined && !chunk.content.slice(before.start, sentence.start).includes('\n')
    // A document's issuance asked of it in the asker's words ("企业落实…的这个规定哪天开始执行") is told of the
    // document itself ("本规定…自2023年5月5日起施行"): the words that pick the document need not be in it.
    const issuance = question.asksIssuance && tellsIssuance(sentence.folded)
    return issuance || names(sentence.folded) || (sameParagraph && names(before.folded))
  })
}

/**
 * "质量安全员发现产品有安全隐患，该怎么处理": 75号令's summary only says the order rules on it (具体处置要求请以官方发布文本为准)
 * where 76号令's covers the question as well and states the rule (提出否决性建议): a first passage naming the matter only
 * in what it leaves out yields to one of the few best that covers the question at least as well and leaves nothing out.
 */
function statedOverGap(weighed: Evidence[]): Evidence[] {
  const first = weighed[0]
  if (!first || !leavesOutMatter(first)) return weighed
  const stating = weighed
    .slice(1, TYPED_CANDIDATES)
    .find((item) => item.coverage >= first.coverage && !leavesOutMatter(item))
  return stating ? [stating, ...weighed.filter((item) => item !== stating)] : weighed
}

const refuse = (reason: RefusalReason, evidence: Evidence[], gap: string | null = null): ExtractiveResult => ({
  grounded: false,
  reason,
  gap,
  evidence,
})

/**
 * The default, offline answerer: picks what answers the question from the best passages, refuses
 * with a named reason when they do not, and shapes the answer the way the question asks (list,
 * steps, a fact first, table rows) — every quote a verbatim slice of a stored chunk.
 */
export function composeExtractiveAnswer(
  question: PreparedQuestion,
  candidates: ScoredChunk[],
  grounding = GROUNDING,
): ExtractiveResult {
  // A question naming a year, code or Latin name is answered only by passages that mention it.
  const all = weighEvidence(question, candidates)
  const identified = all.filter((item) => mentionsIdentifiers(question, item.chunk))
  if (all.length > 0 && identified.length === 0) return refuse('missing-identifier', all)
  // The question names the best-ranked document by a word of its title ("2024年…质量月…"): passages of
  // other documents that do not say that word answer a different question, however many others they share.
  const named = all[0] ? [all[0].chunk] : []
  const weighed = statedOverGap(
    identified.filter((item) => titleTermsMissing(question, named, item.chunk).length === 0),
  )
  // The named document leads the evidence: the refusal says what it is.
  if (identified.length > 0 && weighed.length === 0) return refuse('other-document', all)
  const types = question.answerTypes
  const things = thingsAsked(question)
  // "有效期几年": the passage that states a duration, among the few best, answers; the best one may not.
  // Of the few best that give it, the one whose sentence stating it says most of the question.
  // A date or an issuer asked of a document's issuance: a sentence telling it comes before one dating a press
  // conference or naming a body in another role, whatever else they say.
  // So for who decided a thing ("检定周期是谁来定的"): a sentence naming a body that decides it (…技术机构…确定).
  const toldIssuance = (sentence: Evidence['sentences'][number]) =>
    (question.asksIssuance && tellsIssuance(sentence.folded)) ||
    (asksDecider(question.folded) && namesDecider(sentence.folded))
      ? 1
      : 0
  // "多久能拿回来": only a sentence timing that outcome gives the time asked, not the cycle of the checks.
  const outcome = outcomeAsked(question)
  const typedCoverage = (item: Evidence) => {
    const facts = factsOfMatter(question, things, item)
    const typed = facts.filter(
      (sentence) => answersTypes(types, sentence.text) && timesOutcome(outcome, sentence.folded),
    )
    // "内部审核多久搞一次": 三's 按策划的时间间隔开展内部审核, not 四's 12 months of the 监督审核.
    const giving = cycleSentences(question, item, facts, typed) ?? typed
    return Math.max(-1, ...giving.map((sentence) => sentence.coverage + toldIssuance(sentence)))
  }
  // The ranker's first may share the question's words only thinly ("开展", "活动"); one of the few best
  // that covers the question answers it instead of a refusal.
  // Not one that leaves out the question's most telling word where the first says it: "颐和园原来叫什么名字"
  // is not answered by a passage about typhoon names that says 叫 and 名字.
  const telling = mostTelling(question)
  const saysTelling = (item: Evidence) => !telling || coverage([telling], item.chunk.analysis.context) >= 1
  const first = weighed[0]
  const covering = weighed
    .slice(0, TYPED_CANDIDATES)
    .find(
      (item) =>
        item.coverage >= grounding.minCoverage &&
        (item === first || !first || !saysTelling(first) || saysTelling(item)),
    )
  // A first just under the gate answers in place of a section of its own document that covers only a
  // little more: that one shares more of the asker's words, the first is where the ranker put their matter.
  const nearFirst =
    first !== undefined &&
    covering !== undefined &&
    covering.chunk.docId === first.chunk.docId &&
    first.coverage >= grounding.minCoverage - NEAR_GATE &&
    covering.coverage - first.coverage <= NEAR_GATE
      ? first
      : undefined
  // Each of the few best judged once: the sort would otherwise judge each item's sentences at every comparison.
  const typedOf = new Map(weighed.slice(0, TYPED_CANDIDATES).map((item) => [item, typedCoverage(item)]))
  const typedAt = (item: Evidence) => typedOf.get(item) ?? -1
  // A thing the documents never name ("电梯多久维护保养一次") counts in no passage's coverage: a lower passage
  // that passes the gate on the question's other words (纲要's 维护) is no nearer to it.
  const namesUnknownThing = question.concepts.some(
    (concept) => !concept.known && !concept.filler && !concept.scene && namesAThing(concept.word),
  )
  const gated = (item: Evidence) => (!namesUnknownThing && item.coverage >= grounding.minCoverage ? 1 : 0)
  // One that covers the question at all comes before one whose sentence says more but which the coverage gate
  // would refuse ("Who is allowed to issue … certificates": 二 谁来发证 over 一's definition naming 证书).
  const typedBest = [...typedOf]
    .filter(([, said]) => said >= 0)
    .sort((a, b) => gated(b[0]) - gated(a[0]) || b[1] - a[1])[0]?.[0]
  // A first-ranked passage that covers the question at least as well as the lower one and gives the fact at all
  // answers over it when the lower one's sentence giving the fact covers the question only a little more: the
  // ranker put the asker's matter there, and its sentence may say honestly that no figure is published ("免办审核
  // 要多久" → 五 办理时限：目前未查到…) where the lower one gives another matter's period (六 2年核销期限).
  // One that covers the question less ("How much is the fine…": 五 检定费 against 六 罚款) does not.
  const givesIt =
    first !== undefined &&
    typedBest !== undefined &&
    first.coverage >= Math.max(grounding.minCoverage, typedBest.coverage) &&
    typedAt(first) >= 0 &&
    typedAt(typedBest) - typedAt(first) <= TYPED_MARGIN
      ? first
      : typedBest
  // A fact the asker only tells ("拿证一年多了，…还算数吗") is not asked for: the passage giving one answers
  // when it covers the question, else the one that covers it does, whatever it says of years.
  const told =
    onlyTells(types, question.folded) &&
    covering !== undefined &&
    !(givesIt && givesIt.coverage >= grounding.minCoverage)
  const wanted = told ? [] : types
  const untyped = nearFirst ?? covering ?? weighed[0]
  const typed =
    wanted.length === 0 && untyped
      ? statingAspect(question, untyped, weighed, {
          enough: grounding.minCoverage,
          few: TYPED_CANDIDATES,
          margin: ASPECT_MARGIN,
        })
      : givesIt
  const primary = typed ?? weighed[0]
  // The passage answered from leads the evidence, so that callers (and the LLM) see it first.
  const evidence = primary ? [primary, ...weighed.filter((item) => item !== primary)] : weighed
  if (!primary) return refuse('no-passages', evidence)
  if (unknownShare(question.concepts) > grounding.maxUnknownShare) return refuse('unknown-terms', evidence)
  if (asksOnlyUnknownThings(question)) return refuse('unknown-matter', evidence)
  // "专门给老年人办的讲座": what is held for everyone does not answer what is held for a kind no document names.
  if (unnamedAudienceOf(question)) return refuse('unnamed-audience', evidence)
  // The near-miss first, taken in place of its covering section, stands for that section at this gate; a
  // typed question's near miss does not (no covering section was asked to give the fact).
  if (primary.coverage < grounding.minCoverage && !(primary === nearFirst && wanted.length === 0))
    return refuse('low-coverage', evidence)
  if (!typed) return refuse(outcome.length > 0 ? 'other-event' : 'no-typed-fact', evidence)
  if (matterCoverage(question, primary.chunk) < grounding.minMatter) return refuse('false-grounding', evidence)
  // "浦东看牙哪家医院比较好": a canteen campaign that lists 医院 among the places it reaches does not answer it.
  if (saysMatterOnlyInLists(question, primary.chunk)) return refuse('listed-only', evidence)
  if (!speaksOfTheDoing(question, primary.chunk)) return refuse('no-procedure', evidence)
  // "没配质量安全总监会怎么处罚": a passage on the duty that says nothing of what befalls a breach does not answer.
  if (asksPenalty(question.folded) && !namesConsequence(primary.chunk.analysis.context))
    return refuse('no-consequence', evidence)
  if (unsaidBureauMatter(question, primary.chunk)) return refuse('other-matter', evidence)
  // "闵行区今年质量月有哪些活动": the Pudong plan does not say what another district holds.
  if (otherPlaceAsked(question, primary.chunk)) return refuse('other-place', evidence)
  if (unsaidDoing(question, primary.chunk)) return refuse('unsaid-doing', evidence)
  // "举报有奖励吗", "赔的钱多久到账": a passage on the topic that does not state the aspect asked answers around it.
  if (unsaidAspect(question, primary.chunk)) return refuse('unsaid-aspect', evidence)
  // "投诉结果是寄信还是打电话通知": a passage on the matter that names neither way does not say which.
  if (question.alternatives.length > 0 && settlingSentences(question, primary.chunk, primary.sentences).length === 0)
    return refuse('unsaid-alternative', evidence)
  // "这种能不做3C吗" after an owner's case: a passage that says nothing of the case does not judge it.
  if (caseUnjudged(question, primary.chunk)) return refuse('unjudged-case', evidence)

  const gap = gapNamingMatter(question.concepts, wanted, primary)
  if (gap) return refuse('coverage-gap', evidence, gap)
  // "质量安全总监要具备什么条件": the order's later articles say it; its summary's 第四条 (创造条件) does not.
  if (beyondSummary(question, primary)) return refuse('beyond-summary', evidence)

  const lead = leadSentence(primary, question)
  if (!lead) return refuse('weak-quote', evidence)
  // The best match is the summary saying what it leaves out: say that, do not answer around it.
  if (
    statesCoverageGap(lead.text) &&
    lead.coverage < GAP_SENTENCE_COVERAGE &&
    !(wanted.length > 0 && answersTypes(wanted, lead.text))
  )
    return refuse('coverage-gap', evidence, lead.text)
  const shaped = shapeAnswer(question, primary, lead, evidence)
  // The answer names its section, so a fact stated in the heading ("六类条件") is given too.
  // A lead telling the thing's interval in words (按策划的时间间隔) answers how often, though it gives no length.
  const toldInWords = cycleSentences(question, primary, [lead], []) !== undefined
  if (!toldInWords && !answersTypes(wanted, `${primary.chunk.section}\n${shaped.quote}`))
    return refuse('no-typed-fact', evidence)
  // What is quoted must itself say what was asked: words scattered over a long passage are not an answer.
  if (coverage(askedConcepts(question.concepts), `${headerOf(primary.chunk)}\n${shaped.quote}`) < grounding.minSupport)
    return refuse('weak-quote', evidence)
  return { grounded: true, answer: shaped.answer, citations: shaped.citations, evidence }
}
