import { isMatter } from '../query/concepts.ts'
import { tellsIssuance } from '../query/issuance.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { showsWayIn } from '../query/way-in.ts'
import { type ChunkRecord, chunksByLocator, chunksMentioning, findDocumentsByNumber } from '../retrieval/chunks-repo.ts'
import { type RetrievalMode, type ScoredChunk, type SearchIndex, searchEach } from '../retrieval/search.ts'
import type { Vocabulary } from '../retrieval/vocabulary.ts'
import { foldText } from '../text/fold.ts'
import type { Glossary } from '../text/glossary.ts'
import { segmentWord } from '../text/segment.ts'
import { capAnswerText } from './answer-length.ts'
import { unsaidDoing } from './asked-doing.ts'
import { isOrderSummary, ORDER_DOC_NO } from './beyond-summary.ts'
import { type Citation, citationFor, describeLocation } from './citations.ts'
import { askedConcepts, coverageOfFolded, type Evidence } from './evidence.ts'
import { composeExtractiveAnswer, type ExtractiveResult, weighEvidence } from './extractive.ts'
import type { Llm } from './llm.ts'
import {
  articleNotCovered,
  ENGLISH_LEAD,
  ENGLISH_NOT_UNDERSTOOD,
  notCovered,
  notCoveredWithGap,
  notForPlace,
  notInNamedDocument,
  notInSummary,
  notNamedDoing,
  partsNotCovered,
} from './messages.ts'
import { namesDocument, withoutRetellings } from './named-documents.ts'
import { asksOfTheWhole, opensDocument } from './opening.ts'
import { otherPlaceAsked } from './other-place.ts'
import { outlineAnswer } from './outline.ts'
import { type AnswerInParts, answerInParts } from './partial.ts'
import type { RefusalReason } from './refusals.ts'
import {
  IDENTIFIER_CANDIDATES,
  LIST_SEARCH_LIMIT,
  MAX_UNTRANSLATED_SHARE,
  RARE_WORD_CHUNKS,
  SEARCH_LIMIT,
} from './tuning.ts'

export type AnswerDeps = SearchIndex & { glossary: Glossary; vocabulary: Vocabulary; llm?: Llm | null }

export type Answer = {
  answer: string
  grounded: boolean
  mode: 'extractive' | 'llm'
  citations: Citation[]
  /** The named gate that refused, when not grounded; `partial` when some asks of the question were not answered. */
  refusalReason?: RefusalReason
  /** The best retrieved passages, for evaluation and for the LLM. */
  evidence: Evidence[]
}

const notGrounded = (answer: string, refusalReason: RefusalReason, evidence: Evidence[] = []): Answer => ({
  answer,
  grounded: false,
  mode: 'extractive',
  citations: [],
  refusalReason,
  evidence,
})

/**
 * What a refusal says: the document's own statement of what it leaves out, the document the question names
 * (with what its summary holds: "违反75号令会被罚多少钱" asks of articles the summary does not include), the
 * doing asked that no document names, or plain "not covered".
 */
function refusalText(refusal: Extract<ExtractiveResult, { grounded: false }>, query: PreparedQuestion): string {
  const { folded } = query
  const top = refusal.evidence[0]?.chunk
  if (refusal.gap && top) return notCoveredWithGap(top.title, refusal.gap, folded)
  if (refusal.reason === 'other-document' && top) return notInNamedDocument(top.title, folded)
  const place = refusal.reason === 'other-place' && top ? otherPlaceAsked(query, top) : null
  if (place && top) return notForPlace(top.title, place, folded)
  // The passage is from an order's summary whether or not the question names the order; another document's
  // passage refused for a post it never names leaves the order's summary, found beside it, to say what it holds.
  const summary = refusal.evidence.find((item) => isOrderSummary(item.chunk))?.chunk
  if (refusal.reason === 'beyond-summary' && summary?.meta.note)
    return notInSummary(summary.title, summary.meta.note, folded)
  const order = refusal.evidence.find((item) => isNamedOrder(item.chunk, query))?.chunk
  if (order?.meta.note) return notInSummary(order.title, order.meta.note, folded)
  // A doing no document names (撤回, 补发) can be named as missing; one another passage says (仲裁) cannot.
  const doing = refusal.reason === 'unsaid-doing' && top ? unsaidDoing(query, top) : undefined
  if (doing && !doing.known) return notNamedDoing(doing.word, folded)
  return notCovered(folded)
}

/** The asks the documents answer, then one sentence naming those they do not (`partial`). */
function answeredInParts(parts: AnswerInParts): Answer {
  const partial = parts.notCovered.length > 0
  return {
    answer: capAnswerText(partial ? `${parts.answer}\n\n${partsNotCovered(parts.notCovered)}` : parts.answer),
    grounded: true,
    mode: 'extractive',
    citations: parts.citations,
    ...(partial ? { refusalReason: 'partial' as const } : {}),
    evidence: parts.evidence,
  }
}

/** "75号令第三条": the article itself, or a plain statement that the summary does not include it. */
async function answerArticle(deps: AnswerDeps, query: PreparedQuestion): Promise<Answer | null> {
  const article = query.article
  // "第八条说了什么" after a turn about order 76 comes completed with that order's number, not joined to it.
  const orderNo = article?.orderNo ?? (query.orderNumbers.length === 1 ? query.orderNumbers[0] : null)
  if (!article || !orderNo) return null
  const docNo = `第${orderNo}号`
  const documents = await findDocumentsByNumber(deps.db, docNo)
  if (documents.length === 0) return null
  const chunks = chunksByLocator(deps.passages, article.locator, docNo)
  const first = chunks[0]
  if (!first) {
    const doc = documents[0] as (typeof documents)[number]
    return notGrounded(
      articleNotCovered(doc.title, article.locator, doc.meta.note, query.folded),
      'article-not-covered',
    )
  }
  const heading = first.section.replace(/^第.+?条\s*/, '')
  return quoteArticles(
    chunks,
    `《${first.title}》${describeLocation(first)}${heading ? `（${heading}）` : ''}的要点如下：`,
  )
}

/**
 * Articles quoted whole after a lead line, each body with its citation; a summary says it is one.
 * `named`: each body opens with its document and place, when they are of several documents.
 */
function quoteArticles(chunks: ChunkRecord[], lead: string, named = false): Answer {
  const first = chunks[0] as ChunkRecord
  const body = chunks.map((chunk) => chunk.content.split('\n').slice(1).join('\n').trim() || chunk.content)
  const citations = chunks.map((chunk, index) => citationFor(index + 1, chunk, body[index] as string, 1))
  const where = (chunk: ChunkRecord) => (named ? `《${chunk.title}》${describeLocation(chunk)}：` : '')
  const lines = [lead, ...body.map((text, index) => `${where(chunks[index] as ChunkRecord)}${text}[${index + 1}]`)]
  if (first.meta.note) lines.push('', '提示：以上出自对官方文本的整理摘要，具体以官方发布的文本为准。')
  return { answer: lines.join('\n'), grounded: true, mode: 'extractive', citations, evidence: [] }
}

// What asks about an order as a whole ("是管什么的", "主要讲什么", "主要内容是什么") rather than a matter in it.
const ABOUT_THE_WHOLE = /^(?:管|管的|讲|讲的|说|说的|干什么|干嘛|做什么|主要|内容|是什么|什么|啥)$/
// An order's own account of itself: what it is for, and whom it applies to.
const OVERVIEW_ARTICLES = ['第一条', '第二条']

/**
 * "76号令是管什么的", "75号令主要讲什么": a question about a named order as a whole is answered with the
 * articles that say what the order is for and whom it applies to, not with whichever passage repeats
 * the order's number most (its appended reading of "日管控…" did).
 */
async function answerOrderOverview(deps: AnswerDeps, query: PreparedQuestion): Promise<Answer | null> {
  const [orderNo] = query.orderNumbers
  // "75号令要我们干什么" asks what the order requires of the asker, which its duty articles state (requirements.ts);
  // "75号令啥时候开始施行" a fact of it (its issuance), which they do not.
  if (query.article || query.asksRequirement || query.answerTypes.length > 0) return null
  if (query.orderNumbers.length !== 1 || orderNo === undefined) return null
  const rest = query.concepts.filter(
    (concept) => !concept.filler && !concept.alternatives.some((term) => term.includes(`${orderNo}号`)),
  )
  if (rest.some((concept) => !ABOUT_THE_WHOLE.test(concept.word))) return null
  const docNo = `第${orderNo}号`
  const chunks = OVERVIEW_ARTICLES.flatMap((locator) => chunksByLocator(deps.passages, locator, docNo))
  const first = chunks[0]
  if (!first) return null
  return quoteArticles(chunks, `《${first.title}》（${first.meta.doc_no ?? docNo}）的目的和适用范围如下：`)
}

/**
 * "75号令和76号令分别管哪类企业", "…有什么区别": a question naming several orders asks the same of each, so
 * each order's own answer is quoted, one after the other — not whichever one passage ranks first.
 */
async function answerEachOrder(deps: AnswerDeps, query: PreparedQuestion, options: AnswerOptions) {
  if (query.article || query.orderNumbers.length < 2 || options.within) return null
  // "质量月有没有讲75号令、76号令的培训" asks what another document says of them, not each order's own answer.
  const others = new Set([...deps.passages.values()].filter((chunk) => !isNamedOrder(chunk, query)).map((c) => c.title))
  if ([...others].some((title) => namesDocument(query, title, deps.glossary))) return null
  const orders = query.orderNumbers.map((orderNo) => `${orderNo}号令`).join('和')
  // What sets them apart, or which one holds ("是一回事吗，区别在哪", "做批发的，该按哪个来"): whom each applies to.
  if (ORDERS_APART.test(query.folded)) {
    const scopes = query.orderNumbers.map(
      (orderNo) => chunksByLocator(deps.passages, SCOPE_ARTICLE, `第${orderNo}号`)[0],
    )
    if (scopes.every((chunk) => chunk !== undefined))
      return quoteArticles(scopes as ChunkRecord[], `${orders}各自的适用范围如下：`, true)
  }
  const primaries: ChunkRecord[] = []
  for (const orderNo of query.orderNumbers) {
    const one = { ...query, orderNumbers: [orderNo] }
    const candidates = (await retrieveCandidates(deps, one, options)).filter((chunk) => isNamedOrder(chunk, one))
    const answered = composeExtractiveAnswer(one, candidates)
    if (!answered.grounded || !answered.evidence[0]) return null
    primaries.push(answered.evidence[0].chunk)
  }
  return quoteArticles(primaries, `${orders}各自的相关规定如下：`, true)
}

const ORDERS_APART = /区别|不同|不一样|差别|一回事|一样吗|按哪个|该按哪|听哪个|哪个适用|适用哪个|归哪个/
// The article of an order that says whom it applies to.
const SCOPE_ARTICLE = '第二条'

const isNamedOrder = (chunk: ChunkRecord, query: PreparedQuestion) =>
  query.orderNumbers.some((n) => (chunk.meta.doc_no ?? '').includes(`第${n}号`))

// "75号、76号令" names order 75 by its number alone. Built once per question: it is asked of every passage.
const numberPatterns = new WeakMap<PreparedQuestion, RegExp>()
const namedNumbersOf = (query: PreparedQuestion): RegExp => {
  const known = numberPatterns.get(query)
  if (known) return known
  const pattern = new RegExp(`(?<!\\d)(?:${query.orderNumbers.join('|')})号`)
  numberPatterns.set(query, pattern)
  return pattern
}

/** A passage of a document the question names by its title (not an order) that speaks of a named order. */
const speaksOfNamedOrder = (chunk: ChunkRecord, query: PreparedQuestion, glossary: Glossary) =>
  !ORDER_DOC_NO.test(chunk.meta.doc_no ?? '') &&
  namedNumbersOf(query).test(chunk.analysis.context) &&
  namesDocument(query, chunk.title, glossary)

/** "…连质量安全员都没有，违反76号令了吧，怎么举报": the orders are named only in the asker's case (scene), not asked about. */
const toldOrdersOnly = (query: PreparedQuestion) =>
  !query.concepts.some(
    (concept) => !concept.scene && concept.alternatives.some((term) => namedNumbersOf(query).test(term)),
  )

/**
 * "75号令…": when the question names an order, passages of other documents do not answer it — unless the
 * question also names their document by its title and they speak of the order: "质量月有没有讲75号令的培训"
 * asks what the plan says of it (its item "重点宣贯…75号、76号令"), answered from there when that item says
 * at least as much of the question as the order's own passages do.
 */
function preferNamedOrders(candidates: ScoredChunk[], query: PreparedQuestion, glossary: Glossary): ScoredChunk[] {
  if (query.orderNumbers.length === 0 || toldOrdersOnly(query)) return candidates
  const orders = candidates.filter((chunk) => isNamedOrder(chunk, query))
  const speaking = candidates.filter((chunk) => speaksOfNamedOrder(chunk, query, glossary))
  const concepts = askedConcepts(query.concepts)
  const most = (chunks: ScoredChunk[]) =>
    Math.max(0, ...chunks.map((chunk) => coverageOfFolded(concepts, chunk.analysis.context)))
  if (speaking.length > 0 && most(speaking) >= most(orders)) return speaking
  return orders.length > 0 ? orders : candidates
}

/**
 * "厂里的质量安全员要干什么", "商场老板要给质量安全总监什么支持": the orders' summaries say the same for two kinds
 * of business (75号令 for 生产单位, 76号令 for 销售单位), so the order whose title names the asker's kind answers;
 * the other's twin passage would tell a factory of a shop's duties. A question naming an order keeps that order.
 */
function preferOrderOfKind(candidates: ScoredChunk[], query: PreparedQuestion, glossary: Glossary): ScoredChunk[] {
  const unit = query.business?.unit
  if (!unit || query.orderNumbers.length > 0) return candidates
  const isOrder = (chunk: ScoredChunk) => ORDER_DOC_NO.test(chunk.meta.doc_no ?? '')
  if (!candidates.some((chunk) => isOrder(chunk) && chunk.title.includes(unit))) return candidates
  const otherUnits = (glossary.businessKinds ?? []).map((kind) => kind.unit).filter((other) => other !== unit)
  return candidates.filter(
    (chunk) =>
      !isOrder(chunk) || !otherUnits.some((other) => chunk.title.includes(other) && !chunk.title.includes(unit)),
  )
}

/**
 * Those passages join the candidates: the order's own passages, repeating its number and title, fill the
 * word search's cut before the one item of the plan that names it once.
 */
function speakingOfNamedOrders(deps: AnswerDeps, query: PreparedQuestion, found: ScoredChunk[]): ScoredChunk[] {
  if (query.orderNumbers.length === 0) return []
  const taken = new Set(found.map((chunk) => chunk.id))
  const best = Math.max(0, ...found.map((chunk) => chunk.score))
  return [...deps.passages.values()]
    .filter((chunk) => !taken.has(chunk.id) && speaksOfNamedOrder(chunk, query, deps.glossary))
    .map((chunk) => ({ ...unscored(chunk), score: best }))
}

const candidateLimit = (query: PreparedQuestion) => (query.shape === 'list' ? LIST_SEARCH_LIMIT : SEARCH_LIMIT)

/** A follow-up about the subject of the exchange is answered from the subject's document when it can be. */
// The nation asked of ("国家纲要里…", "national outline"), and the places local documents are for.
const NATION = /国家|全国/
const LOCAL = /上海|浦东/

/**
 * "国家质量强国纲要里，制造业产品质量合格率2025年要到多少": a question naming the nation, not Shanghai, asks of the
 * national document found when a local one carries its title on (质量强国建设纲要上海实施方案), whose table sets the
 * national target beside Shanghai's and would otherwise answer first.
 */
function preferNational(candidates: ScoredChunk[], query: PreparedQuestion): ScoredChunk[] {
  if (!NATION.test(query.folded) || LOCAL.test(query.folded)) return candidates
  const stems = new Set(candidates.filter((chunk) => !LOCAL.test(chunk.title)).map((chunk) => titleStem(chunk.title)))
  const twin = (chunk: ScoredChunk) =>
    LOCAL.test(chunk.title) && [...stems].some((stem) => stem.length > 1 && titleStem(chunk.title).startsWith(stem))
  return candidates.filter((chunk) => !twin(chunk))
}

// A title without what follows it in brackets ("质量强国建设纲要（要点整理）" → 质量强国建设纲要).
const titleStem = (title: string) => foldText(title).replace(/[（(].*$/, '')

function preferDocument(candidates: ScoredChunk[], docId: string | undefined): ScoredChunk[] {
  const own = docId ? candidates.filter((chunk) => chunk.docId === docId) : []
  return own.length > 0 ? own : candidates
}

/**
 * `preferDocId`: answer from this document's passages when any is found. `searchAs`: find passages
 * with this question too (a follow-up completed with its subject), all weighed by the one asked.
 */
export type AnswerOptions = {
  mode?: RetrievalMode
  preferDocId?: string
  searchAs?: PreparedQuestion
  /** Passages to weigh besides those the search finds ("跟药有关的呢": the subject's passages that say 药). */
  include?: ChunkRecord[]
  /** Answer from these passages only, no search ("那需要多久？" of the passage just quoted). */
  within?: ChunkRecord[]
}

/**
 * Passages of the documents found that say the question's numbers and codes as written ("12365"): the
 * word search does not index every number as one word, and without them the answerer could only refuse
 * as missing-identifier. Other documents that happen to say a common number ("2025年…") are not about it;
 * a code the whole store says in a few passages at most ("以前打12365的，现在还能打通吗" among words of the
 * Quality Month plan) points at them wherever they are.
 */
const unscored = (chunk: ChunkRecord): ScoredChunk => ({
  ...chunk,
  score: 0,
  similarity: null,
  lexicalRank: null,
  vectorRank: null,
})

function mentioningIdentifiers(deps: AnswerDeps, query: PreparedQuestion, found: ScoredChunk[]): ScoredChunk[] {
  if (query.identifiers.length === 0) return []
  const chunks = chunksMentioning(deps.passages, query.identifiers, IDENTIFIER_CANDIDATES)
  // Every chunk returned says every identifier.
  const rare = query.identifiers.some((identifier) => deps.vocabulary.documentFrequency(identifier) <= RARE_WORD_CHUNKS)
  return chunks
    .filter((chunk) => rare || found.some((candidate) => candidate.docId === chunk.docId))
    .filter((chunk) => !found.some((candidate) => candidate.id === chunk.id))
    .map(unscored)
}

/**
 * Passages of the documents found that say a word of the question only they say ("冷链", "定制公交"):
 * the word search ranks by how many of the question's words a passage holds, so a section that says
 * its one telling word but none of the document-title words the question also brings ("纲要") falls
 * below the cut.
 */
function sayingRareWords(deps: AnswerDeps, query: PreparedQuestion, found: ScoredChunk[]): ScoredChunk[] {
  const rare = query.concepts.filter(
    (concept) =>
      concept.known && !concept.filler && deps.vocabulary.documentFrequency(concept.word) <= RARE_WORD_CHUNKS,
  )
  if (rare.length === 0) return []
  // Ranked with the first found: the word says more about which passage is meant than any shared word count.
  const best = Math.max(0, ...found.map((chunk) => chunk.score))
  const documents = new Set(found.map((chunk) => chunk.docId))
  const taken = new Set(found.map((chunk) => chunk.id))
  return [...deps.passages.values()]
    .filter((chunk) => documents.has(chunk.docId) && !taken.has(chunk.id))
    .filter((chunk) => rare.some((concept) => chunk.analysis.context.includes(concept.word)))
    .map((chunk) => ({ ...unscored(chunk), score: best }))
}

/**
 * Passages of the documents found whose own heading names a matter of the question that the
 * document's title does not ("质量月的主题是啥" → 二、活动主题): a short section headed by the very thing
 * asked says too few words to win the word search against long ones that say the question's common
 * words many times ("质量" in every item of the plan). So does the section of the routes when the way in to a
 * complaint or a report is asked ("举报商家咋整" → 二、通过哪些渠道提出, which says 举报 once).
 */
function headedByMatter(deps: AnswerDeps, query: PreparedQuestion, found: ScoredChunk[]): ScoredChunk[] {
  const documents = new Set(found.map((chunk) => chunk.docId))
  const taken = new Set(found.map((chunk) => chunk.id))
  const best = Math.max(0, ...found.map((chunk) => chunk.score))
  const matter = query.concepts.filter((concept) => concept.known && isMatter(concept) && concept.word.length > 1)
  return [...deps.passages.values()]
    .filter((chunk) => documents.has(chunk.docId) && !taken.has(chunk.id))
    .filter(
      (chunk) =>
        matter.some(
          (concept) =>
            coverageOfFolded([concept], chunk.analysis.heading) >= 1 &&
            coverageOfFolded([concept], chunk.analysis.names) < 1,
        ) ||
        (query.asksWayIn && showsWayIn(chunk.analysis.heading, chunk.analysis.context)),
    )
    .map((chunk) => ({ ...unscored(chunk), score: best }))
}

/**
 * The opening passages of the documents found when the question asks a fact of what one of them is about as a
 * whole ("质量月什么时候开展"): the preface says the matter once, in few words, and loses the word search to
 * items that say the question's verb (开展) in their headings.
 */
function openingOfWhole(deps: AnswerDeps, query: PreparedQuestion, found: ScoredChunk[]): ScoredChunk[] {
  const documents = new Set(found.map((chunk) => chunk.docId))
  const taken = new Set(found.map((chunk) => chunk.id))
  const best = Math.max(0, ...found.map((chunk) => chunk.score))
  return [...deps.passages.values()]
    .filter((chunk) => documents.has(chunk.docId) && !taken.has(chunk.id) && opensDocument(chunk))
    .filter((chunk) => asksOfTheWhole(query, chunk.analysis.names))
    .map((chunk) => ({ ...unscored(chunk), score: best }))
}

/**
 * The passages of the documents found that tell a document's issuance, when the question asks when or by whom one
 * was issued ("质量强国纲要什么时候发布的"): the document's own name is in every one of its passages, and those that
 * say 发布 in another sense ("国新办发布会") or give other dates ("到2025年") win the word search.
 */
function tellingIssuance(deps: AnswerDeps, query: PreparedQuestion, found: ScoredChunk[]): ScoredChunk[] {
  if (!query.asksIssuance) return []
  const documents = new Set(found.map((chunk) => chunk.docId))
  const taken = new Set(found.map((chunk) => chunk.id))
  const best = Math.max(0, ...found.map((chunk) => chunk.score))
  return [...deps.passages.values()]
    .filter((chunk) => documents.has(chunk.docId) && !taken.has(chunk.id) && tellsIssuance(chunk.analysis.context))
    .map((chunk) => ({ ...unscored(chunk), score: best }))
}

/**
 * The candidates in the order the completed question weighs them, that order as their search score:
 * the subject's words rank the passages, and the message's own words, weighing them in turn, pick
 * among those they cannot tell apart ("查得到就一定有效吗" after 证书真假 stays with 核实证书真伪).
 */
function rankedBy(question: PreparedQuestion, candidates: ScoredChunk[]): ScoredChunk[] {
  const weighed = weighEvidence(question, candidates)
  const best = weighed[0]?.rank || 1
  return weighed.map((item) => ({ ...item.chunk, score: item.rank / best }))
}

/**
 * The question without the asker's case ("网店卖没有CCC认证的插线板，怎么举报" → 举报): the case is scene
 * (concepts.ts), and when it names another guide's thing (CCC, 免办) that guide's passages fill the whole
 * question's cut, so the guide on the doing asked (12315) would never be weighed. Searched only when no passage
 * found says all that is asked: a guide that itself tells where its thing is reported ("伪造证书…投诉举报") answers.
 */
function withoutCase(query: PreparedQuestion, found: ScoredChunk[]) {
  if (!query.concepts.some((concept) => concept.scene)) return null
  const asked = askedConcepts(query.concepts)
  if (found.some((chunk) => coverageOfFolded(asked, chunk.analysis.context) >= 1)) return null
  const words = asked.filter((concept) => !concept.filler).flatMap((concept) => [concept.word, ...concept.alternatives])
  const searchWords = [...new Set(words.flatMap((word) => [word, ...segmentWord(word)]))]
  return searchWords.length > 0 ? { searchWords, embeddingText: searchWords.join(' ') } : null
}

async function retrieveCandidates(deps: AnswerDeps, query: PreparedQuestion, options: AnswerOptions) {
  // A follow-up's own words and its completed form are searched together: one round trip on PostgreSQL.
  const limit = candidateLimit(query)
  const [own = [], found = []] = await searchEach(deps, options.searchAs ? [query, options.searchAs] : [query], {
    limit,
    mode: options.mode,
  })
  const whole = [...own, ...found.filter((chunk) => !own.some((other) => other.id === chunk.id))]
  const caseFree = withoutCase(query, whole)
  const [asked = []] = caseFree ? await searchEach(deps, [caseFree], { limit, mode: options.mode }) : []
  const searched = [...whole, ...asked.filter((chunk) => !whole.some((other) => other.id === chunk.id))]
  const included = (options.include ?? [])
    .filter((chunk) => !searched.some((other) => other.id === chunk.id))
    .map(unscored)
  // Each passage once, at the best score a lookup gave it: two of the lookups below may bring the same one (a
  // section headed by the matter that also says a rare word), raised to the first found's score by either.
  const candidates: ScoredChunk[] = []
  const at = new Map<number, number>()
  const add = (chunks: readonly ScoredChunk[]) => {
    for (const chunk of chunks) {
      const index = at.get(chunk.id)
      if (index === undefined) {
        at.set(chunk.id, candidates.length)
        candidates.push(chunk)
      } else if (chunk.score > (candidates[index] as ScoredChunk).score) candidates[index] = chunk
    }
  }
  add(searched)
  add(included)
  add(mentioningIdentifiers(deps, query, searched))
  add(sayingRareWords(deps, query, [...searched, ...included]))
  add(headedByMatter(deps, query, [...searched, ...included]))
  add(openingOfWhole(deps, query, candidates))
  add(tellingIssuance(deps, query, candidates))
  add(speakingOfNamedOrders(deps, query, candidates))
  // A follow-up completed with its subject's words ("质量月 上门 平时自己拿去检要交钱吗") does not name the plan
  // itself: the subject's document is preferred instead.
  const named = options.preferDocId ? candidates : withoutRetellings(candidates, query, deps.glossary)
  const ofOrders = preferOrderOfKind(preferNamedOrders(named, query, deps.glossary), query, deps.glossary)
  const preferred = preferDocument(preferNational(ofOrders, query), options.preferDocId)
  return options.searchAs ? rankedBy(options.searchAs, preferred) : preferred
}

/**
 * The passages in the order the answerer weighs them: what "retrieval" means for evaluation.
 * `mode` switches off one side of the hybrid search, for the baselines.
 */
export async function rankPassages(deps: AnswerDeps, question: PreparedQuestion, options: AnswerOptions = {}) {
  const candidates = await retrieveCandidates(deps, question, options)
  return weighEvidence(question, candidates).map((item) => item.chunk)
}

/** What the ranker weighs for a question: the prepared question and the retrieved candidates (for evals/tune.ts). */
export async function rankingInputs(deps: AnswerDeps, question: PreparedQuestion, options: AnswerOptions = {}) {
  return { question, candidates: await retrieveCandidates(deps, question, options) }
}

/**
 * Answers a question from the knowledge store: direct article lookup when one is named, else
 * hybrid retrieval and the extractive answerer. The model, when configured, writes its answer from
 * the evidence found here (src/conversation/model-answer.ts).
 */
export async function answerQuestion(
  deps: AnswerDeps,
  query: PreparedQuestion,
  options: AnswerOptions = {},
): Promise<Answer> {
  if (query.untranslated > MAX_UNTRANSLATED_SHARE) {
    return notGrounded(`${ENGLISH_NOT_UNDERSTOOD}\n\n${notCovered(query.folded)}`, 'untranslated')
  }
  const direct =
    (await answerArticle(deps, query)) ??
    (await answerOrderOverview(deps, query)) ??
    (await answerEachOrder(deps, query, options))
  if (direct) return { ...direct, answer: capAnswerText(direct.answer) }

  const candidates = options.within ? options.within.map(unscored) : await retrieveCandidates(deps, query, options)
  const extractive = composeExtractiveAnswer(query, candidates)
  const parts = extractive.grounded ? null : answerInParts(query, candidates, deps)
  if (parts) return answeredInParts(parts)
  if (!extractive.grounded) {
    return notGrounded(refusalText(extractive, query), extractive.reason, extractive.evidence)
  }
  const primary = extractive.evidence.find((item) => item.chunk.id === extractive.citations[0]?.chunkId)
  const outline = primary ? outlineAnswer(deps, query, primary.chunk) : null
  const answered = outline ?? extractive
  return {
    answer: capAnswerText(query.english ? `${ENGLISH_LEAD}\n\n${answered.answer}` : answered.answer),
    grounded: true,
    mode: 'extractive',
    citations: answered.citations,
    evidence: extractive.evidence,
  }
}
