import { foldText } from '../text/fold.ts'
import { asksIssuance, DOCUMENT_ISSUANCE_ASKED, ISSUANCE_TOLD } from './issuance.ts'
import { OWN_BUSINESS_MAY_TOO } from './own-business.ts'
import { askedPartOf, withoutAcceptanceAsked } from './verdict-ask.ts'

/**
 * What kind of fact a question asks for, and what a passage must contain to give it: "多少钱" wants an
 * amount, "电话是多少" a number to call. A passage about the right topic without such a fact does not answer.
 * `asks` is tested on the folded question, `gives` on folded passage text.
 */
export type AnswerType = {
  name: string
  asks: RegExp
  gives: RegExp
  /** Words that name this kind of fact in a statement that the documents lack it ("审核时限"); else `asks`. */
  names?: RegExp
  /**
   * The fact as the asker tells it ("买了四年了", "拿证一年多了"): a passage giving such a fact is the
   * likelier answer, but the question does not ask for one.
   */
  told?: RegExp
  /** Kinds of fact this one stands in for when both are asked ("隔了多久" is no plain "多久"). */
  replaces?: string[]
}

const CN = '[0-9一二三四五六七八九十百千两半]'
// Chinese-numeral years and era names count as dates: "一九九八年", "万历十一年二月", "康熙元年"; so do
// solar terms and festivals ("清明前采摘").
// A reign year of one to three numerals ("崇祯五年，", "永和三年二月", "万历七年病逝", "咸丰五年黄河…") is told
// from a span of years ("历时五年", "有效期三年") by what follows it — a pause, a month, a season, birth or
// death — or by standing at the start of a clause or after 于/在, and by no word of duration before it.
const SPAN_BEFORE = '(?<!历时|长达|经过|用了|花了|前后|持续|为期|共计|不到|超过|[满近约达了共第每期限])'
const REIGN_YEAR =
  `${SPAN_BEFORE}(?<=\\p{Script=Han})[一二三四五六七八九十]{1,3}年(?=[，,、春夏秋冬初末底正一二三四五六七八九十冬腊]|[生卒病逝起时])|` +
  `${SPAN_BEFORE}(?<=(?:^|[，。；：,\\s于在至自])\\p{Script=Han}{2})[一二三四五六七八九十]{1,3}年(?![后内来间多半以前期])`
// A number said as a count: "五十多", "一千二百余", "2.6万".
const COUNT_SAID = `${CN}+(?:\\.\\d+)?[万亿]?\\s*[多余]?`
const CN_DATE = `${REIGN_YEAR}|[〇零一二三四五六七八九十百千]{2,}年|元年|[正一二三四五六七八九十冬腊]{1,3}月|世纪|年代|清明|立春|立夏|立秋|立冬|冬至|夏至|春节|元旦|端午|中秋|重阳|国庆`

/**
 * A name a thing had before or of old asked ("颐和园原来叫什么名字", "扬州古代叫什么", "粽子古时候叫啥", "原名是什么"):
 * the words that ask it (叫, 名字, 古代) are no topic a passage must say.
 */
export const FORMER_NAME_ASKED =
  /(?:以前|之前|原来|原先|本来|古代|古时候?|过去|早先|早年|旧时|当初|从前|最早|最初)(?:的名字|的名称)?(?:叫|称|名)(?:做|作|为)?(?:什么|啥)?(?:名字|名称)?|(?:原名|旧称|古称|旧名|原称|古名)(?:是|叫)?(?:什么|啥)/

/**
 * How a name came about ("徐家汇这个地名是怎么来的", "外号是怎么来的", "为什么叫公孙树"): the words that ask it (地名,
 * 外号, 来) are no topic a passage must say; the sentence that says where the name comes from answers.
 */
export const NAME_ORIGIN_ASKED =
  /\p{Script=Han}?(?:名|号|称)\p{Script=Han}{0,3}(?:是)?(?:怎么|咋|如何|怎样)(?:来|得)|由来|(?:为什么|为啥|为何)(?:叫|称|被称)/u

/** The time between two events asked ("公布以后过了多长时间才施行", "从公布到实施隔了多久"). */
export const INTERVAL_ASKED = /(?:以后|之后)?(?:隔|过)了?(?:多久|多长时间|多少天|几天|几个月)才?/

/**
 * Time the asker has waited, in everyday units ("交上去一个礼拜了", "拖了快两个月了", "等了十来天还没消息"): a
 * length of time told, which the documents' time limits ("7个工作日内", "45个工作日") judge — the same kind of
 * fact. Years gone by are the `years` kind.
 */
export const TIME_WAITED =
  /(?:[等拖过]了(?:快|将近|差不多|大概)?|(?<![0-9]))(?:[0-9]{1,3}|[一二三四五六七八九十两半几]+)\s*个?[多来余]?(?:天|礼拜|星期|周|个?月)(?:多)?(?:了|还|都|也)/

/** Time gone by, said without a number: "隔了这么久", "过了那么长时间", "过了好多年", "过了好几年". */
export const TIME_GONE_BY = /(?:隔|过)了?(?:这么|那么|很|好)(?:久|长时间|多年|几年)/

// A length of time, not a date: "三年", "7个工作日", "15日内", "十余年", "将近一千年" — but not "2009年" or "4月1日". A
// life's length is told by the age reached ("能活多少年": "人工饲养可超过三十岁").
const LENGTH_OF_TIME =
  /(?<![0-9])(?:[0-9]{1,3}|[一二三四五六七八九十百千万两半]+)\s*[多余]?\s*(?:个月|个工作日|工作日|年|天|小时|日内|周|岁)|长期/
// A day or month named in full ("2023年4月4日", "5月5日"): two of them give the span between.
const DAY_NAMED = '(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?'

// A body asked for by the office word ("哪个部门", "哪一级的市场监管部门", "什么机构") or by an act only a body does
// ("归谁管", "谁批的", "谁来受理", "是谁定的", "由谁确定"); not where to turn (去/到/找/向/交到 哪个部门), nor who is to apply.
// Who runs an event ("质量月是谁办的", "主办单位是哪家", "牵头部门是哪个") asks a body too; not 谁主办, 谁组织的, 主办方,
// which a general passage may answer with a person (with them, the CMRC set lost a span).
const BODY_ASKED =
  /(?<![去到找向在交])(?:哪个|哪一个|哪家|哪一家|哪一级|哪级|哪里的)\p{Script=Han}{0,6}?(?:部门|单位|机构|机关|部委)(?![去申])|什么(?:部门|单位|机构|机关)(?=[管负来批发受审认处])|归谁|谁(?:来)?(?:管|主管|监管|审批|批准|批的|受理|发证|颁发|办的|定的?$|定的[,，?？吗呢])|由谁(?:来)?(?:确定|决定|制定)|(?:主办|牵头)(?:单位|部门)/u
// A body as documents name one: an office (…局, 总署, 部门, 机关, 机构, 委员会), a government, a centre, an association,
// a court, a working group, 12315 — or an organisation of other kinds (公司, 大学, 联合会) in general passages.
const BODY_NAMED =
  /局|署|部(?!分)|委|院|机关|机构|中心|协会|学会|联合会|基金会|组织|办公室|政府|中央|法院|小组|公司|集团|大学|学校|银行|联盟|12315|检测所|研究所/
// A body said doing something in its sentence ("市场监管总局负责CCC制度的组织实施和监督管理", "由…计量检定机构…实行…检定"),
// not one only named ("对照市场监管总局（认监委）发布的《目录》").
const BODY_ACTING = new RegExp(
  `(?:${BODY_NAMED.source})[^，,。；;]{0,12}?(?:负责|主管|管理|监管|实施|执行|实行|受理|处理|批准|审批|颁发|发证|确定|认定|核查|检定|验证|汇总)`,
)
// Who decides a thing ("检定周期是谁来定的", "由谁确定"): told by a body that decides it ("由执行强检的技术机构依照
// 计量检定规程确定"), or for a document, by its issuance ("由中共中央、国务院印发").
const DECIDER_ASKED = /谁(?:来)?定|由谁(?:来)?(?:确定|决定|制定)/
const BODY_DECIDING = new RegExp(`(?:${BODY_NAMED.source})[^，,。；;]{0,16}?(?:确定|决定|制定)`)

/** The folded question asks who decides or set a thing. */
export const asksDecider = (folded: string): boolean => DECIDER_ASKED.test(folded)

/** A folded sentence names a body deciding or setting a thing. */
export const namesDecider = (folded: string): boolean => BODY_DECIDING.test(folded)

// The part of a day said in words: "每晚", "上午", "(每)周三、五晚".
const PART_OF_DAY = '每晚|[早晚]上|[上下中]午|傍晚|夜间|(?:周|星期)[一二三四五六日天、]+[早晚]'

// "这几天生意忙", "前几天", "买了没几天", "没用几天就坏了", "好几天", "展会上就摆几天": days the asker tells, not asks
// for ("几天能拿回来").
// Nor a while asked leave for ("能不能先凑合用几天", "可不可以晚几天再去"): whether is asked, not how long.
const DAYS_ASKED =
  '(?<![这那前头没好])(?<!(?:没|就|才|只)[^，,；;。？?])(?<!(?:能不能|可不可以|能否|可否)[^，,；;。？?]{0,6})几天'

const ANSWER_TYPES: AnswerType[] = [
  {
    name: 'amount',
    // 乱收费, 多收费 name a wrong done, not a fee asked for ("店家乱收费能投诉吗"); nor does 谁出钱 ask a sum, but a payer.
    // Spoken, a fee is asked as "要收钱吗" ("打12315投诉要收钱吗"); "不想花钱去外面报班" tells a wish, not a fee asked.
    asks: /多少钱|(?<![乱多])收(?:费|钱)|费用|价格|罚多少|罚款标准|补贴多少|花多少|收多少|交钱|要钱|(?<!不想|不愿|舍不得)花钱|(?<!谁)[掏给付出]钱|交费|多少(?:资金|经费|奖金|补贴)|(?:补贴|奖励|资助)标准|[奖补]多少/,
    // A sum of money ("1000元以下罚款", "五万元", "1.5亿美元", said round: "二亿多元", "三万余元"; and in the old
    // currencies of a history: "五十万银元", "三百万两白银", "两万贯"), not 元 inside a word ("多元共治", "元旦")
    // nor 贯 of "一贯"; or that none is due ("不需要交检定费", "停止征收"). Who bears a cost ("费用由谁承担无法协商
    // 一致") says neither: a complaint guide naming it does not tell whether a complaint costs anything.
    gives: new RegExp(
      `${CN}\\s*[万千百亿]*\\s*[多余]?\\s*(?:(?:美|港|日|欧|韩|新台|银)?元|银圆|两(?:白银|银子|黄金)|人民币|美金|英镑|卢布|法郎|马克)|${CN}\\s*[万千百]+\\s*[多余]?贯|免费|不收费|收取|罚款|(?:不|无)[需须用必]?(?:要)?[交缴付]\\S{0,5}?费|停止征收|免收|免征`,
    ),
  },
  // A fine asked ("会被罚多少钱", "罚款多少"): given by a sum the sentence says is fined ("并处1000元以下罚款"), not by
  // any sum of the passage (a scam's price: "支付3000元就拿到一张…证书").
  {
    name: 'fine',
    asks: /罚(?:款)?(?:多少|几)/,
    gives: new RegExp(
      `罚[^。；]{0,20}${CN}\\s*[万千百]*\\s*元|${CN}\\s*[万千百]*\\s*元[^。；]{0,8}罚|(?:不|无)(?:会|需|用)?(?:被)?罚`,
    ),
  },
  // A request for a number to dial — "电话是多少", "打什么电话", or a service line typed alone as a search
  // ("投诉电话", "举报热线") — not a topic that contains the word ("第三代移动电话", "电话投诉和网上投诉哪个快").
  // A standard's number (19001) is no phone number.
  {
    name: 'phone',
    asks: /电话(?:号码)?(?:发|告诉)(?:我|一下)|电话号码|联系电话|联系方式|(有没有|有无)\S{0,2}(电话|热线)|(电话|热线|号码)(是|号)?(多少|几号|是什么|是啥)|(打|拨)(什么|哪个|哪|几号)(个)?(电话|热线|号码)?|(什么|哪个)(电话|热线)(号码)?[?？]?$|^\S{0,8}(投诉|举报|咨询|服务|办事|维权)(电话|热线)(号码)?[?？]?$/,
    gives: /123\d\d(?!\d)|400-?\d{3}|0\d{2,3}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|热线/,
  },
  // Asking for an office's address, not a question that merely mentions one. "去哪里办" asks where to
  // turn, which "向所在地市场监管部门提出申请" answers without a street; "在哪栋楼" asks for the street.
  {
    name: 'address',
    // Asked to be sent too ("地址电话发我一下").
    asks: /(地址|办公地点)(是|在)?(哪|什么|多少)|具体地址|哪[栋幢座]楼|几号楼|几楼|门牌|哪条[路街]|地址[^，,。？?]{0,3}(?:发|给|告诉)(?:我|一下)/,
    gives: /路\d|号楼|地址[:：]|\d+号|[路街道区]\S{0,6}号/,
  },
  // What to hand in ("要准备哪些材料", "需要提供啥资料"): a passage that names no document to bring (CNAS
  // 是认可机构…) does not say, however much of the matter it shares.
  {
    name: 'materials',
    // So is what to bring said without the noun ("投诉要带什么", "去举报的话要准备些什么", "得带上什么文件", "要交啥东西"); not
    // what to get ready now for a date told ("证书明年三月到期，现在该准备什么"), which the steps due before it answer.
    asks: /(?:准备|提交|提供|交|带|需要|要)(?:哪些|什么|啥)(?:材料|资料|手续|证件|文件)|(?:材料|资料)清单|(?<!(?:现在|提前|事先|预先)(?:该|得|要|需要)?)(?:准备|提交|提供|带上?)(?:些|点)?(?:什么|啥|哪些)(?:东西|文件)?[吗呢啊呀]?[?？]?$|交(?:些|点)?(?:什么|啥|哪些)(?:东西|文件)/,
    // Not the 资料 a text draws on ("公开资料显示"): that hands nothing in.
    gives: /材料|(?<!公开)资料(?!显示)|申请书|委托书|担保书|声明|报告|凭证|清单|发票|小票|截图|身份证明/,
  },
  // Where an event is held ("升旗仪式在哪里举行"): a plan that names the event without its venue does not say.
  {
    name: 'venue',
    asks: /在哪(?:里|儿)?(?:举行|举办|召开)|(?:举行|举办|活动)地点/,
    gives: /地点[:：]|在[^，。；,;]{2,16}(?:举行|举办|召开)|会场|礼堂|大厦|广场|会议中心|体育馆/,
  },
  // Where a published thing is to be seen or looked up ("抽查结果在哪里公布", "证书去哪查", "年检报告去哪里
  // 看"): the channel that shows it (网站, 平台, 系统 …). A passage that says the thing is done (开展抽查) or
  // what it is (什么是强检) does not say where it is published. "标志贴在哪看" asks where on the thing. A
  // published list looked up by name ("产品目录去哪里查": 对照《…目录描述与界定表》) is where too.
  {
    name: 'lookup',
    asks: /(?<![贴放摆挂])(?:在|去|到|从)哪(?:里|儿)?(?:可以|能|才能)?(?:看到|查到|查询|看|查|公布|公示|下载)|(?:公布|公示)在哪/,
    gives: /网站|官网|平台|系统|查询|app|公众号|小程序|窗口|《[^》]*(?:目录|表|名单|清单)》/,
  },
  // How to sign up for an event ("论坛在哪报名"): a plan that names the event but no way in does not say. (A
  // service booked, "怎么预约", is answered by whom to ask: "向当地市场监管部门咨询".)
  {
    name: 'signup',
    asks: /(?:哪(?:里|儿)?|怎么|怎样|如何)报名|报名(?:方式|入口|渠道|途径|链接|电话)/,
    // Not 平台 or 网站 alone: a plan says 共享平台 of what the event does, not where to sign up for it.
    gives: /报名|链接|二维码|扫码|电话|热线/,
  },
  // Whether a business of the asker's kind or size may do a thing ("十几个人的小公司也能做认证吗", "个体户也能
  // 搞认证吗", "经销商也能申请免办吗", "小作坊做认证有没有门槛"): the passage saying whom it is open to (各种
  // 规模的组织都可以采用, 生产者、进口商、销售商…可以申请) answers, not the steps of doing it. So when the asker
  // tells their business in words of their own first ("开个小饭馆的，不是工厂，也能去做9001吗": own-business.ts).
  {
    name: 'eligibility',
    asks: new RegExp(
      `${/(?:个体|小公司|小厂|作坊|小店|小微|小企业|经销商|代理商|[几十百一二三四五六七八九两]+[来多余]?[个号名]?人)[^?？。]{0,16}(?:[也都](?:能|可以|行)|门槛|资格|够格)/.source}|${OWN_BUSINESS_MAY_TOO.source}`,
    ),
    gives: /适用|都可以|均可|各种(?:类型|规模)|可以申请|可以采用|不限/,
  },
  // The certificate or qualification a post requires ("质量安全总监要考什么证"): a rule that only names the
  // post does not say.
  {
    name: 'certificate',
    asks: /考(?:什么|啥|哪些|哪个)证|(?:要|需要|得)(?:持|有)(?:什么|啥|哪些)证|任职资格|(?:要|需要|得有)(?:什么|啥|哪些)资质/,
    gives: /证书|资格|资质|持证|上岗证|考试|考核合格|培训合格/,
  },
  // What a check found or a list holds ("抽查不合格的有哪些牌子", "哪些学校不合格", "名单上有哪些企业"): a plan
  // that only says the check is done or the list published does not give them.
  {
    name: 'results',
    asks: /(?:不合格|有问题|违规|违法)的?(?:有)?(?:哪些|哪几)(?:个|家|所)?(?:牌子|品牌|企业|厂家|学校|单位|商家|产品|店)|(?:哪些|哪几)(?:个|家|所)?(?:牌子|品牌|企业|厂家|学校|单位|商家|店)(?:不合格|有问题|被查|被罚|违规)|(?:抽查|检查|整治|抽检)的?结果(?:是|怎么样|如何)|名单(?:上|里)?都?有(?:哪些|哪几|谁)/,
    // A list said to be published ("发布…扶持项目名单") is not the list.
    gives: /名单(?:如下|为|[:：])|结果(?:显示|为|如下)|批次|不合格(?:的|产品)?(?:有|为|包括)/,
  },
  {
    name: 'duration',
    // "买回来没多久就坏了": not long, told, not a length asked.
    asks: new RegExp(
      `(有效期|(?<![好这近])几年|多少年|(?<!没)多久|多长时间|${DAYS_ASKED}|几个工作日|保存多长|期限|时限)`,
    ),
    gives: LENGTH_OF_TIME,
  },
  // The time that lay between two events ("从公布到实施隔了多久", "公布以后过了多长时间才施行") is given by the
  // dates of both as well as by its length; waiting in a procedure ("要多久") is not asked this way.
  {
    name: 'interval',
    asks: INTERVAL_ASKED,
    gives: new RegExp(`${DAY_NAMED}[^。；;]*${DAY_NAMED}|${LENGTH_OF_TIME.source}`),
    replaces: ['duration', 'days'],
  },
  // A former name is told by the words that introduce one ("古称广陵", "原名贞丰里", "1888年改名颐和园"), not by a
  // sentence that only uses the name, though it says more of the question.
  {
    name: 'former-name',
    asks: FORMER_NAME_ASKED,
    gives:
      /原名|旧称|古称|旧名|本名|原称|古名|初名|曾名|(?:古代|古时|旧时|当时|过去|以前|原来)(?:称|叫)|改名|更名|改称|又称|又名|亦称|别称|俗称/,
  },
  // "几天能拿回来" asks for days: a yearly cycle ("检定周期为一年") is a length of time, but not the one asked.
  {
    name: 'days',
    asks: new RegExp(`${DAYS_ASKED}|多少天|几个工作日|多少个工作日`),
    // A wait of days, weeks or months is judged by limits in days (7个工作日, 45个工作日), not by a span of years.
    told: TIME_WAITED,
    // Not the day of a date ("自2020年1月1日起施行").
    gives: /(?<![0-9月])(?:[0-9]{1,3}|[一二三四五六七八九十百两半]+)\s*(?:个工作日|工作日|天|日内|日|小时|周)/,
    names: /时限|期限|时间|几天|工作日/,
  },
  // "过了好几年了还能投诉吗", "买了四年了…", "两年半前买的…", "前年买的…", "隔了这么久还能投诉吗": years, told or asked, are
  // answered by a span in years ("超过三年"), not by the days a procedure takes. Time gone by without a
  // number asks as 几年 does; a number of years the asker tells is no request for one.
  {
    name: 'years',
    asks: new RegExp(`(?<![好这近])几年|${TIME_GONE_BY.source}`),
    told: /(?<![0-9])(?:[0-9]{1,2}|[一二三四五六七八九十两半]+)年(?:了|多|半|前)|(?:去|前)年(?:[^，,。？?]{0,6})买/,
    gives: /(?<![0-9])(?:[0-9]{1,3}|[一二三四五六七八九十百两半几数]+)\s*多?年(?![0-9])/,
    names: /期限|时限|年限|几年/,
  },
  {
    name: 'count',
    // "哪几种情况" asks for the cases themselves (a list), "有几种" for their number.
    asks: /多少种|(?<!哪)几种|多少类|(?<!哪)几类|多少项|一共有?多少|多少个/,
    // "五十多个国家", "一千二百余座": a number said round is a count all the same.
    gives: new RegExp(
      `${COUNT_SAID}\\s*(种|类|项|个|大类|条|幅|卷|篇|次|座|位|名|件|本|部|首|册|枚|颗|只|头|届|场|处|所|家|张|台|株|棵|尊|单|批|款|份)`,
    ),
  },
  // A number of pieces, firms or papers ("一次最多能报多少件", "高新技术企业要多少家", "一年申办多少张才够") is given
  // by a number of that measure ("突破2.6万家"; bodies counted by 个 too: "18个部门" of 多少家单位), not by a count of
  // something else ("18个部门" of 多少家企业 is no count of firms; "三批"). Not 几台, which tells as often as it asks
  // ("进口几台打印机做测试"), nor how often (多少次: "一年检一次" says it as 每年).
  ...[
    ...'件 张 台 单 批 名 位 所 座 条 场 届 款 份'.split(' ').map((measure) => [measure, measure]),
    ['家', '家|个(?:部门|单位|机构|机关)'],
  ].map(([asked, said]) => ({
    name: 'count',
    asks: new RegExp(`多少${asked}`),
    gives: new RegExp(`${COUNT_SAID}\\s*(?:${said})`),
  })),
  {
    name: 'date',
    // Spoken too: "啥时候开始的", "几时改的" (多会儿 is read as 多久: typos.ts; 几号令, 几号文 ask a number); a month
    // asked ("质量月是哪个月") or the time an event is held ("定在什么时间开展"), which a date says, not a clock.
    // A date changed in the asker's story ("超市老拿临期的改日期卖", "篡改生产日期") is misconduct told, not asked.
    asks: /哪天|哪一天|什么时候|啥时候?|几时|何时|哪年|哪一年|(?:星期|礼拜|周)几|(?<![改涂换撕]|[改涂换撕]生产)日期|截止|几月|哪一?个月|什么时间(?=开展|开始|举办|举行)|几号(?![令文表])/,
    // A weekly slot ("每周三、五晚播出") is the day a weekly thing is asked by ("每周哪天播").
    gives: new RegExp(
      `\\d{3,4}\\s*年|\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?|月底|之日|${CN_DATE}|(?:每周|星期|礼拜)[一二三四五六日天]`,
      'u',
    ),
  },
  // A day asked ("哪天开的", "几号截止", "礼拜几"): a year alone ("发布 2023 年…名单") does not say which day; a month
  // or a day does, as a weekly slot does.
  {
    name: 'day',
    asks: /哪天|哪一天|(?:星期|礼拜|周)几|几号(?![令文表])/,
    gives: new RegExp(
      `\\d{1,2}\\s*月|月底|之日|[正一二三四五六七八九十冬腊]{1,3}月|(?:每周|星期|礼拜)[一二三四五六日天]|[初十廿]${CN}日`,
      'u',
    ),
    replaces: ['date'],
  },
  // When or by whom a document was issued or put in force ("纲要什么时候发布的", "谁发的？啥时候出来的"): told by the
  // passage on its issuance ("2023年2月6日，新华社播发了", "由中共中央、国务院印发"), not by any that gives a date
  // ("到2025年…").
  {
    name: 'issuance',
    asks: DOCUMENT_ISSUANCE_ASKED,
    gives: ISSUANCE_TOLD,
    replaces: ['date'],
  },
  // A time of day: "几点开门" is said by "早上六点", "9:00"; a programme's slot by the part of the day it airs in
  // ("每周三、五晚", "周六上午"), which is as near a time of day as the plans give.
  {
    name: 'time',
    asks: /几点|什么时间(开(?!展|始)|关|停|发|出)/,
    gives: new RegExp(`${CN}{1,3}\\s*点|\\d{1,2}[:：]\\d{2}|${PART_OF_DAY}`),
  },
  {
    name: 'issuer',
    // "由谁来提申请" asks for an applicant, not for the body that issued a document.
    asks: /哪个(机关|部门|单位)(印发|发布|制定|发的|出台)|由?谁(印发|发布|制定|出台|签发)/,
    gives: /局|部|委|院|政府|办公室|中央|国务院|小组/,
    replaces: ['body'],
  },
  // The body in charge of a matter or doing an act ("3C归哪个部门管", "强检是哪个单位来检的", "投诉由哪一级的市场监管
  // 部门处理", "资质是谁批的"): the sentence naming a body that does it (市场监管总局负责…, 由…计量检定机构…) answers,
  // not one of the passage that only shares the matter's words. Where to turn ("去哪个部门申请", "找哪个部门") is
  // the first step of a procedure, and a person who acts ("谁负责放的": 市场主办者) no body.
  {
    name: 'body',
    asks: BODY_ASKED,
    gives: BODY_NAMED,
  },
]

/**
 * The kinds of fact a folded question asks for, or tells. Asked only where it asks (`asked`, src/query/verdict-ask.ts):
 * not in the story told before a verdict asked.
 */
export function answerTypesOf(folded: string, asked = askedPartOf(folded)): AnswerType[] {
  // "检定超期半年了，查到要罚多少", "13个月了还没约审核，证书会咋样": a time told before a consequence asked is how
  // long the breach has lasted, the asker's case, not a wait that a time limit judges.
  const tells = !asksConsequence(folded)
  const types = ANSWER_TYPES.filter((type) => type.asks.test(asked) || (tells && type.told?.test(folded)))
  const replaced = new Set(types.flatMap((type) => type.replaces ?? []))
  return types.filter((type) => !replaced.has(type.name))
}

/** The question only tells the facts of these kinds ("拿证一年多了，证书还算数吗"); it asks for none of them. */
export const onlyTells = (types: readonly AnswerType[], folded: string): boolean =>
  types.length > 0 && types.every((type) => !type.asks.test(folded))

/** True when folded text could give every kind of fact the question asks for. */
export const givesAnswerTypes = (types: readonly AnswerType[], folded: string): boolean =>
  types.every((type) => type.gives.test(folded))

/**
 * Years, codes and Latin names in a question ("2024年", "ISO 14001", "CE"): a passage that does not
 * mention them is about something else, however close its words. Amounts ("3000块") and counts are
 * what the asker brings, not what the passage must repeat.
 */
export function identifiersOf(folded: string): string[] {
  const codes = folded.match(
    /(?<!\d)\d{3,}(?!\d)(?!\s*(?:块|元|万|千|百|多|余|人|个|次|斤|公斤|克|米|平|件|台|天|小时))|(?<![a-z0-9])\d*[a-z][a-z0-9]*/g,
  )
  return [...new Set(codes ?? [])]
}

/**
 * The shape of answer a question wants: every item (list), the steps from the first (procedure), one
 * fact up front (fact), rows of a comparison (difference), what a thing is (definition).
 */
export type AnswerShape = 'list' | 'procedure' | 'fact' | 'difference' | 'definition' | 'general'

/**
 * "要去哪里办", "那要拿到哪里去检", "在哪检": where to go to get a thing done; so too with the doing told first and
 * the question ending on where ("秤检定要去哪里", "送检得去哪儿", "申请交到哪个部门").
 */
const WHERE_TO_DO =
  /(去|到|在)哪(里|儿)?去?(办|检|年检|强检|送检|申请)|(办|检|申请)[^，,。；;？?]{0,3}(去|到)(哪(里|儿)?|哪个(部门|单位|机构))[吗呢啊呀]?[?？]?$/

const SHAPES: Array<[AnswerShape, RegExp]> = [
  // Not 不同意 (disagreeing: "卖家死活不同意退款").
  [
    'difference',
    /区别|不同(?!意)|差别|差异|不一样|异同|有何分别|哪个好|相比|对比|(跟|和|与|同).{1,12}比(怎么样|如何|起来|高|低|多|少)|还是.{0,8}[?？]?$/,
  ],
  // Where to go to get a thing done ("要去哪里办", "去哪检") is the first step of doing it: the office the
  // steps start with (向所在地市场监管部门提出申请). Spoken, 咋弄 and 怎么搞 are 怎么弄; not 咋整, said of a way
  // out ("调解谈不拢咋整") more than of steps.
  [
    'procedure',
    new RegExp(
      `流程|步骤|程序|手续|(?:怎么|咋)(办|申请|弄|搞|做|操作|投诉|举报|查|处理|走)|如何(办|申请|操作|投诉|举报|处理)|怎样(办|申请|操作|投诉)|办理|${WHERE_TO_DO.source}`,
    ),
  ],
  [
    'list',
    // "跟3C免办有关的安排是什么": what relates to a matter is every item that does. "有什么老百姓能参加的活动",
    // "有啥帮扶小微企业的活动": the things listed told after a clause of whom or what they are for.
    // "有没有适合带孩子去参加的", "有小朋友能玩的活动不": the ones someone may take part in, however many; so "有没有针对
    // 食品的活动" (every one that is), and "搞了几项活动" (counted by listing them).
    /哪些|有没?有?[^，,。；;？?！!\s]{0,14}(?:能|可以|适合)[^，,。；;？?！!\s]{0,8}(?:参加|参与|去|玩)的|都有(哪|什么|啥)|有(什么|啥)(活动|材料|要求|情形|渠道|措施|内容|条件|举措|任务|目标)|有(什么|啥)[^，,。；;？?！!\s]{1,12}的(活动|措施|举措|安排)|有没有[^，,。；;？?！!\s]{1,12}的(活动|措施|举措|安排)|几项(?:活动|措施|任务|举措)|包括(什么|啥|哪)|什么材料|哪几|几种|几类|几大[块类部分方面项]|分[成为]几|分几块|几个方面|几部分|(跟|与|和|同)[^，,。？?！!；;]{1,12}(有关|相关)的/,
  ],
  // "为什么是咸的" asks why, not what a thing is.
  ['definition', /是什么|(?<!为)什么是|是啥|啥是|(什么|啥)意思|指什么|指的是/],
]

// A question for one fact ("免办要多久办下来") wants that fact first, whatever else it names.
export function answerShapeOf(folded: string, types: readonly AnswerType[]): AnswerShape {
  const [difference, ...others] = SHAPES as [[AnswerShape, RegExp], ...Array<[AnswerShape, RegExp]>]
  if (difference[1].test(folded)) return 'difference'
  if (types.length > 0) return 'fact'
  // "会被怎么处理" asks what follows, not the steps of handling something.
  if (asksConsequence(folded)) return 'general'
  for (const [shape, pattern] of others) if (pattern.test(folded)) return shape
  // "拿什么做的", "哪本书", "什么颜色": one thing named, as much a fact as a date or a number.
  if (
    /多久|多少|几号|哪里|哪儿|在哪|归哪|哪管|谁|何时|哪年|哪一年|什么时候|为什么|为何|几[个岁次位]|哪[个本部座家位种国条]|什么(?![样么])\p{Script=Han}/u.test(
      folded,
    )
  )
    return 'fact'
  return 'general'
}

// "没去检会罚多少", "他要是不设咋处理", "会被怎么处理", "超期了会怎样": what follows from not doing what is
// required, which a section about consequences answers ("六、不检、超期或作弊的后果") — not the one about the
// fee, though "罚多少" asks an amount too, nor the steps of a procedure, though "怎么处理" names one.
const CONSEQUENCE_ASKED =
  /罚多少|罚款标准|(?:怎么|咋|如何|怎样)处?罚|会被?(?:罚|处罚)|(?:什么|啥)后果|会被?(?:怎么|咋|如何)(?:处理|处置|处罚|罚)|会(?:怎么样|怎样|咋样)|(?:不|没|未)\p{Script=Han}{1,4}(?:的话)?(?:怎么|咋|如何)处理/u
const CONSEQUENCE_NAMED = /后果|罚则|法律责任|处罚|罚款/

// "去年刚检过，今年还要再检定吗", "修好以后还要重新检吗", "秤要年年检吗": whether a doing comes round again, which
// the section on how often it is due answers ("四、多久检一次").
const AGAIN_ASKED = /还(?:要|得|需要?)(?:再|重新)|(?:要|得)(?:重新|年年)|每年都要/
const HOW_OFTEN_NAMED = /多久\p{Script=Han}{0,2}一次|周期|每年|定期/u

// "管理评审多久做一次", "内审隔多长时间做一次": how often a thing is done. A guide may tell it only in words
// ("按策划的时间间隔开展内部审核", "定期送检"), which no length of time matches.
const HOW_OFTEN_ASKED = /(?:多久|多长时间)\p{Script=Han}{0,3}一次/u
const INTERVAL_IN_WORDS = /按\p{Script=Han}{0,6}时间间隔|定期/u

/** The folded question asks how often a thing is done ("内部审核多久搞一次"). */
export const asksHowOften = (folded: string): boolean => HOW_OFTEN_ASKED.test(folded)
/** A folded sentence tells an interval in words, with no length of time ("按策划的时间间隔"). */
export const tellsIntervalInWords = (folded: string): boolean => INTERVAL_IN_WORDS.test(folded)

// "还能去法院告他吗", "可以直接找消协吗": whether the asker may turn to a body asks which ways are open, which the
// section naming the routes answers (二、通过哪些渠道提出: 向人民法院起诉), not one naming that body in another
// sense (六、哪些投诉不予受理: 已经被法院…受理).
const TURN_TO_ASKED = /(?:能|可以)(?:直接)?(?:去|找|到|向)\p{Script=Han}{1,8}[吗么]/u
const ROUTES_NAMED = /渠道|途径/

/** A folded heading names the ways open (渠道, 途径): "二、通过哪些渠道提出". */
export const namesRoutes = (folded: string): boolean => ROUTES_NAMED.test(folded)
// "CCC免办谁可以申请", "由谁来提申请": who is to apply, which the heading naming the applicant answers
// (四、对申请人和后续使用的要求, 三、谁来申请，怎么申请), not the steps or the cases that share 申请.
const WHO_APPLIES_ASKED = /谁(?:来|去|可以|能|才能|有资格)?(?:提出?|办理?)?申请|由谁(?:来|去)?(?:提|办|申请)/
const APPLICANT_NAMED = /申请人|申请主体|谁来申请|谁可以申请/
// "认证证书怎么查", "证书真假怎么辨别": how to check a thing, which the heading naming the check answers
// (五、如何核实证书真伪), not the steps of getting it (三、中小企业获证的一般步骤), a procedure all the same.
const CHECK_ASKED = /(?:怎么|怎样|如何|去哪|哪里|哪儿)(?:才能|可以|能)?(?:查|核实|核对|验证|辨别|鉴别|识别)|真假|真伪/
const CHECK_NAMED = /核实|查询|真伪|真假/
// Whether a complaint is still taken, the asker's time or case told ("三年多前就知道被坑了…现在还能去投诉吗",
// "过了这么久还能投诉不"): the section on what is not taken (不予受理) answers, not a tip repeating its limit.
const ACCEPTANCE_ASKED =
  /还(?:能|可以)[^，,。？?]{0,4}(?:投诉|投|举报)|还(?:受理|管)(?:吗|不)|(?:能不能|可不可以)[^，,。？?]{0,4}(?:投诉|受理)|(?:投诉|举报)[^。？?]{0,4}还来得及/
const ACCEPTANCE_NAMED = /受理/

/** Whether a complaint or report is still taken is asked ("还能投诉吗", "投诉还来得及吗"): 不予受理's grounds judge it. */
export const asksWhetherTaken = (folded: string): boolean => ACCEPTANCE_ASKED.test(folded)
// What happens once a complaint or application is handed in ("投诉交上去以后是个啥流程", "提交之后怎么处理"): the
// handling and its time limits answer, not the ways of handing it in.
const AFTER_FILING =
  /(?:交|提|递|报|提交|递交)(?:上去|上|了|进去)?(?:以后|之后|后)[^，,。？?]{0,6}(?:流程|程序|怎么(?:处理|走|弄)|咋(?:处理|走|弄)|啥(?:流程|程序|步骤))/
const ONLINE_ASKED =
  /(?:网上|线上|在线|网络上|手机上)\p{Script=Han}{0,6}[吗么]|(?:能不能|可不可以|能否)(?:在|用|通过)?(?:网上|线上|在线|手机)/u

// "投诉交上去一个礼拜了…", "调解拖了快两个月了…": a wait told is judged in the section on time limits
// ("五、监管部门的处理时限"), whatever else shares the question's words.
const TIME_LIMIT_NAMED = /时限|期限/

/** "没去检会罚多少", "会被怎么处理": the question asks what follows from not doing what is required. */
export const asksConsequence = (folded: string): boolean => CONSEQUENCE_ASKED.test(folded)

// What befalls a breach, as the documents tell it: a penalty, an order, a withdrawal, a pursuit.
const CONSEQUENCE_TOLD = new RegExp(`${CONSEQUENCE_NAMED.source}|没收|吊销|撤销|责令|查处|追究|停止使用`)

/** Whether a folded passage tells what befalls a breach. */
export const namesConsequence = (folded: string): boolean => CONSEQUENCE_TOLD.test(folded)

// A penalty asked for ("会怎么处罚", "罚多少"), not what comes of something at all ("会怎么样", "什么后果"),
// which a passage may tell in any words.
const PENALTY_ASKED = /罚|处理|处置|查处|追究/

/** Whether the folded question asks what penalty befalls a breach. */
export const asksPenalty = (folded: string): boolean =>
  asksConsequence(folded) && PENALTY_ASKED.test(withoutAcceptanceAsked(folded))

/** …or names it ("用不合格的秤有什么处罚", "penalty" → 罚款). */
export const aboutConsequence = (folded: string): boolean => asksConsequence(folded) || CONSEQUENCE_NAMED.test(folded)

/**
 * A guide titles its sections by the question each answers ("四、多久检一次", "三、哪些情形可以申请免办",
 * "五、怎样申请"): a heading that asks for the same kind of fact, or wants the same shape of answer, as
 * the question is where its answer stands, even when another section shares more of its words.
 */
export function asksAlike(
  question: { folded: string; answerTypes: readonly AnswerType[]; shape: AnswerShape },
  heading: string,
): boolean {
  const traits = headingTraitsOf(heading)
  if (asksConsequence(question.folded)) return traits.consequence
  if (traits.types.some((type) => question.answerTypes.includes(type))) return true
  if (TIME_WAITED.test(question.folded) && traits.timeLimit) return true
  if (headingIsTheThingAsked(question, traits)) return true
  if (AGAIN_ASKED.test(question.folded) && traits.howOften) return true
  // Whether one may turn to a body, or how to do it at all ("网购衣服质量差怎么投诉"): the ways open answer.
  if (AFTER_FILING.test(question.folded)) return traits.timeLimit
  if ((TURN_TO_ASKED.test(question.folded) || question.shape === 'procedure') && traits.routes) return true
  if (WHO_APPLIES_ASKED.test(question.folded) && traits.applicant) return true
  if (CHECK_ASKED.test(question.folded) && traits.check) return true
  if (ACCEPTANCE_ASKED.test(question.folded) && traits.acceptance) return true
  // Where to go to get it done is asked of the steps that start at an office ("五、怎样申请"), not of a heading
  // where 办理 names the matter ("“无需办理”和“免予办理”不是一回事", "办理规模"); so is whether it can be done online.
  const online = ONLINE_ASKED.test(question.folded)
  const shape = WHERE_TO_DO.test(question.folded) || online ? traits.shapeBesidesDoing : traits.shape
  // Whether it can be done online ("投诉能网上提交吗", "免办证明可以在网上申请吗") asks the way it is done: the
  // routes open, or the steps of applying that name the system, not a sibling sharing the matter's words.
  if (online && (traits.routes || shape === 'procedure')) return true
  if (question.shape === 'fact' || question.shape === 'general' || shape !== question.shape) return false
  // Two lists are alike only when they list the same kind of thing: "哪几种情况" ~ "哪些情形", not "哪些材料".
  const asked = question.shape === 'list' ? listedOf(question.folded) : null
  return !asked || !traits.listed || [...asked].some((char) => traits.listed?.includes(char))
}

/** What a heading says of the question it answers: the same for every question, so read once per heading. */
type HeadingTraits = {
  types: AnswerType[]
  shape: AnswerShape
  /** The shape with 办理 left out, for a question that asks where or whether online to get it done. */
  shapeBesidesDoing: AnswerShape
  consequence: boolean
  timeLimit: boolean
  howOften: boolean
  routes: boolean
  applicant: boolean
  check: boolean
  acceptance: boolean
  listed: string | null
  /** The last level of the heading, without a bracketed note: what it is about. */
  topic: string
}

const headingTraits = new Map<string, HeadingTraits>()
const HEADING_CACHE_SIZE = 20_000

// Every candidate passage's headings are weighed against every question: reading them once is a tenth of a turn.
function headingTraitsOf(heading: string): HeadingTraits {
  const known = headingTraits.get(heading)
  if (known) return known
  const folded = foldText(heading)
  const types = answerTypesOf(folded)
  const traits: HeadingTraits = {
    types,
    shape: answerShapeOf(folded, types),
    shapeBesidesDoing: answerShapeOf(folded.replaceAll('办理', ''), types),
    consequence: CONSEQUENCE_NAMED.test(folded),
    timeLimit: TIME_LIMIT_NAMED.test(folded),
    howOften: HOW_OFTEN_NAMED.test(folded),
    routes: ROUTES_NAMED.test(folded),
    applicant: APPLICANT_NAMED.test(folded),
    check: CHECK_NAMED.test(folded),
    acceptance: ACCEPTANCE_NAMED.test(folded),
    listed: listedOf(folded),
    topic: foldText(heading.split(' > ').at(-1) ?? heading).replace(/[（(][^）)]*[）)]$/, ''),
  }
  if (headingTraits.size >= HEADING_CACHE_SIZE) headingTraits.clear()
  headingTraits.set(heading, traits)
  return traits
}

// The one thing a question asks for by name: "活动主题是啥" → 主题, "定了什么目标" → 目标, "主题是怎么写的" → 主题. Not a word that asks
// for whatever the passage requires (要求, 规定: src/query/concepts.ts) or says (内容, 情况).
const THING_ASKED = /(\p{Script=Han}{2})(?:是啥|是什么|叫什么|叫啥|是?怎么(?:写|说)的)|(?:什么|啥)(\p{Script=Han}{2})/u
const VAGUE_THING = /^(?:要求|规定|职责|内容|情况|问题|东西|意思|办法)$/

/**
 * "活动主题是啥", "对工程质量定了什么目标": a heading that is the thing asked for ("二、活动主题", "（二）主要目标
 * （到2025年）") is where it stands, while one that only uses the word ("1．举办…“质量月”主题活动") is about
 * something else: a Chinese heading ends with what it is about. A list question ("有什么活动") wants
 * every item, not the one headed so.
 */
function headingIsTheThingAsked(question: { folded: string; shape: AnswerShape }, heading: HeadingTraits): boolean {
  if (question.shape === 'list') return false
  const match = THING_ASKED.exec(question.folded)
  const thing = match?.[1] ?? match?.[2]
  if (!thing || VAGUE_THING.test(thing)) return false
  return heading.topic.endsWith(thing)
}

/** What a list question asks to be listed: "情况" in "哪几种情况下", "材料" in "要交哪些材料". */
const listedOf = (folded: string): string | null =>
  folded.match(/(?:哪些|哪几[种类项个]?|什么|啥)([\u4e00-\u9fa5]{2})/)?.[1] ?? null

// What a sentence that answers a question word holds, when no answer type says it: a cause for "为什么",
// a way open to the asker for "怎么办", a place or office for "哪里", a number for "多少". ("谁" has
// none: a name cannot be told from other words, and the roles that introduce one — 人, 家 — are in most
// sentences.) A preference among the sentences of a passage, never a gate. A place is not told by 路 or 街, which stand in 铁路, 道路, 商路
// more often than in a place's name (a street address has its own answer type).
const CUES: Array<[RegExp, RegExp]> = [
  // How a name came about ("海淀这个地名是怎么来的", "外号是怎么来的", "为什么叫公孙树"): told by the sentence that
  // says where the name comes from ("海淀之名源于…", "…因此俗称“九节狼”", "…而得名"), not by one that merely
  // uses the name or the word 名字. Before 为什么, whose causes (因为, 由于) a naming sentence often lacks.
  [
    NAME_ORIGIN_ASKED,
    /得名|之名|名(?:字|称)?(?:即|就)?(?:由此|来源|源于|源自|来自)|由此而来|故名|故称|(?:因此|所以|因而)(?:俗|又|被)?(?:称|叫)|命名|(?:叫作|叫做|称作|取名|起名)“/,
  ],
  // A clause that opens with 为 and ends at a comma states a purpose: "为阻止日军南下，…将大桥炸毁".
  [
    /为什么|为何|为啥|什么原因|怎么会/,
    /因为|由于|因此|所以|导致|为了|以便|从而|原因|(?<!基)因(?![此素])|(?:^|[，,])为\p{Script=Han}{2,20}[，,]/u,
  ],
  // What a thing is or means ("便捷通道到底是啥意思", "首席质量官指的是什么"): told by the sentence defining it
  // ("便捷通道是什么：…便捷通道是…", "…是指…"), not by one that only names it in passing.
  [
    /(?:啥|什么)意思|是指(?:什么|啥)|指的是(?:什么|啥)|(?:到底|究竟)是(?:什么|啥)/,
    /是指|指的是|是什么[:：]|意思是|即为|就是指|是一种/,
  ],
  // A direction asked ("往哪边歪", "朝哪个方向") is told by one ("向东北方向倾斜"), not by a place.
  [/(?:往|朝|向)哪(?:边|个方向|面)|哪个方向/, /[东南西北]{1,2}(?:方向|方|侧|面|边)|(?:向|往|朝)[东南西北]/],
  [
    /哪里|哪儿|在哪|去哪|何处|什么地方|哪个(地方|城市|国家|省|县|区)/,
    /[省市县区镇乡村州岛]|部门|机关|窗口|网站|平台|系统|所在地|位于|地址/,
  ],
  // "调解不成还能咋办", "商家不认账怎么办": what the asker can still do, told by the way open to them
  // ("还可以通过仲裁…"), not by the rule that put them there.
  [/(?:怎么|咋|怎样|如何)办|还能(?:怎么|咋)/, /可以|可通过|途径|渠道|方式/],
  [
    /多少|几[个种类项条次年天位名家座所股块]|多大|多高|多长|多远|多重/,
    /[0-9]|[一二三四五六七八九十百千万两][个种类项条次年天位名家座所股块万亿余多]|百分之/,
  ],
]

const NUMBER = '[0-9零〇一二三四五六七八九十百千万亿两半余多几点.]'
// "几次", "多少幅", "多长": the answer is a number in the same measure ("七次", "一百二十三幅", "一点五米").
const MEASURES: Array<[RegExp, string]> = [
  [/多大(?:年纪|岁数)?[的了呢?？]*$|几岁|多少岁|年纪/, '岁'],
  // A film or a piece of music is as long as its minutes ("全片长一百七十一分钟").
  [/多长(?!时间)|多远|多宽|多深|多高|长度|高度/, '(?:米|公里|千米|厘米|毫米|里|尺|丈|英尺|英里|光年|分钟)'],
  [/多重|体重|重量/, '(?:克|千克|公斤|斤|吨|磅)'],
  [/多大|面积/, '(?:平方|亩|公顷|尺|米)'],
]
const COUNTED = /(?:多少|几)([个种类项条次位名家座所股块枚颗幅卷字件只头届场部册篇首处米人])/
// "哪本书", "什么著作": the answer is a title in 《》.
const TITLED = /(?:哪|什么)(?:一?本|一?部|篇)?(?:书|古书|著作|作品|典籍|兵书|小说|诗|杂志|报纸)|书名/

/**
 * What the sentence that answers holds: `exact` when it is the asked thing's own form — a number in the
 * measure asked ("几次" → "七次"), a title for "哪本书" — rather than a word that often goes with it.
 */
export type AnswerCue = { holds: RegExp; exact: boolean }

const ENUMERATION = /[^、，]+、[^、，]+、|[^；]+；[^；]+；/

// Who decided a thing: its issuance or a body deciding it. Built once: the cue is asked of every passage.
const DECIDER_TOLD = new RegExp(`${ISSUANCE_TOLD.source}|${BODY_DECIDING.source}`)

/** What the sentence that answers the question holds (see CUES); null when nothing in particular. */
export function answerCueOf(question: { folded: string; shape: AnswerShape }): AnswerCue | null {
  // "纲要是谁定的": the sentence telling the issuance ("由中共中央、国务院印发"), not one naming the document.
  if (asksDecider(question.folded)) return { holds: DECIDER_TOLD, exact: false }
  if (asksIssuance(question.folded)) return { holds: ISSUANCE_TOLD, exact: false }
  // "3C归哪个部门管": the sentence naming a body that does something, not one where a body is only named.
  if (BODY_ASKED.test(question.folded)) return { holds: BODY_ACTING, exact: false }
  if (question.shape === 'list') return { holds: ENUMERATION, exact: false }
  const unit = COUNTED.exec(question.folded)?.[1] ?? MEASURES.find(([asks]) => asks.test(question.folded))?.[1]
  // "第一个洞窟" numbers one thing; it does not count them.
  if (unit) return { holds: new RegExp(`(?<!第)${NUMBER}+\\s*${unit}`), exact: true }
  if (TITLED.test(question.folded)) return { holds: /《[^》]+》/, exact: true }
  const holds = CUES.find(([asks]) => asks.test(question.folded))?.[1]
  return holds ? { holds, exact: false } : null
}
