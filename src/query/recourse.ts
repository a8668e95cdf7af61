/**
 * A buyer asking what they may do about the other side — a stallholder's scale, a shop that will not
 * refund, a mediation that failed: "怀疑菜场摊主的秤不准，我该怎么办", "商家不认账，还有什么办法",
 * "卖家不肯退钱，我能去法院起诉吗". The documents answer in the sentence that tells the consumer what they may
 * do ("消费者如果对称重有疑问，可以到市场的公平秤复称", "调解不成的，消费者仍可以通过仲裁或诉讼维权"), not in
 * the business's own duties that share the scale's or the complaint's words (使用者申请周期检定).
 */
import { ASKING_CLAUSE, askingClausesOf } from './asking-clauses.ts'
import { tellsDisputeDragging } from './dragging-on.ts'
import { wishNamesNoRoute } from './report-wish.ts'
import { asksWayIn } from './way-in.ts'

// The asker is on the buying side: they bought, they are the customer, they speak of the seller as
// another party, or of the mediation of their complaint ("调解一直谈不拢", "调解没成"): only a complainant
// waits on one. "其他" is not a "他", nor are "他们", who are as often the bureau ("他们会通知我吗").
// Buying somewhere ("在菜场买东西") says it too, as does being done out of weight or cheated ("被缺斤少两", "被坑秤"),
// and a card bought of a shop or a gym ("在健身房办的年卡", "充了卡"): a service paid ahead.
const BUYER =
  /买(?:的|到|了)|在[^，。？]{1,8}买|办(?:的|了)[^，。？]{0,3}卡|充(?:了|的)[^，。？]{0,3}卡|被(?:坑|骗|宰|缺斤|短斤|少秤|少称|短秤)|顾客|消费者|商家|店家|卖家|摊主|摊贩|摊(?:位)?老板|车商|调解|(?<!其)他(?!们)/
// …and asks what they may do: a way out ("怎么办", "还有什么办法", "还能干嘛"), a redress they would go to
// ("想举报他", "能去法院起诉吗", "能打12315吗", "是不是只能去法院告了"), whom or where to turn to with it ("找谁反映",
// "去哪举报", "该找哪个部门", "现在应该打哪个电话") or a weighing again ("再称一下"); in everyday words too ("咋整",
// "下一步咋弄", "还有什么路可以走", "啥维权的法子"), though a bare 咋弄 asks the steps ("想投诉，咋弄"). How a report
// goes once made ("举报以后多久立案", "能不能不留名") is the procedure's, not a way out.
const WHAT_TO_DO =
  /怎么办|(?:打|拨)(?:哪个|什么|啥)电话|咋办|咋整|下一步|(?:什么|啥|别的)(?:[^，。？]{0,4}(?:办法|途径|法子)|路子?)|(?:能|可以|该)(?:做点?(?:什么|啥)|干(?:嘛|啥|什么))|怎么维权|想(?:举报|投诉|告)(?:他|她|商家|店家|卖家|摊主)|(?:能|可以)[^，。？]{0,6}(?:起诉|告他|仲裁|举报|12315)|只能[^，。？]{0,6}(?:起诉|告|仲裁)|(?:找谁|找哪|向谁|去哪|到哪|哪里|哪儿)[^，。？]{0,4}(?:举报|投诉|反映)|找(?:谁|哪个?部门)[吗呢啊呀]?$|复称|复秤|复核|再称|重新称|称一下|核一下/
// Weighing again what was weighed out ("去哪里复称", "能找个地方再称一下吗", "当场可以去哪里核一下"): only a buyer
// weighs again what a seller weighed, so the ask says on its own who asks, as 买的 does; and the guide answers it in
// the sentence telling the consumer their recourse ("可以到市场的公平秤复称").
const REWEIGH = /复称|复秤|复核|(?:再|重新)(?:称|秤|过秤)|称一下|核一下/
// Checking said plainly ("当场能咋核实", "找个地方核对一下") is weighing again in a case of short weight told
// ("分量明显不够", "一称少了二两", "秤有鬼"); of a certificate (核实真伪) it is not.
const CHECKING_WORDS = ['核对', '核实']
const CHECKING = new RegExp([...CHECKING_WORDS, '对一下', '验一下'].join('|'))
const WEIGHT_CASE = /分量|缺斤|短斤|少秤|短秤|斤两|称少|秤[^，,。？?]{0,6}(?:不准|有鬼|有问题|做手脚)/
/** The word of checking itself (核实), which in a case of short weight the weighing again stands for. */
export const isCheckingWord = (word: string): boolean => CHECKING_WORDS.includes(word)

/** A clause of the folded question asks to check the weight of a case of short weight told ("…分量不够，能找个地方核对一下吗"). */
export const checksWeight = (folded: string, clause = folded): boolean =>
  CHECKING.test(clause) && WEIGHT_CASE.test(folded)

// The other side as the buyer names it: in a question of what they may do about it ("商家不来参加调解怎么办",
// "老板不理调解，还有别的办法没") it says whom the asker is up against, as "我们是…" says who asks; the guides
// say 经营者 or 被投诉人 there, or nothing of it, and a passage that happens to say 商家 answers no better. Not
// 摊主: the scale guide names the stallholder where it tells the buyer's redress (七、商户自查清单).
const OTHER_SIDE = /^(?:商家|店家|卖家|老板|车商)$/
// What the buyer is owed, asked ("商家要赔我多少", "能要求赔几倍"): the redress the guides state (退一赔三).
export const REDRESS_ASK = /赔(?:偿)?[我你他们]{0,2}(?:多少|几倍|几)|(?:退|赔)[^,，。]{0,4}几倍/

/**
 * A buyer tells their case and asks nothing ("我在一家健身房办了卡，现在老板跑路了"): a complaint, in which the seller
 * named is the other side, not the 老板 (最高管理者) of a firm's own certification.
 */
const tellsACase = (folded: string): boolean =>
  BUYER.test(folded) && !OWN_SIDE.test(folded) && !ASKS_AT_ALL.test(folded)

// Any mark of a question: a clause's question words, or a mark, an A-not-A (有没有, 能不能) or 还是 however put.
const ASKS_AT_ALL = new RegExp(`${ASKING_CLAUSE.source}|[?？呢么]|(\\p{Script=Han})[不没]\\1|还是`, 'u')

/** A buyer asks what they are owed for their case: the seller they name is the other side, as in a way out asked. */
const asksRedress = (folded: string): boolean => REDRESS_ASK.test(folded) && BUYER.test(folded)

// A business asking about its own scale or goods ("我是摆摊卖菜的，自己的秤…") is not the buyer.
const OWN_SIDE = /自己的|我(?:们)?(?:是|开|在)[^，。？]{0,8}(?:卖|店|摊|厂|公司)/

// A sentence telling the consumer a redress they may go to: "可以到市场的公平秤复称", "仍可以通过仲裁或诉讼维权",
// "可以在线…提出投诉举报"; not a choice they may make on the way ("消费者可以根据方便选择其一"), nor a run across a
// table's cells ("谁可以提 | 消费者本人（也可委托他人代为投诉）").
const RECOURSE = /可以[^。；|\n]{0,30}(?:投诉|举报|复称|复核|仲裁|起诉|诉讼|维权)/

// The bare words asking for a way out, which the glossary would read as an application's steps (怎么申请).
const WAY_OUT_WORDS = /怎么办|咋办|咋整|咋弄|怎么处理/g

/** The folded question without its bare words asking for a way out ("商家不给退货怎么办" → "商家不给退货"). */
export const withoutWayOutAsked = (folded: string): string => folded.replace(WAY_OUT_WORDS, '')

// Whom or where a buyer turns to with their case, asked without naming a complaint ("…，可以找谁", "…，该找哪个部门",
// "…，现在应该打哪个电话"): on a phone the case is told at length and the 12315 route is asked in these words.
const TURN_TO = /找谁|找哪|哪个部门|(?:打|拨)(?:哪个|什么|啥)电话/

// Which local bureau handles a case ("这种归哪里管", "该找哪里的市场监管"): asked by a buyer, it is the complaint's
// jurisdiction, which the complaint guide states (三、由哪里的市场监管部门处理) whatever was bought.
// Not "归哪个部门管", which asks the body in charge of any matter (免办: 所在地市场监管部门), not where a case is handled.
// So is whether the asker may complain where they are ("厂家在外省，我能在浦东投诉吗", "能在本地举报吗").
const JURISDICTION_ASKED =
  /归哪[里儿边]?管|哪[里儿边](?:的|个地方的|个区的)市场监管|哪个(?:地方|区)的市场监管|(?:在|到)(?:本地|当地|这边|浦东|上海|[^，,。；;？?！!]{1,4}[区市县省])(?:投诉|举报)/u

/**
 * A clause of a buyer's question asks which bureau handles their case ("网上买的羽绒服…，这种归哪里管"): what they
 * tell before it is their case, as before "去哪投诉" (concepts.ts).
 */
export const asksJurisdiction = (folded: string, clause: string): boolean =>
  JURISDICTION_ASKED.test(clause) && BUYER.test(folded) && !OWN_SIDE.test(folded)

/**
 * A buyer asks which bureau handles their case and names no complaint ("…，这种归哪里管"): the jurisdiction asked is
 * a complaint's, so the question is about the complaint, a word the guide uses where it says whose it is (线下消费投诉).
 */
export const asksUnnamedJurisdiction = (folded: string): boolean =>
  !ROUTE_NAMED.test(folded) && askingClausesOf(folded).some((clause) => asksJurisdiction(folded, clause))

/** A clause of a buyer's question asks whom or where to turn to with their case (see TURN_TO). */
export const asksWhereToTurn = (folded: string, clause: string): boolean => TURN_TO.test(clause) && asksRecourse(folded)

// A route the buyer names themselves ("找谁投诉", "打12315吗"): their question needs nothing added.
const ROUTE_NAMED = /投诉|投述|举报|反映|12315|热线|消协|消费者协会|消保委|法院|起诉|仲裁|调解/

/**
 * A buyer asks whom or where to turn to with their case and names no route ("买的牛奶过期了，店长不认，现在应该打哪个
 * 电话"): they ask for the complaint's route, which the guides name (投诉举报, 12315) and their words do not; so
 * does a wish told in the citizen's words before a bare ask ("…，想去反映，该找谁"; report-wish.ts).
 */
export const asksUnnamedRoute = (folded: string): boolean =>
  (!ROUTE_NAMED.test(folded) && askingClausesOf(folded).some((clause) => asksWhereToTurn(folded, clause))) ||
  wishNamesNoRoute(folded)

/** The folded question is a buyer's asking what they may do about the other side. */
export const asksRecourse = (folded: string): boolean =>
  (BUYER.test(folded) || REWEIGH.test(folded)) &&
  (WHAT_TO_DO.test(folded) || checksWeight(folded)) &&
  !OWN_SIDE.test(folded)

/**
 * A clause of a buyer's question asks where to weigh again what they were sold ("超市的秤不准，我去哪里复称"): what
 * they tell before it is their case, as before "去哪投诉" (concepts.ts); the fair scale answers whatever was weighed.
 */
export const asksReweigh = (folded: string, clause: string): boolean =>
  (REWEIGH.test(clause) || checksWeight(folded, clause)) && asksRecourse(folded)

/** A folded passage tells the consumer what they may do. */
export const tellsRecourse = (folded: string): boolean => RECOURSE.test(folded)

/**
 * Whether a word of the folded question names the other side of a buyer asking what they may do about it, or
 * the way in to a complaint or a report about it ("想举报一个商家，具体要怎么操作": the routes name no party), or
 * of a complaint told dragging on ("调解两个多月了商家一直拖着": the time limits name no party either; dragging-on.ts).
 */
export const otherSideOf = (folded: string): ((word: string) => boolean) =>
  asksRecourse(folded) || asksWayIn(folded) || tellsDisputeDragging(folded) || asksRedress(folded) || tellsACase(folded)
    ? (word) => OTHER_SIDE.test(word)
    : () => false
