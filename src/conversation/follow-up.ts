import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import { drawingOn } from '../answer/named-documents.ts'
import { SUBJECT_MATTER_WEIGHT } from '../answer/tuning.ts'
import { completeQuestion } from '../query/complete-question.ts'
import { asksAnAspect, type Concept, namesAnAspect } from '../query/concepts.ts'
import { businessAskedAgain } from '../query/own-business.ts'
import { asksForMore, type PreparedQuestion, prepareQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { foldText } from '../text/fold.ts'
import { groupOf } from '../text/glossary.ts'
import { jiebaKnows } from '../text/idf.ts'
import { namesAThing } from '../text/segment.ts'
import { itemHeading, listOrdinalOf, numberedLineOf } from './list-item.ts'
import { narrowedList, pointedPassage, quotedPassages } from './pointed-passages.ts'
import { askedAbout, namesMatter, type Subject, subjectOf } from './subject.ts'

// Said outright: "换个问题：…", "另外问一下，…".
const NEW_TOPIC = /^(换个问题|换个话题|换一个问题|另外问|另外再问|再问(一下|个)|顺便问|还有个问题|还有一个问题)/
// "跟秤、计量有关的呢？", "还有别的吗", "还查别的吗", "有适合小孩参加的吗": the same list again, narrowed.
const CONTINUES_LIST =
  /(有关|相关|方面|类)的(呢|吗|有哪些|有没有)|还有(吗|呢|别的|其他|哪些|没有)|^(那)?还[^，,。？?]{1,2}(别的|其他|其它)|^(那)?有(没有)?适合.{1,10}的|^(那)?(别的|其他的?|其它的?)呢/

/** "跟秤、计量有关的呢？": the list just given, narrowed — asked in the same vein as the question before. */
export const continuesList = (question: PreparedQuestion): boolean => CONTINUES_LIST.test(question.folded)

/** "第四个详细讲讲", "举几个例子": about the list or passage just given, so asked in the same vein. */
export const pointsBack = (question: PreparedQuestion): boolean =>
  continuesList(question) ||
  asksForMore(question.folded) ||
  (question.article === null && listOrdinalOf(question.folded) !== null)

const OTHER_MATTER_WORDS = 2
// "如果是网上买的呢", "那要是进口的呢": another case of the same question.
const CONDITION = /^(?:那)?(?:如果|要是|假如|若是|万一)/

/** A word that names something, not the asker's filler, an aspect asked (流程, 费用) or a question word. */
const namesSomething = (concept: Concept): boolean => !concept.filler && !asksAnAspect(concept) && !concept.asks

// "它主要干啥的", "这个是做什么的": a pronoun for the subject, then words that name nothing of their own.
const PRONOUN_FIRST = /^(?:那|这)?(?:它|它们|这个|那个)/
// 它 alone is never a determiner (这个 may be: "这个电子秤要检吗" names a thing of its own).
const IT_FIRST = /^(?:那|这)?它们?/

/**
 * A message that points at the subject by a pronoun and asks with words that name nothing (主要, 干), no aspect
 * (哪里, 材料) and no kind of fact: those words would pick whichever passage happens to say them, so the subject
 * picks instead.
 */
const pointsAtTheSubject = (question: PreparedQuestion): boolean =>
  PRONOUN_FIRST.test(question.folded) &&
  question.answerTypes.length === 0 &&
  question.concepts.every(
    (concept) =>
      concept.filler ||
      (concept.weight < SUBJECT_MATTER_WEIGHT && !asksAnAspect(concept) && !concept.asks && !concept.requested),
  )

/** A word no document uses, and no glossary term either ("文号" is one: the front matter's). */
const unsaid = (concept: Concept): boolean => !concept.known && concept.alternatives.length === 1

/**
 * "那76号令呢？", "上海的呢", "那电子秤呢", "那举报呢" (after 投诉): nothing asked but another matter — an order, or
 * words the documents use that the subject's terms are not, in its document or another. "文号呢" and "流程呢"
 * name something of the subject itself, and are answered about it.
 */
function namesOtherMatter(question: PreparedQuestion, subject: Subject): boolean {
  if (!/呢[?？]?$/.test(question.folded) || question.article !== null) return false
  const named = question.concepts.filter((concept) => !concept.filler)
  if (question.orderNumbers.length > 0) return named.filter((concept) => concept.known && !concept.aspect).length <= 1
  return (
    named.length > 0 &&
    named.length <= OTHER_MATTER_WORDS &&
    named.every((concept) => concept.known && !asksAnAspect(concept) && !concept.asks) &&
    named.some((concept) => !subject.terms.some((term) => concept.alternatives.includes(term)))
  )
}

/**
 * "那家里的水表呢", "那加油站的加油机呢": a thing named that no document names. The subject fills in
 * what the message leaves out; it cannot stand for a matter the message names, so such a message is
 * answered as asked, and refused by the answerer's own gates when nothing speaks of that thing. A
 * glossary term is the bureau's own word for something of its documents even where no passage spells
 * it ("文号呢": the front matter's), and a narrowed list ("有适合小孩参加的吗") picks among what was listed.
 */
const namesUnknownThing = (question: PreparedQuestion): boolean =>
  !continuesList(question) &&
  // Asked of that thing ("那家里的水表呢", "家里的水表也要检吗"), not of the subject with the thing as whom it goes to
  // ("测完了能不能便宜处理给员工"): there the subject is still what is asked about.
  !GIVEN_TO.test(question.folded) &&
  question.concepts.some(
    (concept) =>
      unsaid(concept) &&
      namesSomething(concept) &&
      !concept.scene &&
      concept.weight >= SUBJECT_MATTER_WEIGHT &&
      namesAThing(concept.word),
  )

/**
 * "在哪报名" after 质量开放日: every word the message asks with is one no document uses, and it asks for
 * no kind of fact ("那大概要多久能批下来" does: 多久). The subject's words would find its passages, but
 * none says what is asked; answered as typed, it meets the answerer's gates.
 */
const asksOnlyUnsaid = (question: PreparedQuestion): boolean => {
  const own = question.concepts.filter(namesSomething)
  // Glossary terms count as said, as above; an article ("第八条说了什么") is looked up in the order discussed.
  // "还查别的吗" asks for more of what was listed, in the subject's document.
  return (
    question.answerTypes.length === 0 &&
    question.article === null &&
    !continuesList(question) &&
    own.length > 0 &&
    own.every(unsaid)
  )
}

const YEAR = /^(?:19|20)\d\d$/

const GIVEN_TO = /(?:给|卖给|送给|处理给|转给|借给)[^，,。？?]{1,6}[吗呢？?]*$/

// Asked again of something else: "…呢"; or opening on 那 and the thing ("那上海定的多少，比国家高吗"), not on
// what is asked of the subject ("那去哪里举报").
const ASKED_AGAIN = /呢[?？]?$/
const opensOn = (folded: string, word: string): boolean => new RegExp(`^那么?${word}`).test(folded)

/**
 * "上海那个方案的指导思想呢" after the national outline, "那管销售企业的那个呢" after 75号令: asked again
 * ("…呢") of something named by a word of another document's title that the subject's own title does
 * not say (上海, 销售单位), so of that document — what the subject's document also happens to say of 上海
 * is not meant. (A single character, 年 of "2025年", names no document.)
 */
function namesOtherTitle(deps: AnswerDeps, question: PreparedQuestion, subject: Subject): boolean {
  const again = ASKED_AGAIN.test(question.folded)
  const titles = new Map([...deps.passages.values()].map((chunk) => [chunk.docId, foldText(chunk.title)]))
  const own = titles.get(subject.docId) ?? ''
  const others = [...titles].filter(([docId]) => docId !== subject.docId).map(([, title]) => title)
  // "要是商家不肯调解呢" after a complaint: the complaint guide itself says 商家, so the merchant is the one
  // of that guide, not 76号令's 销售单位 the glossary makes it.
  return question.concepts.some(
    (concept) =>
      concept.word.length > 1 &&
      (again || opensOn(question.folded, concept.word)) &&
      namesSomething(concept) &&
      !deps.vocabulary.documentSays(subject.docId, concept.word) &&
      concept.alternatives.every((term) => !own.includes(term)) &&
      concept.alternatives.some((term) => others.some((title) => title.includes(term))),
  )
}

/**
 * "换成卖东西的商店呢" after "75号令适用范围是什么": the question asked again for a business of another kind, as
 * the order whose title names that kind's unit type (销售单位) calls it — its matter (适用范围) without the words
 * that name the subject's own document (75号令). Only after a document whose title names the other unit type
 * (生产单位): "那开超市的呢" after 电子秤年检 is no question about the orders.
 */
function askedForOtherKind(deps: AnswerDeps, question: PreparedQuestion, subject: Subject): PreparedQuestion | null {
  const kinds = deps.glossary.businessKinds ?? []
  const kind = businessAskedAgain(kinds, question.folded)
  if (!kind) return null
  const titles = new Map([...deps.passages.values()].map((chunk) => [chunk.docId, foldText(chunk.title)]))
  const own = titles.get(subject.docId) ?? ''
  const ofOtherKind = kinds.some((other) => other !== kind && own.includes(other.unit))
  if (!ofOtherKind || ![...titles.values()].some((title) => title.includes(kind.unit))) return null
  const matter = prepareQuestion(subject.terms.join(' '), deps)
    .concepts.filter((concept) => !concept.alternatives.some((term) => own.includes(term)))
    .map((concept) => concept.word)
  return completeQuestion(prepareQuestion(kind.unit, deps), [...new Set([...matter, ...subject.asked])], deps, 'after')
}

/** "那需要多久？", "要交钱吗？": a kind of fact asked, and nothing named besides. */
const asksOnlyAFact = (question: PreparedQuestion): boolean =>
  question.answerTypes.length > 0 &&
  question.concepts.every((concept) => concept.asks !== null || concept.filler || asksAnAspect(concept))

// A measure of a thing (有效期, 保质期, 检定费, 价格, 罚款): what it is of, the subject says.
const MEASURE = /(?:期|期限|时限|费|费用|价格?|罚款?)$/

/**
 * "批下来有效期多久" after CCC免办: a fact asked of a measure (有效期) is asked of the subject, whether or not its
 * document uses that word — another guide's 有效期 (the ISO certificate's three years) is not the one meant.
 */
const measuresTheSubject = (question: PreparedQuestion, concept: Concept): boolean =>
  question.answerTypes.length > 0 && MEASURE.test(concept.word)

// Where or how to do something: "去哪里举报", "找谁维权", "怎么投诉".
const WAY_ASKED = /(?:去|到|在|找)哪|找谁|怎么|怎样|如何/

/**
 * "去哪投诉" after 电子秤年检: the glossary's phrase for the way in (渠道, 去哪投诉) holds the matter it is the way
 * to, a glossary term of its own (投诉) that the subject's document never says — so no way it tells of is meant.
 */
function asksTheWayToForeignMatter(deps: AnswerDeps, question: PreparedQuestion, subject: Subject): boolean {
  const foreign = (group: readonly string[] | undefined) =>
    group !== undefined &&
    !namesAnAspect(group) &&
    !group.some((term) => deps.vocabulary.documentSays(subject.docId, term))
  // …or asks the way ("那去哪里举报") to a doing the glossary names, however common a word it is.
  const doings = WAY_ASKED.test(question.folded)
    ? question.concepts.filter((concept) => concept.alternatives.length > 1 && !concept.asks && !concept.filler)
    : []
  return (
    doings.some((concept) => foreign(concept.alternatives)) ||
    question.concepts
      .filter(asksAnAspect)
      .flatMap((concept) => concept.parts)
      .some((part) => foreign(groupOf(deps.glossary, part)))
  )
}

/**
 * Why the message leaves the subject, or null when it stays: it says so, names an order, names a
 * matter the subject's document never speaks of ("电子秤…" after CCC免办), or does not lean on what was
 * said and names its own matter outright (two telling words, or a term of the glossary). A narrowed
 * list ("跟秤有关的呢") stays within the list.
 */
function leavesSubject(
  deps: AnswerDeps,
  question: PreparedQuestion,
  subject: Subject,
): 'said' | 'order' | 'foreign-matter' | 'own-matter' | null {
  if (NEW_TOPIC.test(question.folded)) return 'said'
  // "第九条呢" after 75号令第三条 names no order: it is an article of the one discussed.
  if (continuesList(question) || (question.article !== null && question.article.orderNo === null)) return null
  if (question.orderNumbers.length > 0 || (question.article?.orderNo ?? null) !== null) return 'order'
  // "它归哪个部门管" after 3C认证: 它 is the subject, whatever guide the rest of its words belong to.
  if (IT_FIRST.test(question.folded)) return null
  const matter = question.concepts.filter(namesMatter)
  const foreign = matter.some(
    (concept) =>
      !measuresTheSubject(question, concept) &&
      // A word jieba made up from characters it could not place ("要检" in "多久要检一回") names nothing.
      (concept.alternatives.length > 1 || jiebaKnows(concept.word)) &&
      !concept.alternatives.some((term) => deps.vocabulary.documentSays(subject.docId, term)),
  )
  if (foreign || asksTheWayToForeignMatter(deps, question, subject)) return 'foreign-matter'
  const ownMatter = matter.length > 1 || matter.some((concept) => concept.alternatives.length > 1)
  return !question.leansOnContext && ownMatter ? 'own-matter' : null
}

/** The follow-up completed with the subject: its terms first, then the message as asked. */
function aboutSubject(deps: AnswerDeps, question: PreparedQuestion, subject: Subject): PreparedQuestion {
  // "第四条呢？" after 第三条 asks about 第四条: the earlier reference is not carried along.
  const terms = subject.terms.filter((term) => question.article === null || !/第.+条/.test(term))
  return completeQuestion(question, terms, deps, 'before')
}

/** `question`: what was answered (the message, or the follow-up completed with the subject), prepared. */
export type ContextualAnswer = {
  resolvedQuery: string
  question: PreparedQuestion
  result: Answer
  subject: Subject | null
}

/**
 * Answers from the documents, keeping the subject of the exchange: a message that stays with it is
 * completed with its terms and answered from its document first; one that leaves it is answered as
 * asked and becomes the subject. Either way, when that finds nothing the other reading is tried once.
 */
export async function answerWithContext(
  deps: AnswerDeps,
  question: PreparedQuestion,
  subject: Subject | null,
): Promise<ContextualAnswer> {
  const answered = await answerKeepingSubject(deps, question, subject)
  const quoted = answered.result.citations.map((citation) => citation.article ?? '')
  return answered.subject && answered.result.grounded
    ? { ...answered, subject: { ...answered.subject, quoted } }
    : answered
}

async function answerKeepingSubject(
  deps: AnswerDeps,
  question: PreparedQuestion,
  subject: Subject | null,
): Promise<ContextualAnswer> {
  // `within`: a message in words of its own that the subject's document also speaks of ("质量安全总监
  // 是干啥的" after 75号令) is answered from that document when it can be, not from a sibling's.
  const alone = async (within?: string): Promise<ContextualAnswer> => {
    const result = await answerQuestion(deps, question, within ? { preferDocId: within } : {})
    // Answered from the subject's own document, the message did not leave it ("隔多久要检一次？").
    const same = subject !== null && result.citations[0]?.docId === subject.docId
    return {
      resolvedQuery: question.text,
      question,
      result,
      subject: same ? askedAbout(subject, question) : subjectOf(deps.vocabulary, question, result),
    }
  }
  if (!subject) return alone()
  // The subject's terms find its passages; among them the message's own words pick the one that
  // answers ("举报能匿名吗" after 投诉 vs 举报 is about 匿名). When the message alone says too little
  // for that ("多长时间要检一回？"), the completed question is answered instead.
  const about = async (asked = question, include: ChunkRecord[] = []): Promise<ContextualAnswer> => {
    const completed = aboutSubject(deps, asked, subject)
    // "那需要多久？" after the steps: asked of what was just said, which answers when it states that fact.
    const quoted = asksOnlyAFact(asked) ? quotedPassages(deps, subject) : []
    const fromQuoted = quoted.length > 0 ? await answerQuestion(deps, completed, { within: quoted }) : null
    if (fromQuoted?.grounded)
      return {
        resolvedQuery: completed.text,
        question: completed,
        result: fromQuoted,
        subject: askedAbout(subject, asked),
      }
    const options = { preferDocId: subject.docId, include }
    const asAsked = pointsAtTheSubject(asked)
      ? null
      : await answerQuestion(deps, asked, { ...options, searchAs: completed })
    const result = asAsked?.grounded ? asAsked : await answerQuestion(deps, completed, options)
    return {
      resolvedQuery: completed.text,
      question: asAsked?.grounded ? asked : completed,
      result,
      subject: askedAbout(subject, asked),
    }
  }
  const narrowing = continuesList(question) ? narrowedList(deps, question, subject) : null
  if (narrowing) return about(narrowing.narrowed, narrowing.passages)
  const item = pointedPassage(deps, question, subject)
  if (item) {
    const asked = prepareQuestion(itemHeading(item), deps)
    const result = await answerQuestion(deps, asked, { preferDocId: subject.docId })
    return { resolvedQuery: asked.text, question: asked, result, subject }
  }
  // "第六步具体说的啥" after an answer quoting one passage that holds the whole list: that item of the passage just
  // quoted, else of the one that answers about the subject.
  const ordinal = question.article === null ? listOrdinalOf(question.folded) : null
  if (ordinal !== null) {
    const itemOf = (chunk: ChunkRecord | undefined) => {
      const line = chunk ? numberedLineOf(chunk.content, ordinal) : null
      return chunk && line ? { chunk, line } : null
    }
    const quoted =
      quotedPassages(deps, subject)
        .map(itemOf)
        .find((item) => item !== null) ?? null
    const answered = quoted ? null : await about()
    const item = quoted ?? itemOf(answered?.result.grounded ? answered.result.evidence[0]?.chunk : undefined)
    if (item) {
      const { chunk, line } = item
      const asked = prepareQuestion(line, deps)
      const result = await answerQuestion(deps, asked, { within: [chunk] })
      if (result.grounded) return { resolvedQuery: asked.text, question: asked, result, subject }
    }
    return answered ?? about()
  }
  // Before the unsaid words of "换成卖东西的商店呢" send it off alone: the orders name that business their way.
  const otherKind = askedForOtherKind(deps, question, subject)
  if (!otherKind && (namesUnknownThing(question) || asksOnlyUnsaid(question))) return alone()
  if (otherKind || namesOtherMatter(question, subject) || namesOtherTitle(deps, question, subject)) {
    // "那76号令呢？", "那举报呢" ask the last question again about the matter they name, which becomes the subject.
    // "如果是网上买的呢", "那要是进口的呢" ask it again of the same matter in another case: its terms stay.
    // "那24年的呢" after the 2023 plan's theme asks it of another year: the subject's terms stay but its year.
    const anotherYear = question.identifiers.length > 0 && question.identifiers.every((id) => YEAR.test(id))
    const kept = CONDITION.test(question.folded)
      ? [...subject.terms, ...subject.asked]
      : anotherYear
        ? [...subject.terms, ...subject.asked].filter((term) => !YEAR.test(term))
        : subject.asked
    const again = otherKind ?? completeQuestion(question, kept, deps, 'after')
    const result = await answerQuestion(deps, again)
    return {
      resolvedQuery: again.text,
      question: again,
      result,
      subject: subjectOf(deps.vocabulary, again, result) ?? subject,
    }
  }
  const leaving = leavesSubject(deps, question, subject)
  const leaves = leaving !== null
  const [first, second] = leaves
    ? [() => alone(leaving === 'own-matter' ? subject.docId : undefined), () => about()]
    : [() => about(), () => alone()]
  const answered = await first()
  if (answered.result.grounded) return { ...answered, subject: answered.subject ?? subject }
  // "那要等多久？" names nothing of its own: what another document says of 多久 is no answer to it, unless
  // that document draws on the subject's.
  // Nor is another document's fine (罚) the one asked of the subject ("不配的话罚多少钱" after 75号令).
  const namesOwnMatter = question.concepts.some(
    (concept) => namesMatter(concept) && !measuresTheSubject(question, concept),
  )
  if (!leaves && question.leansOnContext && !namesOwnMatter)
    return (await answerFromRetelling(deps, question, subject)) ?? answered
  // "食品经营许可证怎么办？" after 投诉: the subject's document never speaks of it, so it cannot answer it
  // either. Its own refusal (and gate) stands, logged with the turn.
  if (leaving === 'foreign-matter') return answered
  // "第九条呢" after 75号令第三条: the order discussed does not include it, and no other text's 第九条 is meant.
  if (answered.result.refusalReason === 'article-not-covered') return answered
  const other = await second()
  if (other.result.grounded) return { ...other, subject: other.subject ?? subject }
  // "上门检秤要收钱吗" after the plan's 上门 scale checks: in words of its own that the plan also speaks of, but the
  // plan says nothing of the fee; asked as typed, the guide that states it answers.
  if (leaving === 'own-matter') {
    const plain = await alone()
    if (plain.result.grounded) return { ...plain, subject: plain.subject ?? subject }
  }
  const retold = leaves ? null : await answerFromRetelling(deps, question, subject)
  return retold ?? { ...answered, subject: answered.subject ?? subject }
}

/**
 * "平时自己拿去检要交钱吗" after the 质量月 plan's 上门 scale checks: the plan says nothing of it, but a guide
 * that draws on the plan (the scale guide, retelling that item) is about the matter asked. The subject's
 * words that name the plan itself (质量月) would send the search back to it; its other words (上门) and
 * the message are asked of each such guide. Null when none answers: the subject's refusal stands.
 */
async function answerFromRetelling(
  deps: AnswerDeps,
  question: PreparedQuestion,
  subject: Subject,
): Promise<ContextualAnswer | null> {
  const title = [...deps.passages.values()].find((chunk) => chunk.docId === subject.docId)?.title
  if (!title) return null
  const folded = foldText(title)
  const matter = subject.terms.filter((term) => !folded.includes(term))
  const asked = completeQuestion(question, matter, deps, 'before')
  // Only a guide that speaks of the matter kept (上门 in the scale guide, CCC免办 in its own guide).
  const guides = drawingOn(deps.passages.values(), title).filter((docId) =>
    matter.every((term) => deps.vocabulary.documentSays(docId, term)),
  )
  for (const docId of guides) {
    const result = await answerQuestion(deps, asked, { preferDocId: docId })
    if (result.grounded && result.citations[0]?.docId === docId)
      return { resolvedQuery: asked.text, question: asked, result, subject: subjectOf(deps.vocabulary, asked, result) }
  }
  return null
}
