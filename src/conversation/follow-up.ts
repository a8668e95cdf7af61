import { type Answer, type AnswerDeps, answerQuestion } from '../answer/answer-question.ts'
import { SUBJECT_MATTER_WEIGHT } from '../answer/tuning.ts'
import { completeQuestion } from '../query/complete-question.ts'
import type { Concept } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { jiebaKnows } from '../text/idf.ts'

/**
 * What the conversation is about: the document and the matter asked about (CCC免办, 电子秤强检, 投诉),
 * not the last word said. A follow-up ("那需要多久？", "要交钱吗？", "办理流程呢") is answered about
 * it; a question that names a matter its document does not speak of replaces it.
 */
export type Subject = {
  docId: string
  terms: string[]
  /** The other words of the last question: what "那76号令呢？" asks again about a new matter. */
  asked: string[]
}

const SUBJECT_TERMS = 3

// A matter is named by a telling word ("电子秤", "质量月", "75号令"), not by "企业" or "适用".
const namesMatter = (concept: Concept): boolean =>
  concept.known && !concept.aspect && !concept.asks && concept.weight >= SUBJECT_MATTER_WEIGHT

/** The matter of an answered question: its strongest telling words, and the cited document. */
export function subjectOf(question: PreparedQuestion, answer: Answer): Subject | null {
  const docId = answer.citations[0]?.docId
  if (!answer.grounded || !docId) return null
  // "第四条" locates the answer, it is not the matter: "那违反了要罚多少钱？" asks about the whole order.
  const words = question.concepts.filter(
    (concept) => concept.known && !concept.aspect && !/^第.+条$/.test(concept.word),
  )
  // A question in plain words ("怎么投诉？") still has a matter: its best words, telling or not.
  const telling = words.filter(namesMatter)
  const terms = (telling.length > 0 ? telling : words)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, SUBJECT_TERMS)
    .map((concept) => concept.word)
  const asked = question.concepts.map((concept) => concept.word).filter((word) => !terms.includes(word))
  return terms.length > 0 ? { docId, terms, asked } : null
}

// Said outright: "换个问题：…", "另外问一下，…".
const NEW_TOPIC = /^(换个问题|换个话题|换一个问题|另外问|另外再问|再问(一下|个)|顺便问|还有个问题|还有一个问题)/
// "跟秤、计量有关的呢？", "还有别的吗", "有适合小孩参加的吗": the same list again, narrowed.
const CONTINUES_LIST =
  /(有关|相关|方面|类)的(呢|吗|有哪些|有没有)|还有(吗|呢|别的|其他|哪些|没有)|^(那)?有(没有)?适合.{1,10}的|^(那)?(别的|其他的?|其它的?)呢/

/** "跟秤、计量有关的呢？": the list just given, narrowed — asked in the same vein as the question before. */
export const continuesList = (question: PreparedQuestion): boolean => CONTINUES_LIST.test(question.folded)

/** "那76号令呢？": another order named, and nothing else asked. */
const namesOtherOrder = (question: PreparedQuestion): boolean =>
  /呢[?？]?$/.test(question.folded) &&
  question.orderNumbers.length > 0 &&
  question.article === null &&
  question.concepts.filter((concept) => concept.known && !concept.aspect).length <= 1

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
  if (continuesList(question)) return null
  if (question.orderNumbers.length > 0 || (question.article?.orderNo ?? null) !== null) return 'order'
  const matter = question.concepts.filter(namesMatter)
  const foreign = matter.some(
    (concept) =>
      // A word jieba made up from characters it could not place ("要检" in "多久要检一回") names nothing.
      (concept.alternatives.length > 1 || jiebaKnows(concept.word)) &&
      !concept.alternatives.some((term) => deps.vocabulary.documentSays(subject.docId, term)),
  )
  if (foreign) return 'foreign-matter'
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
  const alone = async (): Promise<ContextualAnswer> => {
    const result = await answerQuestion(deps, question)
    // Answered from the subject's own document, the message did not leave it ("隔多久要检一次？").
    const same = subject !== null && result.citations[0]?.docId === subject.docId
    return { resolvedQuery: question.text, question, result, subject: same ? subject : subjectOf(question, result) }
  }
  if (!subject) return alone()
  // The subject's terms find its passages; among them the message's own words pick the one that
  // answers ("举报能匿名吗" after 投诉 vs 举报 is about 匿名). When the message alone says too little
  // for that ("多长时间要检一回？"), the completed question is answered instead.
  const about = async (): Promise<ContextualAnswer> => {
    const completed = aboutSubject(deps, question, subject)
    const preferDocId = subject.docId
    const asAsked = await answerQuestion(deps, question, { preferDocId, searchAs: completed })
    const result = asAsked.grounded ? asAsked : await answerQuestion(deps, completed, { preferDocId })
    return {
      resolvedQuery: completed.text,
      question: asAsked.grounded ? question : completed,
      result,
      subject,
    }
  }
  if (namesOtherOrder(question)) {
    // "那76号令呢？" asks the last question again about the order it names, which becomes the subject.
    const again = completeQuestion(question, subject.asked, deps, 'after')
    const result = await answerQuestion(deps, again)
    return { resolvedQuery: again.text, question: again, result, subject: subjectOf(again, result) ?? subject }
  }
  const leaving = leavesSubject(deps, question, subject)
  const leaves = leaving !== null
  const [first, second] = leaves ? [alone, about] : [about, alone]
  const answered = await first()
  if (answered.result.grounded) return { ...answered, subject: answered.subject ?? subject }
  // "那要等多久？" names nothing of its own: what another document says of 多久 is no answer to it.
  if (!leaves && question.leansOnContext && !question.concepts.some(namesMatter)) return answered
  // "食品经营许可证怎么办？" after 投诉: the subject's document never speaks of it, so it cannot answer it
  // either. Its own refusal (and gate) stands, logged with the turn.
  if (leaving === 'foreign-matter') return answered
  const other = await second()
  return other.result.grounded
    ? { ...other, subject: other.subject ?? subject }
    : { ...answered, subject: answered.subject ?? subject }
}
