import { ABBREVIATION_GAP, SETTING_SHARE } from '../answer/tuning.ts'
import type { Vocabulary } from '../retrieval/vocabulary.ts'
import { type Glossary, groupOf } from '../text/glossary.ts'
import { idfOf } from '../text/idf.ts'
import { paraphrasesOf } from '../text/paraphrases.ts'
import {
  cutWords,
  inDictionary,
  namesAnAbbreviation,
  namesAPlace,
  namesAThing,
  segmentWord,
  unglued,
} from '../text/segment.ts'
import { afterwordOf } from './afterword.ts'
import {
  type AnswerType,
  asksWhetherTaken,
  FORMER_NAME_ASKED,
  INTERVAL_ASKED,
  NAME_ORIGIN_ASKED,
  TIME_GONE_BY,
  TIME_WAITED,
} from './answer-types.ts'
import { ASKING_CLAUSE, askingClausesOf } from './asking-clauses.ts'
import { audienceJoiningOf, audienceStoryOf, audienceWordsOf, freeHelpWordsOf } from './audience.ts'
import { consequenceCaseWordsOf } from './consequence-case.ts'
import { draggingOnOf } from './dragging-on.ts'
import { DOCUMENT_ISSUANCE_ASKED } from './issuance.ts'
import { OWN_BUSINESS_MAY_TOO, ownBusinessClause } from './own-business.ts'
import { ownerCaseOf } from './owner-case.ts'
import { asksJurisdiction, asksReweigh, asksWhereToTurn, otherSideOf } from './recourse.ts'
import { RELATION_ASKED } from './relation.ts'
import { clausesAfterAWish, type ReportWish, reportWishOf } from './report-wish.ts'
import { asksDoingRequired } from './requirements.ts'
import { verdictToldOf } from './verdict-ask.ts'

/**
 * One thing the question asks about: the word, the words that count as saying it (glossary synonyms),
 * its parts (for a long word a passage says in other order) and its weight.
 */
export type Concept = {
  word: string
  alternatives: string[]
  parts: string[]
  weight: number
  known: boolean
  /** Says which aspect of a matter is asked (materials, steps, time, fees), not which matter. */
  aspect: boolean
  /** The kind of fact this word asks for ("多久" a duration): a text giving such a fact says it. */
  asks: AnswerType | null
  /**
   * Says how the question is put or who asks it, not what it is about: "要不要", "一台", "以前", and the
   * asker's own situation ("我们是电动自行车经销商，…"). No passage need contain it.
   */
  filler: boolean
  /**
   * Tells the asker's case in a clause that sets the scene before a complaint is asked about ("网店老板不给退款，
   * 去哪投诉"): the guide answers where, how and how long whatever was bought and from whom, so no passage
   * need say it and it picks none.
   */
  scene: boolean
  /**
   * Tells a business owner's case before an open ask about one of the bureau's errands ("厂里要从德国进一套生产线上配
   * 的设备，申请免3c得准备啥材料"; src/query/owner-case.ts): at the coverage gate a passage need not say it, and one
   * that does covers more; the ranker weighs it as any word of the question (src/answer/extractive.ts).
   */
  optional: boolean
  /**
   * Part of the owner's case a yes/no ask judges ("开汽修店的，从国外进了一批配件给客人换，这种能不做3C吗";
   * src/query/owner-case.ts): only its words the documents use, optional as above; but the passage answering has to
   * say one of them (src/answer/judged-case.ts).
   */
  judged: boolean
  /**
   * For a generic request noun asked for ("对主要负责人有什么要求", "要交哪些材料"): what a text stating
   * such a thing says, with or without the noun — the section that is about the subject answers, not the
   * one that happens to use the word 要求.
   */
  requested: RegExp | null
  /**
   * A place the documents name throughout (浦东 in a third of the bureau's chunks): where they stand, not a
   * matter of its own — "浦东哪里有好吃的" asks about food.
   */
  setting: boolean
}

// The aspects a matter is asked about; "CCC免办" is a matter, "需要准备哪些材料" an aspect of it.
const QUESTION_WORD = /多久|多长|几|多少|哪|什么时候|何时|怎么/
const ASPECT =
  /材料|资料|流程|步骤|手续|程序|办理|申请|多久|时间|时限|期限|费用|收费|要交|交钱|交费|多少|怎么|怎样|如何|条件|要求|需要|哪些|什么|哪里|地方|电话|办法|规定|内容|问题|情况|渠道|途径|方式|后果|管辖|区别|意思/

// 适用范围 (whom an order applies to) is asked of an order as 流程 is of a licence: "75号令管的是哪些单位" then
// "那76号令呢" asks the same aspect of the other order, so it is no matter the conversation is about.
const ASPECT_WORD = new RegExp(`^(?:${ASPECT.source}|适用范围)$`)

/** Names the matter asked about: not which aspect of it, not the kind of fact asked, not how it is put. */
export const isMatter = (concept: Concept): boolean => !concept.aspect && !concept.asks && !concept.filler

/** A glossary group that says an aspect of a matter (渠道, 途径, 去哪投诉…), not a matter. */
export const namesAnAspect = (terms: readonly string[]): boolean => terms.some((term) => ASPECT_WORD.test(term))

/**
 * Whether the concept says which aspect of a matter is asked, its glossary synonyms included: "要钱"
 * asks about fees as 收费 and 费用 do. (`aspect` itself stays the word's own reading, which the
 * answerer's gates weigh.)
 */
export const asksAnAspect = (concept: Concept): boolean => concept.aspect || namesAnAspect(concept.alternatives)

// Yes/no forms ("要不要", "能不能", "有没有"): jieba leaves "不要" of "要不要", which asks nothing.
const YES_NO_FORM = /(\p{Script=Han})不\1|有没有/gu
// "这种靠谱吗", "这证靠不靠谱": the asker's word for whether a thing is what it claims asks the guide's judgement of it,
// which it writes as 正规 (基本可以判定不正规) or a certificate's 真伪; no passage says 靠谱. Not where it describes a
// thing wanted ("哪家认证公司又便宜又靠谱", "找哪家修比较靠谱"): that asks for a pick the documents never make.
const JUDGEMENT_ASKED = /靠不靠谱|(?<![又较更最很挺])(?:靠谱(?=[吗么嘛不没啊呀]|$)|靠得住(?=[吗么嘛不]|$))|靠不住/g
const JUDGEMENT_WORD = '靠谱'
// "我听说秤没按时检会被罚款，真的假的？": a clause asking only whether what was heard is true puts the question of the
// clause before it; it is no 真伪 of a thing ("证书是真的假的"), which the thing said with it makes.
const HEARSAY_CHECKED =
  /(?<=^|[，,。？?！!])(?:这|那)?(?:是)?(?:真的假的|是真的吗|真的吗|是不是真的|真的么|是真是假)(?=[，,。？?！!]|$)/g
// "怎么判断靠不靠谱", "咋知道靠不靠谱": asked how to tell, the answer is the checks (先核实机构是否经国家认监委批准),
// which pass no judgement; the word then only puts the question, as the pieces of its yes/no form do.
const HOW_TO_TELL = /(?:怎么|怎样|如何|咋)(?:判断|知道|看|分辨|辨别|识别|确认)/
const JUDGEMENT_SAID = [JUDGEMENT_WORD, '正规', '真伪', '真假']
// The judgement is what is asked of the thing, as a question word asks a fact: no matter of its own ("这种面膜靠谱吗"
// asks about 面膜, which no document names), given by the passage passing it.
const JUDGEMENT_GIVEN: AnswerType = { name: 'judgement', asks: /靠谱|靠得住|靠不住/, gives: /正规|真伪|真假/ }
// "拿到证书以后是不是就啥都不用管了": whether nothing more is to be done asks what still is ("四、获证以后还要做什么"):
// the denial (不用) is said by what is still to be done, and the doing denied only puts the question.
const NOTHING_MORE_TO_DO = /(?:啥|什么)?都?(不(?:用|需要?|必))再?(?:管|做|干|弄|操心)了/
const STILL_TO_DO = ['还要', '还得', '仍需', '仍要']
// "一台公平秤", "以前那个…", "刚买回来的…", "质量月期间", "…的话", "听人说…": a count of one, the time of asking, a
// conditional, hearsay; a year told from now (去年检过了: no passage dates by the asker's now); an adverb of purpose ("也得专门设总监吗", "特意跑一趟": the doing is asked, not its manner); and the time in the story told ("颐和园原来叫什么", "后来被关在哪", "当时…"), which a passage
// says by its dates; the 一 of a doing done once to see ("回家一称", "上网一查"), which jieba leaves on its own.
const FORM_WORD =
  /^(?:一|[一两][个台件张家位只把间批箱套款袋瓶辆部]|以前|之前|原来|后来|当时|现在|目前|如今|最近|刚|刚刚|刚才|期间|还能|的话|听说|听人|据说|专门|特意|特地|专程|去年|今年|前年|明年)$/
// A weight the asker tells in shop units ("买了两斤虾", "少了三两", "一两多", "才七斤多", "两百克"): the goods
// and the shortfall of their case, which a guide says as 短斤缺两 or 称重, never in the asker's amounts. Only a
// weight the store never uses: a passage that says one ("重达三百斤") may be asked about by it.
const WEIGHT = '[0-9零一二两三四五六七八九十百千几半]+(?:斤|两|克|公斤|千克)[多半]?'
const WEIGHT_TOLD = new RegExp(`^${WEIGHT}$`)
// A number the asker tells roughly ("十来个人", "四十来号人", "二十多名员工"): their case, which no passage says so.
const ROUGH_COUNT_TOLD = /^[0-9一二两三四五六七八九十百千]+[来多余](?:个|号|名|位|家|台)?$/
// …and the weights of a case told before a complaint asked about, whose numbers jieba may cut from their units
// ("10斤大米…只有9斤4两" → 10, 斤, 9, 4, 两): no count that decides whether the complaint is taken, but the story.
const WEIGHTS_IN = new RegExp(WEIGHT, 'g')
// "身子有多长", "生下来多重": the degree word asks; the passage says 体长五六十厘米, never 多长. (谁 stays a
// word: headings say it, "二、谁来发证" answers "它归谁管".)
const ASKING_WORD = /^多[长重高大远深宽厚]$/
// "调解要拖多长时间", "得耗几个月": a verb of waiting before the length asked only puts the question. (jieba
// drops 等 as a stop word already.)
const WAITING_VERB = /[拖耗熬](?=了?(?:多久|多长时间|几天|几个月|多少天))/g
// "找哪里投诉", "该找谁办": seeking before a question word only puts the question; the passage names the
// office or route found, never 找. So before the bureau or its hotline ("能找市场监管吗"): whom one turns to is named.
const SEEKING_VERB = /找(?=(?:哪|谁|啥|什么|市场监管|监管部门|12315|工商))/g
// "要交什么资料", "得带哪些材料": the verb handing the materials in only puts the question of which; the passage lists
// them (申请材料：…), and 要交 would otherwise be read as the fee it asks in "要交钱吗".
const HANDING_IN = /(?:要|得|需要)?(?:交|提交|提供|带)(?=(?:些|点)?(?:什么|啥|哪些)(?:材料|资料|文件|证件))/g
// "我能在浦东投诉吗": where the asker stands, asking whether they may complain there; the guide answers by whose
// place handles it (经营地、住所地), never naming theirs.
const PLACE_OF_COMPLAINT = /(?<=(?:在|到))(?:本地|当地|这边|浦东|上海|[^，,。；;？?！!]{1,4}[区市县省])(?=投诉|举报)/gu
// "质量月什么时候开展", "一般几月举办": holding the event only puts the question of its date, which the plan
// says as 定于2023年9月开展 or not at all; every item of it 开展s something.
const EVENT_HELD =
  /(?<=(?:什么时候|啥时候?|何时|哪天|几月份?|哪个月|什么时间)[^，,。；;？?]{0,8})(?:开展|举办|举行|召开)|(?:开展|举办|举行|召开)(?=(?:是|在)?(?:什么时候|啥时候?|何时|哪天|几月|哪个月))/g
// "检定不合格怎么办", "证书到期了怎么办": what to do now a state has come asks what the passage saying that state
// says follows (不合格的，必须停止使用…), not the steps of applying that 怎么办 asks on its own (the glossary's
// 办理流程 group, which it stays in).
export const STATES_COME = '不合格|没通过|不通过|没过|过期|到期|超期|逾期|失效|暂停|撤销|作废|被拒|被退回'
export const STATE_THEN_WHAT = new RegExp(`(?<=(?:了|${STATES_COME})(?:的话)?(?:该|要|又|还能|应该)?)(?:怎么办|咋办)`)
// "我看隔壁摊好几年都没检": what the asker has seen, told at the start of a clause as 听说 is; no passage says 看.
const SEEN_TOLD = /(?<=^|[，,；;。\s])我(?:们)?(?:看|看到|看见)(?=\p{Script=Han})/gu
// "需要些啥东西", "还缺什么东西": the stuff asked for is what the question word asks (the materials), no thing a
// passage must name. (Handed in or brought, "要带啥东西", it is read as 材料 already: src/text/typos.ts.)
const STUFF_ASKED = /(?<=什么|啥|哪些)东西/g
// The errands the guides speak of: applying, verifying, complaining and reporting (反映, as citizens say it), looking
// a thing up.
const ERRAND = '(?:办|检|年检|强检|送检|检定|申请|投诉|举报|反映|查|看)'
// "要去哪里办", "拿到哪里去检", "去哪儿看": going or taking there to get the thing done only puts the question of
// where to turn; the passage names the office or the system (向所在地市场监管部门提出申请, 在系统中查看), never the
// going (and 去 of "过去" would meet it). Where to go for another errand ("去哪里备案", "去哪里换") keeps its words:
// no guide may speak of it. So with the doing told first ("秤检定要去哪里", "送检得去哪儿").
const GOING_VERB = new RegExp(
  `[拿送带寄]?[去到](?=哪[里儿]?去?${ERRAND})|(?<=哪[里儿]?)去(?=${ERRAND})|(?<=${ERRAND}[^，,。；;？?]{0,3})[去到](?=哪[里儿]?[吗呢啊呀]?[?？]?$)`,
  'gu',
)
// "想做ISO9001认证", "搞个3C", "去做检定": a light verb before the thing done says nothing the thing does not.
// "还要做什么" asks what is to be done, and "自己做的辣椒酱", "做好了" tell a doing: those keep it. Nor does going
// to do an errand ("也能去做9001", "自己去申请免办", "帮我妈去投诉"); going where ("去哪里备案") or to what end
// ("拿去修") is asked.
const LIGHT_VERB = new RegExp(`[做搞弄](?![的了过好完成出]|(?:些)?(?:什么|啥|哪))|去(?=[做搞弄]|${ERRAND})`, 'g')
// "之后还要干啥", "得干什么": the spoken 干 of a doing asked is the 做 the documents write ("获证以后还要做什么",
// "做好台账和记录").
const SPOKEN_DOING = /干(?=啥|什么|嘛)/
// "9001证书快过期了", "秤的检定过期了", "合格标志上的日期过期了": a paper or a check that runs out is what the guides
// write as 到期 (证书到期前), 超期 (不检、超期) or a 期限 to extend. Goods that are 过期 ("超市卖过期食品") keep the word:
// their state is the asker's case, which the complaint guide answers.
const PAPER_RUN_OUT = /(?:证书|证明|合格证|认证|检定|标志|有效期)[^，,。？?！!；;]{0,6}过期/
const RUN_OUT = ['过期', '到期', '超期', '期满', '期限']
// "跟3C免办有关的活动", "与食品安全相关的安排": the relation word only puts the matter; no passage need say it.
const RELATION_WORD = /(?<=(?:跟|与|和|同)[^，,。？?！!；;]{1,12})(?:有关|相关)(?=的)/g
// A word that holds a question word and more ("由谁来", "哪类", "啥样", "哪家") asks for what the passage
// names; it is not a topic the passage must say, even when a document happens to use it ("就委托哪家技术机构…").
// (谁 alone stays: headings say it; so does a glossary term, "谁来申请" for 申请人.)
const QUESTION_IN_WORD = /^(?=.*(?:谁|哪|什么|啥|怎|几|多少)).{2,}$/
// A first clause in which the asker says who they are ("我是菜场的开办方，…"): the passage names the
// class (集贸市场主办者), never the asker's own words for it. "我们厂的产品不在3C目录，…" says what the
// question is about, and stays.
const SELF_CLAUSE = /^(?:我|我们|咱们|咱|本人|我司|我家)(?:就|这边|家)?是/
// The kind the asker says they are not, right after saying what they are ("开个小饭馆的，不是工厂，…",
// "做外贸的贸易公司，不是生产厂家，…"): it tells who asks as that clause does; the guide's answer
// (各种类型、各种规模的组织) names neither.
const NOT_KIND_CLAUSE = /^(?:又|也|并|可|但)?不(?:是|算)/
// A complaint, report or mediation asked about ("…，去哪投诉", "…，调解不成还能怎么办"), and the citizen's word
// for taking it to someone ("找谁反映", "去哪反映"; not what a work 反映s). (A scale before "还要重新检吗" is the
// matter itself, so verification is not one of these.)
const COMPLAINT_ASK = /投诉|投述|举报|调解|维权|消协|消费者协会|消保委|12315|告商家|(?<=谁|哪[里儿]?|部门)反映/
// A complaint asked about openly (where, how, what, how long), or a mediator asked for ("…，消协能帮忙调解吗"):
// "…，还能投诉吗" asks whether the case itself is taken, so its scene is what is asked about.
const OPEN_ASK = /什么|啥|哪|多少|几|怎么|怎样|如何|多久|多长|谁|何时|调解|消协|消费者协会|消保委/
// How or where to complain, put right after the case in one breath ("超市卖过期食品怎么举报", "网上买到假货去哪投诉"):
// the case runs up to the question word.
const HOW_TO_COMPLAIN = new RegExp(
  `(?:去|到|在|向|找)?(?:怎么|怎样|如何|哪里|哪儿|哪|谁)(?:去|来|才能|可以|能)?(?:${COMPLAINT_ASK.source})`,
)
// What the rest of a clause may still ask after "怎么投诉" ("…要准备什么材料", "…要多久"): then it is no case.
const ASKING_WORD_IN = new RegExp(`${ASKING_CLAUSE.source}|材料|时限|流程|步骤|费用|收费`)
// How long ago or how many ("买了四年了", "少了二两") decides whether a complaint is taken: it is not scene. 两 counts
// only before a measure ("两年", "两斤"): the 两 of 缺斤少两 is the unit the case is told in.
const COUNT_WORD = /[0-9一二三四五六七八九十几半]|两(?=[个年月天周次斤台件张家位只把间元块百千万公])/
// A name with digits in it ("3c", "9001", "76号令") counts nothing: told in the case ("没有3C标志的充电宝在卖，怎么举报"),
// it is the case's thing, and the guide on reporting answers whatever the thing. A year ("2019年买的") stays a count.
const CODE_WORD = /[a-z]|号令/
const namesACode = (folded: string, word: string) =>
  CODE_WORD.test(word) || (/^[0-9]{3,}$/.test(word) && !folded.includes(`${word}年`))

// Generic request nouns and what states one: an obligation is a 要求 or 规定 ("须…", "负全面责任"), a duty
// a 职责. (材料 stays a word to be said: "免办证明" is what is issued, not what is handed in.)
const REQUEST_NOUNS: Array<[RegExp, RegExp]> = [
  [/^(?:要求|规定)$/, /应当|应该|必须|须|不得|禁止|义务|负责|责任/],
  [/^职责$/, /职责|负责|责任/],
  // "一般是啥原因" after a verdict told ("回复说不予受理"): the reasons are the cases a rule lists as leading to it
  // ("有下列情形之一的，…不予受理"); no guide says the word 原因.
  [/^原因$/, /情形之一|因为|由于|导致/],
]
// The noun is asked for, not named as the matter: "有什么要求", "哪些规定", "职责是什么".
const asksFor = (folded: string, word: string): boolean =>
  new RegExp(
    `(?:什么|哪些|啥|哪几[种类项个条]?|何|别的|其他|其它)${word}|${word}(?:是什么|是啥|有哪些|有什么|包括)`,
  ).test(folded)

function requestedOf(folded: string, word: string, verdictTold: (word: string) => RegExp | null): RegExp | null {
  const said = REQUEST_NOUNS.find(([noun]) => noun.test(word))?.[1]
  if (said && (asksFor(folded, word) || asksDoingRequired(folded, word))) return said
  // A verdict asked in the asker's words ("会被咋处理", "还管不管") is said by the passage stating it (src/query/verdict-ask.ts).
  return verdictTold(word)
}

// "还有别的办法吗", "有啥路子": a way forward asked for is said by the routes a passage names, not by the
// word 办法, which a guide uses for a regulation's short name (《办法》).
const WAY_NOUN = /^(?:办法|路子|出路)$/
const WAYS = ['途径', '仲裁', '诉讼', '起诉']

// "花钱买了张质量体系证书", "买个假的体系证书": buying the paper, told with a count or the certificate's name between,
// is what the guide and the glossary write as 买证 (the 虚假认证 group); no passage says 买了张. So is a paper got by
// paying alone ("花钱就能拿证，不用审核"). Only the certificate as
// the thing bought: "买的东西没有合格证书" bought goods, and tells a certificate they lack.
const BOUGHT_CERTIFICATE =
  /买(?:了|到|过)?[一个张份本]{0,2}(?:假的)?[^，,。；;？?！!的没不无有]{0,8}证书|(?:花钱|给钱|交钱|掏钱)就?(?:能|可以|包)?(?:拿|买|办|出)到?证/
const BOUGHT_CERTIFICATE_TERM = '买证'

/**
 * Words of the folded question that say how it is put or who asks, not what about. A yes/no form the
 * glossary reads as a matter ("管不管" for 适用范围) asks about that matter.
 */
function fillerWordsOf(folded: string, isTerm: (word: string) => boolean): (word: string) => boolean {
  // The time gone by is asked as years, the time between two events as their dates, a former name by the
  // words that introduce one, how a name came about by where it comes from (answer-types.ts); the words
  // that put any of them ("…以后过了多长时间才…") are no topic a passage must say.
  const forms = [
    ...(folded.match(YES_NO_FORM) ?? []),
    ...(folded.match(JUDGEMENT_ASKED) ?? []),
    ...(folded.match(NOTHING_MORE_TO_DO)?.map((denied) => denied.replace(/不(?:用|需要?|必)/, '')) ?? []),
    ...(folded.match(WAITING_VERB) ?? []),
    ...draggingOnOf(folded),
    ...(folded.match(SEEKING_VERB) ?? []),
    ...(folded.match(STUFF_ASKED) ?? []),
    ...(folded.match(HANDING_IN) ?? []),
    ...(folded.match(PLACE_OF_COMPLAINT) ?? []),
    ...(folded.match(EVENT_HELD) ?? []),
    ...(folded.match(SEEN_TOLD) ?? []),
    ...(folded.match(GOING_VERB) ?? []),
    ...(folded.match(LIGHT_VERB) ?? []),
    ...(folded.match(RELATION_WORD) ?? []),
    ...(TIME_GONE_BY.exec(folded) ?? []),
    ...(INTERVAL_ASKED.exec(folded) ?? []),
    ...(FORMER_NAME_ASKED.exec(folded) ?? []),
    ...(DOCUMENT_ISSUANCE_ASKED.exec(folded) ?? []),
    ...(NAME_ORIGIN_ASKED.exec(folded) ?? []),
    ...(RELATION_ASKED.exec(folded) ?? []),
  ]
  const clauses = folded.split(/[，,；;。：:]/).filter((clause) => clause.trim() !== '')
  // "开商场卖家电的，…" says who asks as "我们是…" does.
  const told = clauses.slice(0, -1)
  const says = (clause: string | undefined) =>
    clause !== undefined && (SELF_CLAUSE.test(clause) || clause === ownBusinessClause(folded))
  // Asked whether they too may ("开个小饭馆的，员工就五个，也能做9001吗"), every clause before the ask tells who asks.
  const asker = OWN_BUSINESS_MAY_TOO.exec(folded)?.[0] ?? ''
  const self = told.filter(
    (clause, index) =>
      says(clause) || asker.includes(clause) || (NOT_KIND_CLAUSE.test(clause) && says(told[index - 1])),
  )
  const rest = clauses.filter((clause) => !self.includes(clause))
  const whatNow = STATE_THEN_WHAT.exec(folded)?.[0] ?? null
  const hearsay = folded.match(HEARSAY_CHECKED) ?? []
  return (word) =>
    FORM_WORD.test(word) ||
    hearsay.some((form) => form.includes(word)) ||
    ASKING_WORD.test(word) ||
    word === whatNow ||
    (forms.some((form) => form.includes(word)) && !isTerm(word) && word !== JUDGEMENT_WORD) ||
    (self.some((clause) => clause.includes(word)) && !rest.some((clause) => clause.includes(word)))
}

// A complaint or report the asker has made, told before asking how it goes ("举报了超市卖过期食品，要多久才知道立没
// 立案", "上个月在12315投诉了网店，…"): 了 or 过 after it, or a time before it.
const MADE_COMPLAINT =
  /(?:投诉|举报)(?:了|过)|(?:已经|刚刚?|昨天|前天|上周|上个?月|前几天|之前)[^，,；;。？?]{0,10}?(?:投诉|举报)/

/**
 * Words telling what a complaint the asker made was about, when the question asks openly how it goes (how long,
 * whether it was taken, what comes of it): the guide's time limits and steps are the same whatever was bought
 * and from whom, so those words are the case, as before a complaint asked about. The complaint word stays.
 */
function madeComplaintOf(folded: string, asking: string[]): (word: string) => boolean {
  if (!asking.some((clause) => OPEN_ASK.test(clause))) return () => false
  // …or before it, in the clauses that lead up to it ("作坊在卖没标签的散装酱油，我实名举报了，多少天能知道立没立案").
  const clauses = folded.split(/[，,；;。？?]/).filter((clause) => !asking.includes(clause))
  const madeAt = clauses.findIndex((clause) => MADE_COMPLAINT.test(clause))
  const told = clauses.flatMap((clause, index) => {
    const made = MADE_COMPLAINT.exec(clause)
    if (made) return [clause.slice(made.index + made[0].length)]
    return madeAt > index ? [clause] : []
  })
  if (told.length === 0) return () => false
  const rest = asking.join('，')
  return (word) => !COUNT_WORD.test(word) && told.some((clause) => clause.includes(word)) && !rest.includes(word)
}

// "举报的事到现在还没动静": a wait told without its length, in the words of having heard nothing yet; the documents'
// time limits judge it as they do "一个礼拜了还没人理".
const NO_NEWS = /(?:还|都|也|一直)没(?:动静|消息|回音|回复|下文|人理|人管)/

/**
 * Words telling the case before a wish to take it to the bureau and a bare ask ("…，想举报这家店，咋弄"; report-wish.ts):
 * how or to whom is asked, never whether, so no count in the story decides anything either.
 */
function wishCaseOf(wish: ReportWish | null): ((word: string) => boolean) | null {
  if (!wish) return null
  const { told, asked } = wish
  return (word) => told.some((clause) => clause.includes(word)) && !asked.some((clause) => clause.includes(word))
}

/**
 * Words of the folded question that only tell the asker's case before a complaint asked about. Asked only
 * whether ("…，还能投诉吗"), the case is what is judged ("公司给员工买的…" is no consumption) — unless it
 * says how long ago or how many ("网上买的手机壳用了三年多才坏，还能投诉吗"): then that count is what decides
 * whether it is taken (the three-year limit), and the rest of it — what was bought, where, what broke — is
 * scene.
 */
function sceneWordsOf(
  folded: string,
  types: readonly AnswerType[],
  wish: ReportWish | null,
): (word: string) => boolean {
  const asking = askingClausesOf(folded)
  // A buyer asking whom to turn to with their case ("…，现在应该打哪个电话") asks for a complaint's route as
  // "去哪投诉" does: what they tell before it is their case.
  // So do they asking which bureau handles it ("…，这种归哪里管"), or where to weigh again ("…，我去哪里复称").
  const afterAWish = clausesAfterAWish(folded)
  const complaintAsks = asking.filter(
    (clause) =>
      COMPLAINT_ASK.test(clause) ||
      asksWhereToTurn(folded, clause) ||
      asksJurisdiction(folded, clause) ||
      asksReweigh(folded, clause) ||
      afterAWish.includes(clause),
  )
  if (complaintAsks.length === 0) return wishCaseOf(wish) ?? madeComplaintOf(folded, asking)
  const clauses = folded.split(/[，,；;。：:？?]/).filter((clause) => clause.trim() !== '')
  const scene = clauses.slice(0, -1).filter((clause) => !asking.includes(clause) && !COMPLAINT_ASK.test(clause))
  const span = types.some((type) => type.told?.test(folded))
  const judged =
    // Whether there is somewhere to weigh again ("能找个地方再称一下吗") asks where, as "去哪复称" does; so does
    // whether one may complain here ("我能在浦东投诉吗").
    !complaintAsks.some(
      (clause) => OPEN_ASK.test(clause) || asksReweigh(folded, clause) || asksJurisdiction(folded, clause),
    ) &&
    !span &&
    !scene.some((clause) => COUNT_WORD.test(clause))
  if (judged) return () => false
  // With its span told, the case may run on into the ask without a pause ("两年前买的冰箱坏了还能投诉吗"):
  // what comes before the complaint asked about is the case too; so is what comes before "怎么举报", or after it
  // when nothing more is asked there ("怎么举报超市卖过期食品"; "how do I complain about a fake product").
  const asked = clauses.filter((clause) => !scene.includes(clause))
  const [told, rest] = [[...scene], [] as string[]]
  for (const clause of asked) {
    const how = asking.includes(clause) && !span ? HOW_TO_COMPLAIN.exec(clause) : null
    const start = !asking.includes(clause) ? 0 : span ? Math.max(0, clause.search(COMPLAINT_ASK)) : (how?.index ?? 0)
    const end = how ? how.index + how[0].length : clause.length
    const after = clause.slice(end)
    const afterIsCase = how !== null && !ASKING_WORD_IN.test(after)
    told.push(clause.slice(0, start), ...(afterIsCase ? [after] : []))
    rest.push(afterIsCase ? clause.slice(start, end) : clause.slice(start))
  }
  const weights = folded.match(WEIGHTS_IN) ?? []
  return (word) =>
    (!COUNT_WORD.test(word) || namesACode(folded, word) || weights.some((weight) => weight.includes(word))) &&
    told.some((clause) => clause.includes(word)) &&
    !rest.some((clause) => clause.includes(word))
}

/** The 买证 a purchase of a certificate told in the asker's words stands for, unless the question says the group's own. */
function boughtCertificateOf(
  folded: string,
  glossary: Glossary,
  phrases: ReadonlyArray<{ term: string; group: string[] }>,
): { term: string; group: string[] } | null {
  const group = groupOf(glossary, BOUGHT_CERTIFICATE_TERM)
  if (!group || !BOUGHT_CERTIFICATE.test(folded) || phrases.some((phrase) => phrase.group === group)) return null
  return { term: BOUGHT_CERTIFICATE_TERM, group }
}

const HAN_WORD = /^\p{Script=Han}{3,}$/u

// A word the store uses for a thing: a noun or a name, or a word of its own that jieba's dictionary lacks (木塔);
// not the complement left of a verb ("改过来" is not 过来).
const namesAStoreThing = (piece: string, vocabulary: Vocabulary): boolean =>
  vocabulary.documentFrequency(piece) > 0 && (!inDictionary(piece) || namesAThing(piece))

/**
 * The words the store uses inside a longer one it never uses, longest first: jieba's guessing glues a
 * character onto a word ("盖木塔的时候" → 盖木塔 → 木塔), or its dictionary takes whole what the store says in
 * parts ("光绪皇帝" for the passages' 光绪帝 → 光绪, 皇帝; 三峡大坝). Null when there are none, or when a word of the
 * dictionary holds more than them ("老百姓" is not 百姓 said by another passage): the word is then a thing the
 * store never names.
 */
// "五进是哪五进", "是哪几类": the question word glued to the thing it asks which of.
const GLUED_QUESTION_WORD = /^(?:哪|啥|什么)/

/** The store's word a question word was glued to ("哪五进" → 五进), or null. */
function askedOf(word: string, vocabulary: Vocabulary): string[] | null {
  const rest = word.replace(GLUED_QUESTION_WORD, '')
  return rest !== word && rest.length > 1 && vocabulary.documentFrequency(rest) > 0 ? [rest] : null
}

// "免办进来的那批货用不完": jieba glues the measure to a one-character thing (批货, 箱货, 件衣); the thing is the
// asker's vague word for the goods, and its piece of one character is dropped as any other.
const MEASURED_THING = /^[批箱件袋套台](\p{Script=Han})$/u
const measuredThing = (word: string): string[] | null => {
  const thing = MEASURED_THING.exec(word)?.[1]
  return thing ? [thing] : null
}

function storeWordsIn(word: string, vocabulary: Vocabulary): string[] | null {
  if (!HAN_WORD.test(word)) return null
  const taken = new Array<boolean>(word.length).fill(false)
  const found: Array<{ at: number; piece: string }> = []
  for (let length = word.length - 1; length >= 2; length--) {
    for (let at = 0; at + length <= word.length; at++) {
      const piece = word.slice(at, at + length)
      if (taken.slice(at, at + length).some(Boolean) || !namesAStoreThing(piece, vocabulary)) continue
      taken.fill(true, at, at + length)
      found.push({ at, piece })
    }
  }
  if (found.length === 0 || (inDictionary(word) && taken.includes(false))) return null
  return found.sort((a, b) => a.at - b.at).map(({ piece }) => piece)
}

const ABBREVIATION = /^\p{Script=Han}{2,4}$/u
const namesAThingOrAbbreviation = (word: string) => namesAThing(word) || namesAnAbbreviation(word)

/**
 * The words the store says in full for an abbreviation it never uses: 世博会 → 世界博览会, 高铁 → 高速铁路, 中国馆 →
 * 中国国家馆 — its characters in order, each at most ABBREVIATION_GAP characters after the one before, and the
 * stretch run on to the end of the store's word it stops inside (高速铁 → 高速铁路, as jieba cuts the text). A
 * name or an abbreviation of jieba's (tags n…, j), or a word it lacks; not a doing or a description ("长得"),
 * whose characters any sentence may hold. Null unless the store spells out exactly one, in names: two different
 * spellings leave it open which is meant.
 */
function spelledOut(word: string, vocabulary: Vocabulary): string | null {
  // A question is prepared several times a turn, and the same words come back: one answer per word and knowledge version.
  const known = fullForms.get(vocabulary) ?? new Map<string, string | null>()
  fullForms.set(vocabulary, known)
  const cached = known.get(word)
  if (cached !== undefined) return cached
  const found = fullFormOf(word, vocabulary)
  known.set(word, found)
  return found
}

const fullForms = new WeakMap<Vocabulary, Map<string, string | null>>()

function fullFormOf(word: string, vocabulary: Vocabulary): string | null {
  if (!ABBREVIATION.test(word) || (inDictionary(word) && !namesAThingOrAbbreviation(word))) return null
  const core = [...word].join(`\\p{Script=Han}{0,${ABBREVIATION_GAP}}?`)
  const abbreviated = new RegExp(`^${core}`, 'u')
  const spellings = new Set(
    vocabulary.stretchesMatching(new RegExp(core, 'gu'), ABBREVIATION_GAP + 1).map((stretch) => {
      // The store's words from the abbreviation's first character to the end of the one holding its last.
      const end = abbreviated.exec(stretch)?.[0].length ?? stretch.length
      let said = ''
      for (const piece of cutWords(stretch)) {
        if (said.length >= end) break
        said += piece
      }
      return said
    }),
  )
  const [spelling] = spellings
  if (spellings.size !== 1 || spelling === undefined || spelling.length <= word.length) return null
  // Spelled out in names only: characters a few apart across a doing or a count ("手击鼓指挥" for 手指, "多次大地震"
  // for 多大) are no abbreviation's full form.
  return cutWords(spelling).every(namesAThingOrAbbreviation) ? spelling : null
}

/**
 * Whether every place `term` stands in the question is read across a word boundary: "面包过期" holds 包过 (of
 * 买证 and 包过), but the asker wrote 面包 and 过期. A word of theirs that begins before the term and ends inside
 * it says the term is not theirs, unless a word holds the term whole (乱收费 holds 收费, whatever its part 乱收
 * cuts) or the word is a glossary phrase itself (哪个地方的市场监管 before 市场监管局: two of the bureau's terms)
 * sharing more than a character with it.
 */
function readAcrossWords(folded: string, term: string, spans: readonly WordSpan[]) {
  return startsOf(folded, term).every((start) => {
    const end = start + term.length
    if (spans.some(({ from, to }) => from <= start && to >= end)) return false
    // A phrase of the glossary counts as a word of theirs too where it lends the term one character only: 纲要 and
    // 配套 are what "跟纲要配套的文件" says, not 要配 (人员配备).
    return spans.some(({ from, to, term }) => (!term || to - start === 1) && from < start && to > start && to < end)
  })
}

type WordSpan = { from: number; to: number; term: boolean }

/** Where each of the asker's words stands in the folded question, and whether it is a glossary phrase. */
const wordSpansOf = (folded: string, words: readonly string[], isTerm: (word: string) => boolean): WordSpan[] =>
  words.flatMap((word) =>
    startsOf(folded, word).map((start) => ({ from: start, to: start + word.length, term: isTerm(word) })),
  )

function startsOf(text: string, part: string): number[] {
  const starts: number[] = []
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) starts.push(at)
  return starts
}

// The words of a span told that say its length ("两年", "一个礼拜"), not the rest of the clause it was told in.
const TIME_UNIT = /[天周月年]|礼拜|星期/

/**
 * The question's content words, each with its glossary synonyms, weighted by idf: "3c免办要多久"
 * asks about 3C (or 强制性产品认证, CCC…), 免办 (or 免予办理…) and 多久. `words` are the folded
 * question's segmented words, so that nothing here segments the question again.
 */
export function conceptsOf(
  folded: string,
  words: readonly string[],
  glossary: Glossary,
  vocabulary: Vocabulary,
  types: readonly AnswerType[] = [],
): Concept[] {
  // Glossary phrases in the question are concepts of their own: "怎么申请" is met by "怎样申请".
  const isTerm = (piece: string) => groupOf(glossary, piece) !== undefined
  const spans = wordSpansOf(folded, words, isTerm)
  const phrases = glossary.groups.flatMap((group) =>
    group
      .filter((term) => term.length > 1 && folded.includes(term) && !readAcrossWords(folded, term, spans))
      .map((term) => ({ term, group })),
  )
  const longest = phrases.filter(
    ({ term }, index) =>
      !phrases.some(
        (other, at) => (other.term !== term && other.term.includes(term)) || (other.term === term && at < index),
      ),
  )
  const bought = boughtCertificateOf(folded, glossary, longest)
  if (bought) longest.push(bought)
  // Its pieces (靠, 谱, 不靠 of 靠不靠谱) are the form of the yes/no ask (fillerWordsOf).
  if (folded.search(JUDGEMENT_ASKED) >= 0 && !HOW_TO_TELL.test(folded))
    longest.push({ term: JUDGEMENT_WORD, group: JUDGEMENT_SAID })
  const rest = [...new Set(words)].filter((word) => !longest.some(({ term }) => term.includes(word)))
  // Search mode also yields the parts of long words; a part adds nothing its whole does not. A word the
  // store never uses that jieba glued from a particle and a content word ("证能", "要担") is no topic of its
  // own: its content word, when that is a word ("别人的吗" → 别人); one character ("证", "担") would be met
  // inside any word that holds it (承担), so it goes — unless the glossary names a thing by it ("秤坏", "秤刚" → 秤).
  const wholes = [
    ...new Set(
      rest
        .filter((word) => !rest.some((other) => other !== word && other.includes(word)))
        .flatMap((word) => {
          const pieces =
            vocabulary.documentFrequency(word) > 0
              ? null
              : (askedOf(word, vocabulary) ??
                unglued(word, isTerm) ??
                measuredThing(word) ??
                storeWordsIn(word, vocabulary))
          return pieces ? pieces.filter((piece) => piece.length > 1 || isTerm(piece)) : [word]
        }),
    ),
  ]
  const asking = askingClausesOf(folded)
  const entries = [
    ...longest.map(({ term, group }) => ({ word: term, alternatives: group })),
    ...wholes.map((word) => {
      if (WAY_NOUN.test(word) && asksFor(folded, word)) return { word, alternatives: WAYS }
      // A kind of person asked as who may take part ("有没有我们居民能去的") is said by the plan's word for it (市民).
      const audience = audienceWordsOf(folded, word) ?? freeHelpWordsOf(folded, word)
      if (audience) return { word, alternatives: [word, ...audience] }
      if (word === '干' && SPOKEN_DOING.test(folded)) return { word, alternatives: [word, '做'] }
      if (word === '过期' && PAPER_RUN_OUT.test(folded)) return { word, alternatives: RUN_OUT }
      if (NOTHING_MORE_TO_DO.exec(folded)?.[1] === word) return { word, alternatives: [word, ...STILL_TO_DO] }
      const group = groupOf(glossary, word)
      // An abbreviation the store never uses is asked as its full form (世博会: 世界博览会) when the question asks
      // about it; in a case told ("有个小作坊在生产电动车充电器，我要举报") it is only the asker's story, which the
      // guide on reporting answers whatever the thing.
      const asked = !group && vocabulary.documentFrequency(word) === 0 && asking.some((clause) => clause.includes(word))
      const fullForm = asked ? spelledOut(word, vocabulary) : null
      return { word: fullForm ?? word, alternatives: group ?? [fullForm ?? word] }
    }),
  ]
  const isFiller = fillerWordsOf(folded, isTerm)
  const isAudienceStory = audienceStoryOf(folded)
  const joinsAsAudience = audienceJoiningOf(folded, words)
  const verdictTold = verdictToldOf(folded)
  // The owner's case before an open ask naming the errand need not be said (src/query/owner-case.ts).
  // A glossary phrase that holds a question word ("怎么申请", "哪里投诉") asks how, where: it names no errand.
  const namesTermOf = (shortest: number) => (clause: string) =>
    glossary.groups.some(
      (group) =>
        !namesAnAspect(group) &&
        !group.some((term) => QUESTION_WORD.test(term)) &&
        group.some((term) => term.length >= shortest && clause.includes(term)),
    )
  const namesErrand = namesTermOf(2)
  const wish = reportWishOf(folded)
  const isScene = sceneWordsOf(folded, types, wish)
  // A consumer's case before a complaint asked about is scene already ("在商场买的羽绒服跑绒，店员不给退，投诉要带什么材料").
  const complaint = entries.some(({ word }) => isScene(word))
  const ownerCase = ownerCaseOf(folded, namesErrand)
  // The story told before "会怎么样", "还能受理不" need not be said either (src/query/consequence-case.ts).
  const isStory = consequenceCaseWordsOf(folded, namesTermOf(1))
  const isAfterword = afterwordOf(folded)
  // Before a yes/no ask, only the case's words the documents use: a thing they never name ("公司新买了几台叉车，每年都要
  // 年检吗") is no case their scope judges, and stays asked.
  const isJudged = (word: string, frequency: number) =>
    !complaint && ownerCase.judged && frequency > 0 && ownerCase.isCase(word)
  const isCase = (word: string, frequency: number) =>
    !complaint &&
    ((ownerCase.judged ? isJudged(word, frequency) : ownerCase.isCase(word)) || isStory(word) || isAfterword(word))
  const isOtherSide = otherSideOf(folded)
  // "…，想去反映，该找谁": the bare ask after a wish asks for the route, which the routes' passage names in its own
  // words (12315), never 该 or 谁 (report-wish.ts).
  const wishAsk = wish?.ask ?? ''
  // "投诉交上去一个礼拜了还没人理": the clause telling how long the asker has waited says in everyday words
  // (交上去, 礼拜, 没人理) what the documents' time limits judge; words they never use there only tell the wait.
  const waiting = folded.split(/[，,；;。？?]/).filter((clause) => TIME_WAITED.test(clause) || NO_NEWS.test(clause))
  const tellsTheWait = (word: string) => waiting.some((clause) => clause.includes(word))
  // The wait itself ("一个礼拜", "十来天") is said by a passage giving a limit of that kind (7个工作日); so are the years
  // gone by since a purchase ("两年半前装的热水器…还来得及吗") by a limit in years (三年).
  // Only where whether it is still taken is asked: there the three-year limit judges the years (not in "拿证一年多了…证书
  // 还算数吗", which the certificate's rules judge otherwise).
  const waitType =
    types.find((type) => type.told === TIME_WAITED) ??
    (asksWhetherTaken(folded) ? types.find((type) => type.told?.test(folded)) : undefined) ??
    null
  const waited = waitType?.told?.exec(folded)?.[0] ?? ''
  const isTheWait = (word: string) => waitType !== null && waited.includes(word) && TIME_UNIT.test(word)
  return entries.map(({ word, alternatives }) => {
    // A word in everyday words is known when the store says it in writing ("上岸": "登陆"), as coverage counts it.
    const frequency = Math.max(
      ...[...alternatives, ...paraphrasesOf(word)].map((term) => vocabulary.documentFrequency(term)),
    )
    // jieba's idf says how telling a word is in Chinese at large; the store's own, how telling among its chunks.
    const corpusIdf = Math.log(1 + vocabulary.chunkCount / Math.max(frequency, 1)) / Math.log(1 + vocabulary.chunkCount)
    const parts = word.length > 2 ? segmentWord(word).filter((part) => part !== word && part.length > 1) : []
    // Only a question word ("多久", "多少钱") is said by any such fact; "有效期" still has to be named.
    const asks = isTheWait(word)
      ? waitType
      : alternatives === JUDGEMENT_SAID
        ? JUDGEMENT_GIVEN
        : QUESTION_WORD.test(word) || QUESTION_IN_WORD.test(word)
          ? // "要什么资料": the word holds the noun of the fact asked, and the verb asking it stands before it.
            (types.find((type) => type.asks.test(word)) ??
            types.find((type) => type.asks.test(folded) && type.gives.test(word)) ??
            null)
          : null
    return {
      word,
      alternatives,
      parts,
      weight: Math.min(idfOf(word), 12) * (0.5 + 0.5 * corpusIdf),
      known: frequency > 0 || isTheWait(word),
      aspect: ASPECT.test(word),
      asks,
      filler:
        // The kind of person asked as the audience is what is asked, even told as who asks ("我就是个普通小区居民").
        (isFiller(word) && !audienceWordsOf(folded, word)) ||
        isOtherSide(word) ||
        wishAsk.includes(word) ||
        joinsAsAudience(word) ||
        isAudienceStory(word) ||
        (frequency === 0 && tellsTheWait(word) && !isTheWait(word)) ||
        (frequency === 0 && (WEIGHT_TOLD.test(word) || ROUGH_COUNT_TOLD.test(word))) ||
        (QUESTION_IN_WORD.test(word) && (frequency === 0 || (alternatives.length === 1 && asks === null))),
      scene: !isFiller(word) && !isOtherSide(word) && isScene(word),
      // The judgement asked weighs only where a passage passes it.
      optional: isCase(word, frequency) || alternatives === JUDGEMENT_SAID,
      judged: isJudged(word, frequency),
      requested: requestedOf(folded, word, verdictTold),
      setting: alternatives.length === 1 && frequency >= SETTING_SHARE * vocabulary.chunkCount && namesAPlace(word),
    }
  })
}
