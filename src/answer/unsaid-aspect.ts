import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'

/**
 * A recognisable kind of fact asked of a real topic ("举报有奖励吗", "商家赔的钱多久到账", "证书上是谁签字"),
 * and what a passage must hold to state it. The guides tell the topic (举报, 调解, 检定证书) but, for most of
 * these aspects, never the fact: a passage that shares the topic's words would answer around the question.
 * Where a guide does state the aspect it says it in these words (检定费 停止征收, 免费上门检定, 退一赔三, 失信名单,
 * 罚款 amounts), so the question stays answered. `asks` and `about` are tested where the question asks
 * (`askingPart`), `gives` on the folded passage.
 */
type Aspect = {
  name: string
  asks: RegExp
  /** The topic the aspect must be asked of, when its words are used of other things too (保密, 在哪办). */
  about?: RegExp
  gives: RegExp
  /**
   * Services offered at no charge, each stating the aspect only when the ask is for its kind of service, and only
   * in the passage's own heading and text, not the headings above it (a plan's "（五）开展质量帮扶活动" heads its
   * open day too, which says nothing of a fee).
   */
  offers?: Offer[]
}

const CN = '[0-9一二三四五六七八九十百千两]'
// An event of a campaign plan (仪式, 论坛, 讲堂 …): where or on which day it is held is a fact a plan may lack.
const EVENT = /仪式|开幕|闭幕|讲堂|论坛|讲座|竞赛|典礼|开放日|座谈会|研修班|签约|揭牌|启动/

// A thing broken or failed, of which where or at what cost it is mended is asked.
const BROKEN = /坏|不准|不合格|没通过|没过|故障|失灵|修秤|修理|维修/

// The bureau's own world (its offices, papers, hotline, campaign): a general passage names people and
// signatories in words these patterns do not read ("敦煌艺术研究所第一任所长是谁": 常书鸿 is named plainly).
const BUREAU = /市场监管|监管局|监管部门|12315|检定|认证|证书|证明|质量月|浦东/

// …and the errands taken to it: a complaint, a report, an application (免办申请被退回), an audit.
const BUREAU_ERRAND = new RegExp(`${BUREAU.source}|投诉|举报|调解|受理|免办|3c|ccc|申请|审核`)

type Offer = { asked: RegExp; gives: RegExp }

// Free teaching asked for ("有没有免费的质量课") is the plan's 公益培训; free help, a check or advice asked for
// ("质量月能免费帮忙检测东西吗", "有没有免费帮忙看看的") a service it lays on for the public or for small firms
// ("质量服务惠民便民活动", "质量咨询、质量诊断、质量帮扶等专业服务"). Not 惠民生 (a slogan of a drug inspection), nor
// 便民 alone (the outline's 便民服务设施, facilities); and neither for what is no such service ("免费体检").
export const FREE_OFFERS: Offer[] = [
  { asked: /课|培训|讲座|学习/, gives: /公益(?:培训|课程)/ },
  { asked: /帮忙|帮扶|检测|鉴定|咨询|诊断|看看|指导/, gives: /惠民便民|帮扶/ },
]

const ASPECTS: Aspect[] = [
  // A reward for reporting ("举报查实了有奖金拿吗").
  {
    name: 'reward',
    asks: /(?:举报|查实|查处)[^。？?]{0,16}(?:奖励|奖金|有奖|给奖|奖钱)|(?:奖励|奖金)[^。？?]{0,8}举报/,
    gives: /举报\p{Script=Han}{0,8}奖|奖励\p{Script=Han}{0,6}举报|奖励金|奖金/u,
  },
  // Whether the reporter's identity is kept from the other side ("会不会知道是我举报的", "个人信息会保密吗"). 匿名
  // (reporting without a name) is another fact: it does not say a named report is kept secret.
  {
    name: 'secrecy',
    asks: /保密|泄露|泄漏|隐私|(?:会不会|会|能不能)(?:被|让)?[^。？?]{0,8}(?:知道|晓得|发现)[^。？?]{0,4}(?:是我|我(?:举报|投诉))|我的?(?:个人)?信息[^。？?]{0,8}(?:知道|泄露|公开|透露)/,
    about: /举报|投诉|实名|反映/,
    gives: /保密|不得泄露|不会泄露|不予公开|不公开/,
  },
  // Whether a service charges ("打12315要收费吗", "投诉要交手续费吗"): told by a fee named, waived or priced, or by
  // a service the plan gives free of the kind asked (FREE_OFFERS).
  {
    name: 'fee',
    // Who bears a cost, asked ("审核员的差旅费要我们出吗", "检定费谁出？") — not told ("检测费谁出一直定不下来，会怎么样").
    asks: /(?<![乱多])收费|收钱|要钱|花钱|交钱|掏钱|手续费|话费|(?:要|需要|得)交[^，,。？?]{0,4}费|免费|费用?[^，,。？?]{0,4}(?:谁出|谁付|我们出|自己出|要出|承担|负担|报销)(?:吗|么|呢|啊)?(?:[?？]|$)/,
    gives: new RegExp(
      `免费|不收费|不收取|停止征收|免收|免征|不需要交\\p{Script=Han}{0,4}费|收费标准|${CN}\\s*[万千百]*\\s*元`,
      'u',
    ),
    offers: FREE_OFFERS,
  },
  // What or how much is paid in redress beyond the loss ("精神损失费", "误工费", "赔几倍").
  {
    name: 'compensation',
    asks: /精神损失|精神赔偿|精神损害|误工费|几倍|多少倍|倍数|赔多少/,
    gives: new RegExp(`倍|赔三|退一赔|精神|误工|赔偿\\p{Script=Han}{0,6}${CN}+\\s*[万千百]*元`, 'u'),
  },
  // A penalty of a kind the guides name only where it applies ("坐牢", "留案底", "上黑名单", "摊位会被关掉"); a shop
  // that closed ("店突然关门了，能投诉吗") is the asker's case, not a penalty asked.
  {
    name: 'penalty-kind',
    asks: /坐牢|判刑|蹲监狱|进监狱|拘留|案底|刑事|黑名单|失信|吊销|(?:摊位?|店|铺子?|门面)[^。？?]{0,6}(?:会|要)[^。？?]{0,4}(?:关掉|关门|封掉|查封|停业|取缔)/,
    gives: /犯罪|刑事|拘留|公安|失信|黑名单|吊销|撤销|停业|取缔|关闭/,
  },
  // Where or how a fine is paid ("罚款要交到哪里去", "罚款能微信付吗").
  {
    name: 'fine-payment',
    asks: /罚款[^。？?]{0,8}(?:交到|交去|交给|去哪|在哪|哪里|哪儿|怎么交|怎么付|如何缴|微信|支付宝|银行|网上交)|(?:哪里|哪儿|去哪|在哪|怎么)(?:交|缴|付)罚款/,
    gives: /缴纳|缴款|代收|罚没款|银行/,
  },
  // A court or the bureau enforcing what was agreed ("商家不执行调解协议，会被强制执行吗").
  {
    name: 'enforcement',
    asks: /强制执行|(?:强制|逼)[^。？?]{0,4}(?:退钱|赔钱|退款|执行)/,
    gives: /强制执行|司法确认/,
  },
  // When money paid back arrives ("多久能到账", "几天能打到我卡上"): the procedure's limits (7个工作日 受理,
  // 45个工作日 调解) time other events.
  {
    name: 'arrival',
    asks: /到账|打到[^。？?]{0,4}(?:卡|账户|账上)|(?:退钱|退款|赔钱|还没退)[^。？?]{0,14}(?:还要|要|得)等(?:几天|多久|多长时间)|(?:钱|款)[^。？?]{0,6}(?:多久|几天|什么时候|啥时候?)(?:能|才能|才|会)?(?:到|退回|打过来|退到)|(?:几天|多久|多长时间)[^。？?]{0,8}(?:把钱|钱|款)(?:退给|退还|赔给|打给|退到)/,
    gives: /到账|(?:日|天)内\p{Script=Han}{0,6}(?:退还|退款|支付|返还|赔付)/u,
  },
  // Who signs a paper ("检定证书上是谁签字"); who issued a document (谁签发) is the issuer, answered elsewhere.
  {
    name: 'signer',
    asks: /(?:谁|哪位|什么人)[^。？?]{0,4}(?:签字|签名|签的字|签的名|盖的?章)|(?:签字|签名)的?人?是谁|是谁签的|谁签的/,
    about: BUREAU,
    gives: /签字|签名|签发人|签章/,
  },
  // A named person ("局长叫啥名字", "哪位领导讲话"): the guides name offices, not officials.
  {
    name: 'person',
    asks: /(?:局长|处长|科长|所长|主任|组长|负责人|联系人|领导|书记|主持人|主播|嘉宾)[^。？?]{0,4}(?:是谁|叫(?:什么|啥)|姓(?:什么|啥)|名字)|哪位领导|(?:谁|哪位)[^。？?]{0,6}(?:讲话|致辞|发言|主讲|主持)/,
    about: new RegExp(`${BUREAU.source}|领导小组|办公室`),
    gives: /同志|先生|女士|致辞|主讲|讲话人/,
  },
  // Which firms a plan or guide counts without naming them ("首批拿到免办证明的那4家供应链企业是哪几家"): told only by
  // their names. Not which kinds of firm a rule reaches (哪些企业需要配质量安全总监), which its scope says.
  {
    name: 'firms-named',
    asks: /哪几家(?![^，,。？?]*(?:要|需|可以|能|必须|适用|属于))/,
    about: BUREAU_ERRAND,
    gives: /有限公司|集团|股份/,
  },
  // Which company built a thing ("12315平台是哪家公司开发的"). Not which body does a check (什么单位检): a body.
  {
    name: 'maker',
    asks: /(?:哪家|哪个|什么|啥)(?:公司|企业|厂家?)[^。？?]{0,6}(?:开发|研发|搞出来|设计|搭建|建的)|谁(?:开发|研发|设计|搭建)的/,
    gives: /开发|研发|设计|承建|搭建|运营/,
  },
  // A pick among businesses or brands ("哪个牌子的秤检定容易过", "哪家店的家电最好", "推荐几个", "给个名单"): the
  // guides are a public body's and name no brand, shop or firm to prefer; only a list they publish answers.
  // Which one is genuine ("怎么分辨哪家是正规的") is a check the ISO guide tells, not a pick.
  {
    name: 'pick',
    asks: /推荐|(?:哪|什么)(?:个|些|种|款|家)?(?:牌子|品牌)|(?:哪家|哪几家|哪个店|哪家店)[^。？?]{0,10}(?:好|靠谱|最好|便宜|划算|容易)|(?<!失信|黑)名单/,
    // Not a list of offenders (严重违法失信名单, 会不会上黑名单): no pick among those to turn to.
    gives: /(?<!失信|黑)名单|名录|推荐/,
  },
  // Where a broken thing is mended ("秤检定不合格了，得去哪儿修", "附近哪里有修秤的店", "找哪家修"): the scale guide
  // says it must be repaired and checked again (维修后重新检定), never by whom. Asked of a thing broken or failed:
  // "奉先寺是哪个皇帝让修的" asks who had it built.
  {
    name: 'repairer',
    asks: /(?:哪|什么地方)[里儿家个]?[^。？?]{0,3}修(?!改)|找(?:谁|哪)[^。？?]{0,3}修(?!改)|修[^。？?]{0,3}的(?:店|地方|师傅)/,
    about: BROKEN,
    gives: /维修(?:单位|机构|企业|网点|点)|修理(?:厂|店|单位)/,
  },
  // …and what mending it costs ("秤检不合格要拿去修 修一下大概多少钱"): the guide says 维修后重新检定, no repair
  // price. Asked of a thing broken or failed: "修船厂花了多少钱" asks what building a yard cost.
  {
    name: 'repair-cost',
    asks: /修(?!改)[^。？?，,]{0,6}(?:多少钱|要钱|贵不贵|费用|花多少)|维修费|修理费/,
    about: BROKEN,
    gives: new RegExp(`维修费|修理费|维修\\p{Script=Han}{0,6}${CN}+\\s*元`, 'u'),
  },
  // What may be done after the fact with a paper, a submission, an account or a mark: have it issued again, put
  // right, withdrawn, applied for again once refused, handed in late, renamed, used elsewhere. The guides tell
  // how the thing is got; of these they state only a few (免办 核销期限可申请延期, 维修后重新检定), in these words.
  {
    name: 'reissue',
    asks: /补(?:办|发|领|一份|一张|一个|个|贴(?=一|个|上|张)|上)|重新(?:打印|出具|开|交|提交)一?[份张]|再(?:补|开|打印?)一?[份张个]/,
    gives: /补办|补发|遗失|丢失|重新(?:核发|出具|打印)/,
  },
  // An account's password or the code it sends ("12315的app收不到验证码咋弄").
  { name: 'password', asks: /密码|验证码/, gives: /密码|验证码/ },
  {
    name: 'correction',
    // The asker's own slip put right, not a rule revised ("认证规则修改了哪些内容").
    asks: /改(?:过来|正|一下)|更正|(?:能|可以|怎么|去哪|在哪)[^。？?]{0,4}修改/,
    about: BUREAU_ERRAND,
    gives: /更正|修改|补正/,
  },
  {
    name: 'withdrawal',
    asks: /撤回|撤销(?:申请|投诉|举报)|撤掉/,
    gives: /撤回|撤销(?:申请|投诉|举报)/,
  },
  {
    name: 'reapplication',
    asks: /(?:驳回|退回|没批|没通过|被拒)[^。？?]{0,12}(?:再|重新)(?:申请|提交|报|交)/,
    gives: /驳回|退回|不予(?:批准|出具)|重新申请/,
  },
  {
    name: 'extension',
    asks: /延期|推迟|晚(?:几天|点|些)?交|交不上|来不及交/,
    gives: /延期|延长|推迟/,
  },
  // How long or how often an extension may run ("延期最长能延多久？可以连续延几次"): a guide saying one may be asked
  // for (可申请延期) does not say its length.
  {
    name: 'extension-length',
    asks: /(?:最长|最多)[^。？?]{0,4}(?:能|可以)?(?:延|延长)[^。？?]{0,2}(?:多久|几年|几个月|几次|多长)|(?:能|可以)(?:连续)?延(?:几次|多少次)/,
    gives: new RegExp(`(?:延期|延长)[^。；]{0,12}${CN}+\\s*(?:年|个月|次|个?工作日|日|天)|最长`),
  },
  // A subsidy for what the asker did ("做完3c认证 花了不少钱 区里有没有补贴"): the guides name none.
  { name: 'subsidy', asks: /补贴|补助/, gives: /补贴|补助|资助/ },
  // A tax ("开发票要交多少税", "纲要对小企业有没有减税"): the guides name none (财税〔2017〕20号 is a document number).
  { name: 'tax', asks: /税/, gives: /(?<!财)税/ },
  // Which way is quicker ("投诉跟举报哪个处理得快", "找平台客服和打12315哪个更快"): the guides time each, never compare.
  {
    name: 'speed',
    asks: /哪(?:个|种|边|样)[^。？?]{0,10}(?:快|慢)|(?:更|比较)快/,
    gives: /更快|较快|加快|快捷|便捷|提速/,
  },
  // How the desk's own staff behaved ("打12315的时候接电话那个人态度特别差"): a complaint about them is no matter the
  // complaint guide treats.
  {
    name: 'staff-conduct',
    asks: /(?:接电话|接线|客服|工作人员|接待)[^。？?]{0,10}态度/,
    gives: /态度|服务规范|作风/,
  },
  // What goods cost to buy ("带CPA标志的电子秤一台大概多少钱", "买个公平秤要多少钱"): the guides price no goods; a fee
  // or a fine asked (检一台多少钱, 罚多少钱) is the fee's or the penalty's, and a certificate bought (买证) the scam's.
  {
    name: 'price',
    asks: /^(?![^。？?]*(?:检|证|申请|办理|投诉|罚))[^。？?]*(?:(?:买|购买|入手)[^。？?，,]{0,10}(?:多少钱|贵不贵)|(?:一台|一个|一把)(?:大概|大约|要)?多少钱|多少钱一台|售价|卖多少钱)/,
    gives: /售价|价格|市场价|[0-9]+\s*元一台/,
  },
  // When an office is open or a line answered ("检测所周末开门不", "几点下班", "12315这个点还有人接吗，周末打得通不"):
  // the guides name offices and lines, never their hours.
  {
    name: 'opening-hours',
    // Not opening one's doors to visitors ("哪些单位开门给大家参观").
    asks: /开门(?:时间|不|吗|没|了没)|(?:几点|什么时候|啥时候)开门|营业时间|办公时间|上班时间|几点(?:开|关|下班|上班)|(?:周末|周六|周日|节假日)[^。？?]{0,4}(?:开|上班|办公|营业|打得通|有人接)|(?:这个点|这么晚|晚上|夜里|半夜|几点)[^。？?，,]{0,6}(?:有人接|打得通|能打通)/,
    gives: /办公时间|工作时间|开放时间|营业时间|[0-9]{1,2}[:：][0-9]{2}/,
  },
  // The other side retaliating after a complaint or report ("投诉完商家打电话骂我 威胁我 怎么办"): a police matter no
  // guide speaks of. Retaliation feared ("怕被报复，能匿名举报吗", "担心被报复") asks about reporting itself; secrecy is above.
  {
    name: 'retaliation',
    asks: /(?<![怕心忧])(?:威胁|恐吓|骂我|打我|骚扰我|找上门|(?:被|遭到?|来|打击)报复)/,
    about: /投诉|举报|反映|12315/,
    gives: /报复|威胁|恐吓|骚扰|公安|报警/,
  },
  // Whether what came of a complaint or report is made public ("处理结果会不会在网上公示", "查处结果会登报吗"), whether
  // a lawyer may come along, or whether it marks someone's credit ("会影响快递员的征信吗"): the guides tell how a case
  // is handled and what the asker is told, none of these.
  {
    name: 'publicity',
    asks: /(?:公示|登报|曝光|上新闻|公开出来|公布出来)/,
    about: /投诉|举报|查处|处理结果/,
    gives: /公示|登报|曝光|信用信息公示|向社会公布/,
  },
  { name: 'lawyer', asks: /律师/, about: /投诉|举报|调解/, gives: /律师/ },
  // A form's template or a notary's seal for a paper handed in ("授权委托书要公证吗，有没有固定模板", "那个表有没有模板
  // 下载"): the guides name the paper, not its template or whether a notary must see it.
  { name: 'template', asks: /模板|范本|样表|样本下载/, about: BUREAU_ERRAND, gives: /模板|范本|样表|下载/ },
  { name: 'notary', asks: /公证/, about: BUREAU_ERRAND, gives: /公证/ },
  { name: 'credit', asks: /征信|信用记录|信用分/, about: /投诉|举报/, gives: /征信|信用/ },
  // Jobs at the bureau ("市场监管局今年招公务员吗"): no guide speaks of hiring.
  { name: 'recruitment', asks: /招(?:公务员|人|聘|录)|考公|编制/, gives: /招聘|招录|录用|编制/ },
  // The way to get somewhere ("从陆家嘴去浦东机场怎么走最快"): a place the plan names is no route it gives. Not how an
  // errand goes ("免办流程怎么走", "电子秤怎么去检").
  {
    name: 'route',
    asks: /(?:去|到)[^。？?，,]{1,10}怎么走|坐(?:地铁|公交|几号线|几路)|几号线|(?:交通|公交|地铁)路线/,
    gives: /号线|乘坐|公交线路|路线|交通/,
  },
  { name: 'renaming', asks: /改了?名|更名/, gives: /更名|改名|变更/ },
  {
    name: 'relocation',
    // Asked as whether the move calls for it again ("搬到另一个菜场…要重新检吗"); a move told before another ask
    // ("公司从苏州搬到浦东了，免办该向哪里提") is the asker's case.
    asks: /(?:搬|挪)(?:到|去|走)[^。？?]{0,20}(?:重新|再)(?:检|申请|办)/,
    gives: /搬|迁|变更(?:使用)?(?:地点|场所)|移动/,
  },
  // Where an event is held, in spoken words the venue answer type does not read ("在哪个会场办", "在哪个地方开").
  {
    name: 'venue',
    asks: /(?:在|去)(?:哪|什么地方|哪个(?:地方|会场|场馆|场地))(?:里|儿)?[^。？?]{0,3}(?:开|办|举行|举办|召开|搞)|(?:会场|场地|地点)(?:在|是)(?:哪|什么)/,
    about: EVENT,
    gives: /地点[:：]|在[^，。；,;]{2,16}(?:举行|举办|召开)|会场|礼堂|大厦|广场|会议中心|体育馆/,
  },
  // Why a thing turned out as it did ("回复说不予受理，一般是啥原因", "申请被退回来了，什么原因"): told by the cases a rule
  // lists as leading to it ("有下列情形之一的，…不予受理") or a cause said (因为, 由于, "…等情形，也会导致调解终止"); the
  // steps of the matter do not.
  {
    name: 'reason',
    asks: /(?:什么|啥|哪些)原因|原因是(?:什么|啥)/,
    about: BUREAU_ERRAND,
    gives: /情形之一|因为|由于|原因|导致/,
  },
  // How to sign up for an event, its prizes, volunteers or a foreign-language guide ("质量开放日要提前报名吗", "竞赛的奖品
  //都有哪些", "能去当志愿者吗", "有英文讲解吗"): a plan lists its events, not these.
  // Booking a service the guides offer ("上门给秤做检定，怎么预约") is how to ask for it, which they tell.
  { name: 'sign-up', asks: /报名/, gives: /报名|预约|名额/ },
  { name: 'prize', asks: /奖品/, about: EVENT, gives: /奖品|奖项|颁奖/ },
  { name: 'volunteer', asks: /志愿者|义工/, gives: /志愿/ },
  { name: 'language', asks: /英文|英语|外语|翻译/, about: EVENT, gives: /英文|英语|外语|双语|翻译/ },
  // The day an event is held ("开幕式具体是哪一天"): a month (2023年9月) is no day.
  {
    name: 'event-day',
    asks: /哪一?天|几号|几月几[号日]/,
    about: EVENT,
    gives: /\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]/,
  },
]

const offersIt = (offer: Offer, asking: string, chunk: ChunkRecord): boolean =>
  offer.asked.test(asking) &&
  (offer.gives.test(chunk.analysis.heading) ||
    chunk.analysis.sentences.some((sentence) => offer.gives.test(sentence.folded)))

const states = (aspect: Aspect, asking: string, chunk: ChunkRecord): boolean =>
  aspect.gives.test(chunk.analysis.context) || (aspect.offers ?? []).some((offer) => offersIt(offer, asking, chunk))

const asked = (aspect: Aspect, folded: string): boolean =>
  aspect.asks.test(folded) && (aspect.about?.test(folded) ?? true)

/** Whether the question asks any of the aspects above, stated by a passage or not. */
export const asksAnAspect = (question: PreparedQuestion): boolean =>
  ASPECTS.some((aspect) => asked(aspect, question.askingPart))

/**
 * The first aspect the question asks (reward, secrecy, fee …) that the passage does not state, or undefined.
 * An English question is read in its translated terms: "opening hours" is 营业时间 (knowledge/english.json).
 */
export function unsaidAspect(question: PreparedQuestion, chunk: ChunkRecord): string | undefined {
  return ASPECTS.find((aspect) => asked(aspect, question.askingPart) && !states(aspect, question.askingPart, chunk))
    ?.name
}

/**
 * The passage to answer from when the question asks an aspect: `chosen`, unless it does not state the aspect
 * and another of `candidates` covering the question as well does ("质量月有没有免费的质量课": item 2's 公益宣传
 * and item 11's 公益培训 cover it alike; only 11 says the teaching is free) — or, among the few best, one that covers
 * it nearly as well and enough to answer at all ("…作弊秤…能让他赔几倍": 六's 退一赔三 after 七's fair scale, which
 * tells more of the story; src/answer/tuning.ts ASPECT_MARGIN). The ranker's order otherwise stands.
 */
export function statingAspect<T extends { chunk: ChunkRecord; coverage: number }>(
  question: PreparedQuestion,
  chosen: T,
  candidates: readonly T[],
  near: { enough: number; few: number; margin: number },
): T {
  if (!unsaidAspect(question, chosen.chunk)) return chosen
  const covers = (item: T, at: number) =>
    item.coverage >= chosen.coverage ||
    (at < near.few && item.coverage >= Math.max(near.enough, chosen.coverage - near.margin))
  return (
    candidates.find((item, at) => item !== chosen && covers(item, at) && !unsaidAspect(question, item.chunk)) ?? chosen
  )
}
