import { foldText } from './fold.ts'
import { fromChineseNumber } from './numerals.ts'

// Misspellings seen in chat logs: pinyin input picks a homophone. Kept to pairs that cannot mean anything else.
const TYPOS: [RegExp, string][] = [
  [/人功/g, '人工'],
  [/免半/g, '免办'],
  [/活东/g, '活动'],
  [/检订/g, '检定'],
  [/投述/g, '投诉'],
  // tóu sù and jǔ bào typed with the neighbouring syllable or tone: no word of its own in either spelling.
  [/头诉/g, '投诉'],
  [/举抱/g, '举报'],
  [/举保/g, '举报'],
  [/认正/g, '认证'],
  // 秤 (the scale) typed as 称 (to weigh), its homophone, after the kind of scale: 电子称 names nothing else.
  [/(?<=电子|计价|公平|台|案|弹簧)称/g, '秤'],
  [/质量越/g, '质量月'],
  // Spoken "哪儿" is written "哪里" in the glossary's phrases ("去哪里申请", "哪里投诉") and the answer types.
  [/哪儿/g, '哪里'],
  // Spoken "多会儿" ("多会儿能知道受不受理") asks what "多久" does, the word the glossary and answer types know.
  [/多会儿/g, '多久'],
  // "…，怎么反映": a wrong seen, taken to the bureau in the citizen's verb, is what the guides call 举报 (只是反映商家违法、
  // 希望监管部门查处，选"举报"). Only after a how: "这反映了什么" is another verb, and "去哪反映", "找谁反映" ask whom to
  // turn to, which the redress a passage tells the buyer answers (src/query/recourse.ts).
  [/(?<=(?:怎么|怎样|如何|咋))反映/g, '举报'],
  // "检测那段时间算不算在期限里面", "算不算进去": whether a span is counted in, which the documents write 计入 (不计入).
  [/算不算(?:在|进|到)/g, '是否计入'],
  // "免办要交哪些东西", "去检秤要带啥东西": the stuff handed in or brought for an errand is its materials, the word the
  // guides and the glossary use (申请材料, 需要准备哪些材料).
  [/(?<=(?:交|带|准备|提交|提供|拿)(?:些|点)?(?:什么|啥|哪些))东西/g, '材料'],
  // "样品也能免吗", "这种可以免不": 免 asked alone, whether it may be waived, is the exemption the documents speak of
  // (免办); 免费, 免检 and the like keep their words.
  [/(?<=[能以])免(?=[吗么吧呢嘛不]|[?？]|$)/g, '免办'],
  // "不要钱的质量课", "有不花钱的培训吗": what costs nothing is 免费, the word the documents and the free-help reading use
  // (src/query/audience.ts); "要不要钱的" still asks the fee.
  [/(?<!要)不(?:要钱|花钱|收钱|收费)的/g, '免费的'],
  // Spoken 俩 is 两个 ("快俩月了", "俩人"), the count the documents and the time asked are written in.
  [/俩/g, '两个'],
  // "咋查他这证是真的还是假的", "怎么辨别是真是假": whether a thing is genuine, looked into, is what the guides call
  // its 真伪 (如何核实证书真伪); "听说…真的假的" after hearsay asks the hearsay itself, and stays.
  [
    /(?<=(?:查|验|看|辨|辨别|分辨|鉴别|知道|确认|核实|判断)[^，,。？?]{0,8})(?:是真(?:的|是)?还?是?假的?|是真的?还是假的?)/g,
    '真伪',
  ],
  // "拿秤去查要交好几百块钱，真的假的": whether there is a fee, heard as a sum and asked about; the guides say whether
  // one is paid (交钱). A sum told before another ask ("交三千块 不用来厂里审核…这个靠谱吗") stays.
  [
    /(?<=交)(?:好?几[十百千]|[一二三四五六七八九两0-9]+[十百千]?)来?(?:块|元)钱?(?=[吗呢啊]?[？?]|[吗呢啊]?$|[，,]真的假的)/g,
    '钱',
  ],
  // "那张证", "这本证": a certificate counted, which jieba would glue to its measure (张证); the guides say 证书.
  [/(?<=[这那一每])[张本份]证(?![书明件照])/g, '证书'],
  // A year said by its last two digits ("那24年的呢", "23年质量月的主题"): the documents and the year a passage must
  // mention (answer-types.ts identifiersOf) write it in full. Only where it names a year, not a span ("用了15年了").
  [/(?<=^|[那是在，,])([12]\d)年(?=的|质量月|浦东|上海|全国|国家|[呢吗？?]|$)/g, '20$1年'],
  // A yes/no ask typed with 么 for 吗 ("这种要做ccc认证么", "也必须送去强检么") asks what 吗 does, the mark the asking
  // clauses and the owner's case look for; 什么, 怎么, 这么, 那么, 多么, 要么 end no ask so.
  [/(?<![什怎这那多要])么(?=[，,。？?！!；;]|$)/g, '吗'],
]

// An order named in Chinese numerals ("七十五号令", "总局令第七十六号"): the documents, the glossary and
// the order lookup all spell it in digits, so the question is read that way too. A bare "十一号" is a day.
const ORDER_IN_NUMERALS = /(令第)?([一二三四五六七八九十百零〇两]+)号(令)?/g

const orderInDigits = (match: string, before = '', numerals: string, after = ''): string => {
  const number = fromChineseNumber(numerals)
  return number !== null && (before || after) ? `${before}${number}号${after}` : match
}

// On a phone a space between two Chinese words often stands for a comma ("电子秤年检在哪里办 要带什么"): two asks.
// So before a number that starts the next words ("有许可证 75号令说要配啥人啊").
const SPACE_AS_COMMA = /(?<=\p{Script=Han}) (?=\p{Script=Han}|[0-9]+\p{Script=Han})/gu

/** Folded text (see foldText) with the typos above corrected: how a question is read. */
export function foldQuestion(text: string): string {
  let folded = foldText(text).replace(SPACE_AS_COMMA, '，')
  for (const [typo, fix] of TYPOS) folded = folded.replace(typo, fix)
  return folded.replace(ORDER_IN_NUMERALS, orderInDigits)
}
