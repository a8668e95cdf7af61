import type { Vocabulary } from '../retrieval/vocabulary.ts'
import type { BusinessKind } from '../text/business-kinds.ts'
import { isEnglish, toChineseQuestion, untranslatedShare } from '../text/english.ts'
import { expandTerms, type Glossary } from '../text/glossary.ts'
import { namesAPlace, segmentWord, segmentWords } from '../text/segment.ts'
import { readPinyin } from '../text/sounds.ts'
import { foldQuestion } from '../text/typos.ts'
import { type AnswerShape, type AnswerType, answerShapeOf, answerTypesOf, identifiersOf } from './answer-types.ts'
import { identifiersAsked } from './case-identifiers.ts'
import { type Concept, conceptsOf, STATE_THEN_WHAT, STATES_COME } from './concepts.ts'
import { type Alternative, alternativesOf } from './either-or.ts'
import { asksUse } from './goods-use.ts'
import { asksIssuance } from './issuance.ts'
import { joinQuestions } from './join-questions.ts'
import { businessOf, unitTermsOf } from './own-business.ts'
import {
  asksRecourse,
  asksUnnamedJurisdiction,
  asksUnnamedRoute,
  checksWeight,
  isCheckingWord,
  otherSideOf,
  withoutWayOutAsked,
} from './recourse.ts'
import { type ArticleReference, findArticleReference, findOrderNumbers } from './references.ts'
import { type Relation, relationOf } from './relation.ts'
import { reportWishOf } from './report-wish.ts'
import { asksRequirement } from './requirements.ts'
import { type State, statesOf } from './states.ts'
import { askedPartOf } from './verdict-ask.ts'
import { asksWayIn } from './way-in.ts'

/**
 * Everything the turn needs to know about a question, worked out once from the raw message: the
 * classifier, the follow-up logic, the search and the ranker all read this instead of the string.
 */
export type PreparedQuestion = {
  /** The message as asked. */
  text: string
  /** Folded (NFKC, simplified, lower case), typos corrected; an English question in Chinese terms. */
  folded: string
  /** Folded as asked, before any translation: what attempts to steer the assistant are looked for in. */
  asked: string
  /**
   * Where `folded` asks for anything (`askedPartOf`): before a verdict asked, only its asking clauses, so the
   * story's 花钱 asks no fee; the whole of `folded` otherwise.
   */
  askingPart: string
  /** Asked in English: answered from the Chinese documents with a line in English first. */
  english: boolean
  /**
   * Of an English question's content words, the share the term list could not translate; 0 for one whose
   * translation names a matter of the store, and for a Chinese question.
   */
  untranslated: number
  /** Content words of `folded`, search granularity. */
  words: string[]
  /** What the question asks about, with glossary alternatives and weights. */
  concepts: Concept[]
  /** Glossary terms the question implies but does not contain ("3c" → "强制性产品认证"). */
  expansions: string[]
  /** Words plus the expansions' words: what lexical search looks for. */
  searchWords: string[]
  /** Text for the embedder: the question followed by its expansions. */
  embeddingText: string
  article: ArticleReference | null
  /** Orders named by number, "75号令" → 75: their documents come first. */
  orderNumbers: number[]
  /** Kinds of fact asked for (an amount, a phone number, a date …). */
  answerTypes: AnswerType[]
  shape: AnswerShape
  /** The states the asker tells a thing is in ("刚买的", "修好以后", "批下来以后"): the passage on that state answers. */
  states: State[]
  /** Asks what may be done with goods held ("能不能卖掉", "送给客户", "改作他用"): the rule on their use answers. */
  asksUse: boolean
  /** A buyer asks what they may do about the other side ("摊主的秤不准，我该怎么办"): the consumer's recourse answers. */
  asksRecourse: boolean
  /** Asks the way in to a complaint or a report ("怎么举报", "投诉的途径"): the routes answer. */
  asksWayIn: boolean
  /** Asks when or by whom a document was issued or put in force ("75号令是由哪个单位发布的"): the passage on the document itself answers. */
  asksIssuance: boolean
  /** Asks what a rule requires of someone ("76号令对销售企业有什么要求"): the article stating the duty answers. */
  asksRequirement: boolean
  /** The alternatives of an "A还是B" ("打电话还是发短信"): a sentence naming one of them settles it. Empty otherwise. */
  alternatives: Alternative[]
  /** How two things stand to each other, when asked ("A跟B是啥关系", "把A说成是B的什么"): the sentence tying them answers. */
  relation: Relation | null
  /** The asker's kind of business (生产单位, 销售单位): of two orders alike, the one for that kind answers. */
  business: BusinessKind | null
  /** Years, codes and Latin names a passage must mention to be about the same thing. */
  identifiers: string[]
  /** Opens like a follow-up ("那需要多久？", "要交钱吗？"): it leans on what was said before. */
  leansOnContext: boolean
}

export type QuestionContext = { glossary: Glossary; vocabulary: Vocabulary }

// Asking for more of what was just said: "举几个例子", "详细说说", "能具体讲讲吗".
const MORE_OF_IT = /^(请|能|可以)?再?(举[几一两]?个?例子|(详细|具体|展开)[点些]?(说|讲|介绍))/

/** "举几个例子", "详细说说": more of the passage just quoted, not a question of its own. */
export const asksForMore = (folded: string): boolean => MORE_OF_IT.test(folded)

// Openings that lean on what was said before: "那需要准备什么材料？", "多久能办好？", "它收费吗？", "办理流程呢";
// and a denied doing supposed of what was just asked ("不配的话罚多少钱" after 要配质量安全总监吗, "没检的话…"); a state
// the thing just spoken of may come to, asked of with nothing named ("到期了怎么办" after 证书有效期多久, "不合格咋办").
const LEANS_ON_CONTEXT = new RegExp(
  `^(?:${STATES_COME}|弄?丢|坏)了?(?:的话)?(?:该|要|又|还能)?(?:怎么办|咋办|怎么处理|怎么弄|如何处理)|` +
    /^(不|没有?|未)\p{Script=Han}{1,4}的话|^(那|那么|那个|这个|这种|这样|这|它|他们|还有|还要|另外|然后|如果|要是|那如果|此外|以及|同时)|^(需要|要|得|该)(准备|交|带|提供|多久|多少|什么|怎么|去哪|钱|收费|花钱)|^(多久|多长时间|几天|多少钱|费用|收费|在哪|去哪|哪里|怎么办|怎么申请|怎么弄|流程|材料|办理流程|具体流程|步骤)|呢[?？]?$/u
      .source,
  'u',
)

// A Latin name the glossary also gives in Chinese ("3c" → 强制性产品认证) may be said either way, so
// a passage need not spell it to be about it.
const saidInChinese = (glossary: Glossary, identifier: string): boolean =>
  glossary.groups.some((group) => group.includes(identifier) && group.some((term) => /\p{Script=Han}/u.test(term)))

const OPENING_THEN = /^那么?(?![个些里儿边样种])/
// Whether the bureau will tell the asker something ("举报以后会告诉我处理结果吗", "查完会告诉我结果吗", "后面查没查会有人
// 告诉我吗"): 告诉 is a stop word (segment.ts), as "告诉我投诉电话" only puts the question; asked as what the bureau will
// do, it is the guides' 告知 (实名举报的，…会在规定时间内告知举报人), which the passage has to say.
const TOLD_ASKED = /会(?:不会)?(?:有人)?告诉我|告诉我[^，。？,?]{0,4}结果/
const TOLD_WORD = '告知'
// Checking the weight of a case of short weight ("…分量明显不够，能找个地方核对一下吗") is weighing it again, on the
// market's fair scale, which the glossary gives for 复称; 核对 alone is no word for it (核实证书真伪).
const REWEIGH_WORD = '复称'

/**
 * A buyer's "我该怎么办" asks for the way open to them, not for a business's steps from the first; "怎么联系我，
 * 打电话还是发短信" asks which of two, not the steps nor a table setting them side by side.
 */
/**
 * Expansions less the glossary words that only the other side of a buyer's case brings in ("…老板不认，我能去哪举报":
 * 老板's group holds 最高管理者, which would search the certification guide): whom the asker is up against is no
 * matter to search for (concepts.ts `filler`), so neither are its other names.
 */
function withoutOtherSide(expansions: string[], concepts: readonly Concept[], folded: string): string[] {
  const isOtherSide = otherSideOf(folded)
  const otherSide = concepts.filter((concept) => isOtherSide(concept.word) && concept.alternatives.length > 1)
  if (otherSide.length === 0) return expansions
  const kept = new Set(
    concepts.filter((concept) => !otherSide.includes(concept)).flatMap((concept) => concept.alternatives),
  )
  const dropped = new Set(otherSide.flatMap((concept) => concept.alternatives))
  return expansions.filter((term) => kept.has(term) || !dropped.has(term))
}

function shapeAsked(folded: string, shape: AnswerShape, recourse: boolean, alternatives: Alternative[]): AnswerShape {
  // "检定不合格怎么办": what follows the state, not the steps of applying.
  if ((recourse || STATE_THEN_WHAT.test(folded)) && shape === 'procedure') return 'general'
  if (alternatives.length > 0 && (shape === 'procedure' || shape === 'difference')) return 'general'
  return shape
}

/**
 * A glossary term a document's title says ("投诉", "电子秤", "CCC免办", "质量月"), not a place: an English question
 * translated into one asks about a matter of the store, whatever the words of its story the term list lacks ("the
 * strap snapped after just one week"). Without one, what is left untranslated is the matter ("work visa").
 */
const namesAMatterOfTheStore =
  (vocabulary: Vocabulary) =>
  (concept: Concept): boolean =>
    concept.alternatives.length > 1 &&
    !namesAPlace(concept.word) &&
    concept.alternatives.some((term) => vocabulary.titleSays(term))

export function prepareQuestion(message: string, context: QuestionContext): PreparedQuestion {
  const text = message.trim()
  const typed = foldQuestion(text)
  const english = isEnglish(typed)
  const asked = english ? typed : readPinyin(typed, (spelled) => context.vocabulary.soundsLike(spelled))
  const folded = english ? toChineseQuestion(asked, context.glossary.english) : asked
  // "那要等多久？": the opening 那 only points back; jieba would glue it to the next word ("那要").
  // Checking the weight in a case of short weight ("当场能咋核实") is weighing again: 复称 is asked, not 核实 besides.
  const reweighs = checksWeight(folded)
  const words = [
    ...new Set([
      ...segmentWords(folded.replace(OPENING_THEN, '')).filter((word) => !(reweighs && isCheckingWord(word))),
      ...(TOLD_ASKED.test(folded) ? [TOLD_WORD] : []),
      ...(reweighs ? [REWEIGH_WORD] : []),
    ]),
  ]
  const recourse = asksRecourse(folded)
  // A buyer's "我该怎么办" ("商家不给退货怎么办") asks for the way open to them: the glossary's words for an
  // application's steps (怎么申请, 办理流程) would search for a business's procedures instead.
  const expanded = recourse ? withoutWayOutAsked(folded) : folded
  // The asker's own kind of business in the orders' words ("开商场卖家电的" → 销售单位): it finds the order
  // for that kind; what the asker calls it need not be said by the passage (concepts.ts).
  const askingPart = askedPartOf(folded)
  const answerTypes = answerTypesOf(folded, askingPart)
  const states = statesOf(folded)
  const shape = answerShapeOf(folded, answerTypes)
  const concepts = conceptsOf(folded, words, context.glossary, context.vocabulary, answerTypes)
  const expansions = [
    ...new Set([
      ...withoutOtherSide(expandTerms(context.glossary, expanded), concepts, folded),
      ...unitTermsOf(context.glossary.businessKinds ?? [], folded),
    ]),
  ]
  const alternatives = alternativesOf(folded, concepts)
  const prepared: PreparedQuestion = {
    text,
    folded,
    asked,
    askingPart,
    english,
    untranslated:
      english && !concepts.some(namesAMatterOfTheStore(context.vocabulary))
        ? untranslatedShare(asked, context.glossary.english)
        : 0,
    words,
    concepts,
    expansions,
    // The store's words inside a word jieba glued ("盖木塔的时候" → 木塔, concepts.ts) are searched for too: the glued
    // word is in no passage, and the lexical side would otherwise find nothing of the thing asked about.
    searchWords: [
      ...new Set([
        ...words,
        ...concepts.map((concept) => concept.word),
        // An abbreviation's full form (世博会 → 世界博览会, concepts.ts) is searched as the store's text was cut
        // (世界, 博览会): the whole is seldom one of its words.
        ...concepts.filter((concept) => !folded.includes(concept.word)).flatMap((concept) => segmentWord(concept.word)),
        ...expansions.flatMap((term) => segmentWord(term)),
      ]),
    ],
    embeddingText: [folded, ...expansions].join(' '),
    article: findArticleReference(folded),
    orderNumbers: findOrderNumbers(folded),
    answerTypes,
    shape: shapeAsked(folded, shape, recourse, alternatives),
    states,
    asksUse: asksUse(folded),
    asksRecourse: recourse,
    // "…，想举报这家店，咋弄", "…，想去反映，该找谁": a wish to take the case to the bureau, then how (report-wish.ts).
    asksWayIn: asksWayIn(folded) || reportWishOf(folded) !== null,
    asksIssuance: asksIssuance(folded),
    asksRequirement: asksRequirement(folded),
    alternatives,
    relation: relationOf(folded, concepts),
    business: businessOf(context.glossary.businessKinds ?? [], folded),
    // A model or number told of the asker's goods ("卖的XR200型电暖器，怎么举报") is their case, not the matter asked.
    identifiers: identifiersAsked(
      folded,
      identifiersOf(folded).filter((identifier) => !saidInChinese(context.glossary, identifier)),
    ),
    leansOnContext: LEANS_ON_CONTEXT.test(folded) || asksForMore(folded),
  }
  // "…，现在应该打哪个电话": the route asked for is the complaint's, in the guides' word (its group holds 12315); the
  // asker's case told before it is scene (concepts.ts), so without this the question would name no matter at all.
  if (asksUnnamedRoute(folded)) return joinQuestions(prepared, prepareQuestion(COMPLAINT_ROUTE, context), 'after')
  // "…，这种归哪里管": which bureau handles a buyer's case is the complaint's jurisdiction (recourse.ts).
  if (asksUnnamedJurisdiction(folded))
    return joinQuestions(prepared, prepareQuestion(COMPLAINT_MATTER, context), 'after')
  return prepared
}

// The glossary's word for the route a buyer turns to with a case (投诉举报: 12315, 全国12315平台 …).
const COMPLAINT_ROUTE = '投诉举报'
// …and for the matter a buyer's case is taken up as.
const COMPLAINT_MATTER = '投诉'
