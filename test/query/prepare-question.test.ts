import { describe, expect, it } from 'vitest'
import { answerCueOf, asksAlike, givesAnswerTypes, identifiersOf } from '../../src/query/answer-types.ts'
import { prepareQuestion } from '../../src/query/prepare-question.ts'
import { createVocabulary } from '../../src/retrieval/vocabulary.ts'
import type { Glossary } from '../../src/text/glossary.ts'
import { questionsOver } from '../support/questions.ts'

const glossary: Glossary = {
  groups: [['免予办理', '免办', 'ccc免办']],
  english: [
    ['weighing scale', '电子秤'],
    ['how often', '多久一次'],
    ['verified', '强制检定'],
  ],
}
const vocabulary = createVocabulary(['电子秤强制检定周期为一年', '免予办理强制性产品认证需要提交材料'])
const prepare = (text: string) => prepareQuestion(text, { glossary, vocabulary })
const typeNames = (text: string) => prepare(text).answerTypes.map((type) => type.name)
// The words no passage need say: how the question is put, or who asks.
const fillers = (text: string) =>
  prepare(text)
    .concepts.filter((concept) => concept.filler)
    .map((concept) => concept.word)
const alike = (question: string, heading: string) => asksAlike(prepare(question), heading)

describe('prepareQuestion', () => {
  it('reads the shape of answer asked for', () => {
    expect(prepare('质量月有哪些活动？').shape).toBe('list')
    expect(prepare('CCC免办的办理流程是怎样的').shape).toBe('procedure')
    expect(prepare('投诉要多久才有结果？').shape).toBe('fact')
    expect(prepare('投诉和举报有什么区别').shape).toBe('difference')
    // Disagreeing (不同意) is no difference asked.
    expect(prepare('调解的时候卖家死活不同意退款，下一步咋弄').shape).not.toBe('difference')
    expect(prepare('3C认证是什么意思？').shape).toBe('definition')
    // "哪几种情况" asks for the cases, "有几种" for their number; a comparison wants the rows side by side.
    expect(prepare('哪几种情况下可以申请CCC免办？').shape).toBe('list')
    expect(typeNames('免办情形一共有几种？')).toEqual(['count'])
    expect(prepare('上海定的目标跟国家比怎么样？').shape).toBe('difference')
    // What relates to a matter is every item that does; the relation word only puts the matter.
    const related = prepare('质量月方案里跟CCC免办有关的安排是什么')
    expect(related.shape).toBe('list')
    expect(related.concepts.find((c) => c.word === '有关')?.filler).toBe(true)
    expect(prepare('有关部门是什么意思').concepts.find((c) => c.word === '有关')?.filler).toBe(false)
  })

  it('reads things to be listed told after whom or what they are for as a list', () => {
    // Answered by every item of the plan that answers (24 体验, 21 开放日, 25 惠民便民), not the first alone.
    expect(prepare('质量月有什么老百姓能参加的活动').shape).toBe('list')
    expect(prepare('我们就十来个人的小厂 质量月有啥帮扶小微企业的活动').shape).toBe('list')
    // One thing asked after 有什么 is no list, nor a clause that runs past a comma.
    expect(prepare('有什么要注意的吗').shape).not.toBe('list')
    expect(prepare('有什么问题，找哪个部门的').shape).not.toBe('list')
  })

  it('reads the day of a weekly slot as a day asked, and a head count told roughly as the asker’s business', () => {
    expect(typeNames('这个电视节目每周哪天播')).toEqual(['day'])
    expect(typeNames('星期几开门')).toEqual(['day'])
    expect(typeNames('我们就十来个人的小公司，也能做9001认证吗')).toEqual(['eligibility'])
    expect(typeNames('四十来号人的厂也能做吗')).toEqual(['eligibility'])
    expect(fillers('我们就十来个人的小公司，也能做9001认证吗')).toContain('十来个')
  })

  it('reads a wait told in everyday units as days, judged in a section on time limits', () => {
    expect(typeNames('投诉交上去一个礼拜了还没人理，正常吗')).toEqual(['days'])
    expect(typeNames('调解拖了快两个月了还没谈成')).toEqual(['days'])
    expect(typeNames('等了十来天还没消息')).toEqual(['days'])
    // A length of time asked about is no wait told; nor is a while asked leave for.
    expect(typeNames('检定周期是一个月吗')).toEqual([])
    expect(typeNames('秤检定没通过，能不能先凑合用几天')).toEqual([])
    expect(typeNames('几天能拿回来')).toEqual(['duration', 'days'])
    expect(alike('投诉交上去一个礼拜了还没人理，正常吗', '五、监管部门的处理时限')).toBe(true)
    expect(alike('投诉交上去一个礼拜了还没人理，正常吗', '六、哪些投诉不予受理')).toBe(false)
    // Whether a complaint is still taken is asked of the section on what is not taken, not of a tip naming its limit.
    expect(alike('三年多前就被坑了，一直拖着没管，现在还能去投诉吗', '六、哪些投诉不予受理')).toBe(true)
    expect(alike('三年多前就被坑了，一直拖着没管，现在还能去投诉吗', '七、办事小贴士')).toBe(false)
  })

  it('reads the state the asker tells a thing is in, not a thing that is merely new', () => {
    const kinds = (text: string) => prepare(text).states.map((state) => state.kind)
    expect(kinds('水果店刚买了台新电子秤，还要检定吗')).toEqual(['new'])
    expect(kinds('检定没通过的电子秤修好以后能接着用吗')).toEqual(['failed', 'repaired'])
    expect(kinds('免办证明批下来以后去哪看')).toEqual(['approved'])
    expect(kinds('免办进口的测试样品测完了，能送给客户吗')).toEqual(['finished'])
    expect(kinds('摊位上的秤送去检定没通过，还能接着用吗')).toEqual(['failed'])
    expect(kinds('秤检完合格了，怎么看出来它检过')).toEqual(['passed'])
    expect(kinds('检好了秤上有什么标志')).toEqual(['passed'])
    expect(kinds('检完秤上会贴个啥')).toEqual(['passed'])
    // Told before a penalty asked, the state is the offence: the section on consequences answers.
    expect(kinds('检定不合格的秤继续用会被怎么罚')).toEqual([])
    // Buying a new scale is what is asked about, not a state it is in; nor is a certificate or a repair hoped for.
    expect(kinds('买新秤的时候没有CPA标志的能买吗')).toEqual([])
    expect(kinds('拿证要多久')).toEqual([])
    expect(kinds('多久能修好')).toEqual([])
    expect(kinds('多久能检好')).toEqual([])
  })

  it('reads a doing on goods held as asking what may be done with them, not a trade or an errand', () => {
    const asksUse = (text: string) => prepare(text).asksUse
    expect(asksUse('免办进来的货用不完，能不能卖掉一部分回点本？')).toBe(true)
    expect(asksUse('展会结束后能不能直接卖给来看展的客户')).toBe(true)
    expect(asksUse('测试样机测完了，能不能送给我们的老客户')).toBe(true)
    expect(asksUse('按生产线配套申请的设备，想改作他用行不行')).toBe(true)
    // The business's own staff taking the goods home, or the goods sold off cheap, is a sale all the same.
    expect(asksUse('测试用的打印机测完了，公司员工想便宜点买回家可以吗')).toBe(true)
    // A buyer's own purchase is no doing on goods the business holds.
    expect(asksUse('在超市买回家的酸奶过期了怎么投诉')).toBe(false)
    // Selling as the asker's trade, or taking a scale to be checked, does nothing to goods held.
    expect(asksUse('开店卖家电的要做3C认证吗')).toBe(false)
    expect(asksUse('销售单位要配备质量安全员吗')).toBe(false)
    expect(asksUse('摊位上的秤送去检定没通过，还能接着用吗')).toBe(false)
  })

  it('reads how, where and by what means to complain or report as asking the way in, not what the complaint needs or how it differs', () => {
    const asked = [
      '怎么举报',
      '如何投诉',
      '投诉怎么弄啊',
      '举报的方式有哪些',
      '举报一般走什么渠道',
      '投诉举报在哪里提交',
      '请问怎样向市场监管局投诉商家',
      '举报打哪个电话',
      '消费者维权可以走哪些途径',
      '怎样进行投诉',
      '投诉电话多少',
      '有什么办法可以投诉',
    ]
    // The difference, the materials, the time limits, which office handles it, how a report goes once made.
    const notAsked = [
      '怎么区分投诉和举报',
      '投诉要准备哪些材料',
      '投诉多久能受理',
      '网购投诉由哪里的市场监管部门处理',
      '举报商家可以不留名字吗',
    ]
    expect(asked.filter((text) => !prepare(text).asksWayIn)).toEqual([])
    expect(notAsked.filter((text) => prepare(text).asksWayIn)).toEqual([])
  })

  it("reads a buyer's what-to-do about the other side as asking their recourse, not a report's procedure or a stallholder's own scale", () => {
    const asked = [
      '怀疑菜场摊主的秤不准，我该怎么办？',
      '在楼下水果店买的苹果回家一称少了二两，想举报他',
      '卖家不退钱，调解也不成，我可以去法院起诉吗',
      '商家不认账，除了找市场监管局还有什么途径',
    ]
    // How a report goes once made, the bureau as 他们, and the asker's own scale or business are not a way out.
    const notAsked = [
      '举报商家可以不留名字吗',
      '实名举报以后他们会通知我吗',
      '我是摆摊卖菜的，自己的秤好像不准了，该怎么办',
      '厂里要搞ISO认证，我当老板的自己要做些什么',
    ]
    expect(asked.filter((text) => !prepare(text).asksRecourse)).toEqual([])
    expect(notAsked.filter((text) => prepare(text).asksRecourse)).toEqual([])
  })

  it("reads whether the bureau will tell the asker as the guides' 告知, and a bare 告诉我 as putting the question", () => {
    const words = (text: string) => prepare(text).concepts.map((concept) => concept.word)
    expect(words('实名举报以后会告诉我处理结果吗')).toContain('告知')
    expect(words('他们查完会告诉我结果吗')).toContain('告知')
    expect(words('请告诉我投诉电话')).not.toContain('告知')
  })

  it('reads weighing again what was weighed out as a buyer asking their recourse, and the case before it as scene', () => {
    // Only a buyer weighs again what a seller weighed: no 买 is needed to say who asks.
    const asked = [
      '超市的秤一直不准，我去哪里复称？',
      '菜市场的秤不准去哪里称一下',
      '在菜场买的肉分量不够，能找个地方再称一下吗',
    ]
    expect(asked.filter((text) => !prepare(text).asksRecourse)).toEqual([])
    const sceneOf = (text: string) =>
      prepare(text)
        .concepts.filter((concept) => concept.scene)
        .map((concept) => concept.word)
    const scene = sceneOf('超市的秤一直不准，我去哪里复称？')
    expect(scene).toEqual(expect.arrayContaining(['超市', '不准']))
    expect(scene).not.toContain('复称')
    // Asked as yes/no, the place to weigh again is still what is asked; the case is scene.
    expect(sceneOf('在菜场买的肉分量不够，能找个地方再称一下吗')).toContain('分量')
    // A stallholder's own scale is not weighed again by a buyer.
    expect(prepare('我是摆摊卖菜的，自己的秤不准了，去哪里称一下').asksRecourse).toBe(false)
  })

  it("reads a buyer's whom-to-turn-to, asked without naming a route, as asking the complaint's route, and the case told before it as scene", () => {
    const story = prepare('上个月在超市买了一箱牛奶 回家发现过期了 店长不承认 我就想让他退钱 现在应该打哪个电话')
    expect(story.asksRecourse).toBe(true)
    // The route is searched for and has to be said by the passage: the case is not.
    expect(story.folded).toMatch(/投诉举报$/)
    expect(story.searchWords).toContain('投诉')
    const scene = story.concepts.filter((concept) => concept.scene).map((concept) => concept.word)
    expect(scene).toEqual(expect.arrayContaining(['牛奶', '店长', '退钱']))
    expect(scene).not.toContain('电话')
    expect(prepare('超市买的坚果回家一称少了一两，可以找谁').folded).toMatch(/投诉举报$/)
    // A route named by the asker needs nothing added; nor does one's own scale, nor a question with no buyer in it.
    const unchanged = [
      '超市买的坚果少了一两，找谁投诉',
      '我是摆摊卖菜的，自己的秤不准了，找谁修',
      '电子秤检定找哪个部门',
    ]
    expect(unchanged.filter((text) => prepare(text).folded.endsWith('投诉举报'))).toEqual([])
  })

  it('reads what a thing is for as asked, not as the asker telling their trade', () => {
    // "我们是做…的" tells who asks; "…是干嘛的" asks what the thing does.
    expect(fillers('质量开放日是干嘛的，普通市民能进企业参观吗')).not.toContain('质量开放日')
    expect(fillers('我们是做电线的，要配质量安全员吗')).toContain('电线')
  })

  it('drops the one-character thing jieba glues to a measure (那批货)', () => {
    const words = prepare('免办进来的那批货用不完').concepts.map((concept) => concept.word)
    expect(words).not.toContain('批货')
    expect(words).toContain('免办')
  })

  it('reads having heard nothing yet as a wait told, whose words no passage need say', () => {
    expect(fillers('我举报的事到现在还没动静，一般多少天会有个说法')).toContain('没动静')
    expect(fillers('投诉交上去以后一直没回音，要等多久')).toContain('回音')
    // Said of something else, the words are the matter: a scale that shows nothing is no wait.
    expect(fillers('电子秤放上去没动静是坏了吗')).not.toContain('没动静')
  })

  it('reads a wish to take a case to the bureau, then a bare how or whom, as asking the way in, the story before it as scene', () => {
    const scene = (text: string) =>
      prepare(text)
        .concepts.filter((concept) => concept.scene)
        .map((concept) => concept.word)
    const named = prepare('奶茶里喝出一根塑料丝，想举报这家店，咋弄')
    expect(named.asksWayIn).toBe(true)
    expect(scene('奶茶里喝出一根塑料丝，想举报这家店，咋弄')).toEqual(expect.arrayContaining(['奶茶', '塑料']))
    // The complaint word stays asked, and a wish that names one needs no route added.
    expect(scene('奶茶里喝出一根塑料丝，想举报这家店，咋弄')).not.toContain('举报')
    expect(named.folded).not.toMatch(/投诉举报$/)
    // In the citizen's words (反映, 让监管去查) the route is the guides' to name; the bare ask is no topic of its own.
    const told = prepare('小店卖的充电器连3C标志都没有，想去反映，该找谁')
    expect(told.folded).toMatch(/投诉举报$/)
    expect(told.concepts.find((concept) => concept.word === '谁')?.filler).toBe(true)
    expect(scene('小店卖的充电器连3C标志都没有，想去反映，该找谁')).toContain('充电器')
    expect(prepare('每次回家称都差一点，想让市场监管去查他，要怎么弄').folded).toMatch(/投诉举报$/)
    expect(prepare('我们厂的插座没做认证就卖了，想反映一下该找谁').asksWayIn).toBe(true)
    // No story told, or an ask of more than how (材料, 多久), is not this form.
    const notWish = ['想举报，咋弄', '水果摊缺斤少两，想举报他，要带什么材料', '调解老是没结果，我想投诉，多久有结果']
    expect(notWish.filter((text) => prepare(text).folded.endsWith('投诉举报'))).toEqual([])
    expect(scene('水果摊缺斤少两，想举报他，要带什么材料')).not.toContain('他')
  })

  it("reads a question about a document's own issuance: when or by whom it was issued or put in force", () => {
    const asked = [
      '质量强国建设纲要是哪个机关印发的',
      '75号令是由哪个单位发布的',
      '销售单位那个规定啥时候生效的',
      '纲要是谁定的',
    ]
    // A certificate issued, a press conference, and a when of something else are not.
    const notAsked = ['认证证书由谁颁发', '国新办发布会上说了什么', '免办证明多久能批下来', '质量月什么时候开始']
    expect(asked.filter((text) => !prepare(text).asksIssuance)).toEqual([])
    expect(notAsked.filter((text) => prepare(text).asksIssuance)).toEqual([])
    // The verb puts the question: the passage on the issuance may say it in another (印发, 播发). Who set a cycle
    // asks no document's issuance, so 定 stays a word to be said.
    expect(fillers('质量强国纲要什么时候对外发布的')).toEqual(expect.arrayContaining(['对外', '发布']))
    expect(fillers('检定周期是由谁来定的')).not.toContain('定')
    // Its date or issuer is told by the passage on the issuance, not by any date.
    expect(typeNames('质量强国纲要什么时候发布的')).toEqual(['issuance'])
    expect(typeNames('检定周期是由谁来定的')).not.toContain('issuance')
  })

  it('reads a question about what a rule requires of someone: a requirement noun or a duty asked for', () => {
    const asked = [
      '76号令对销售企业有什么要求',
      '75号令要求企业做哪些事',
      '销售单位按规定要建立什么制度',
      '厂里按75号令得配啥人',
      '生产单位要履行哪些义务',
    ]
    // Asking what a mechanism is, what a thing is for, or a yes/no about a duty does not ask for the duties.
    const notAsked = ['日管控是什么意思', '75号令是管什么的', '卖家电的门店要设质量安全总监吗', '免办证明多久能批下来']
    expect(asked.filter((text) => !prepare(text).asksRequirement)).toEqual([])
    expect(notAsked.filter((text) => prepare(text).asksRequirement)).toEqual([])
    // 要求 followed by a doing asked asks for the duties, as "有什么要求" does; named as a matter, it does not.
    const requested = (text: string) => prepare(text).concepts.find((concept) => concept.word === '要求')?.requested
    expect(requested('75号令要求质量安全员干什么')?.test('须建立')).toBe(true)
    expect(requested('这个要求合理吗')).toBeNull()
  })

  it('takes the merchant a buyer asks what to do about as whom they are up against, not what is asked', () => {
    const merchant = (text: string) => prepare(text).concepts.find((concept) => concept.word === '商家')
    expect(merchant('商家不来参加调解怎么办')?.filler).toBe(true)
    // Not a way out asked: the merchant is the matter ("商家的地址" of the complaint form).
    expect(merchant('投诉的时候商家地址写错了会不受理吗')?.filler).toBe(false)
  })

  it('reads spoken 要收钱吗 as asking a fee, which who bears a cost (费用由谁承担) does not give', () => {
    expect(typeNames('打12315投诉要收钱吗')).toEqual(['amount'])
    expect(typeNames('店家乱收钱能投诉吗')).toEqual([])
    const fee = prepare('打12315投诉要收费吗').answerTypes
    expect(givesAnswerTypes(fee, '检定检验检测鉴定或者费用由谁承担无法协商一致')).toBe(false)
    expect(givesAnswerTypes(fee, '商户申请强检不需要交检定费')).toBe(true)
  })

  it('reads spoken 多会儿 as 多久, a length of time', () => {
    expect(typeNames('投诉以后多会儿能有结果')).toContain('duration')
  })

  it('reads years told or asked as years, which the days of a procedure do not give', () => {
    expect(typeNames('过了好几年了还能投诉吗')).toContain('years')
    expect(typeNames('东西买了四年了，还能投诉吗')).toEqual(['years'])
    // Time gone by without a number asks the same; its words are no topic a passage must say.
    expect(typeNames('隔了这么久还能投诉吗')).toEqual(['years'])
    expect(
      prepare('过了好多年了还能投诉吗')
        .concepts.filter((c) => !c.filler)
        .map((c) => c.word),
    ).toEqual(['投诉'])
    expect(givesAnswerTypes(prepare('过了好几年了还能投诉吗').answerTypes, '收到投诉之日起7个工作日内')).toBe(false)
    expect(givesAnswerTypes(prepare('过了好几年了还能投诉吗').answerTypes, '已超过三年')).toBe(true)
    // A year of the calendar is a date, not a span.
    expect(typeNames('2023年的方案还有效吗')).not.toContain('years')
  })

  it('reads the time between two events as given by both their dates, and waiting in a procedure as a length', () => {
    const types = prepare('规定公布以后过了多长时间才施行').answerTypes
    expect(types.map((type) => type.name)).toEqual(['interval'])
    expect(givesAnswerTypes(types, '于2023年4月4日公布，自2023年5月5日起施行')).toBe(true)
    expect(givesAnswerTypes(types, '自2023年5月5日起施行')).toBe(false)
    // The words that put the span are no topic a passage must say.
    expect(
      prepare('规定公布以后过了多长时间才施行')
        .concepts.filter((c) => c.filler)
        .map((c) => c.word),
    ).toContain('以后')
    expect(typeNames('投诉以后要多久才有结果')).toEqual(['duration'])
  })

  it('reads whether a business of the asker’s kind or size may do a thing as asking whom it is open to', () => {
    const types = prepare('我们是八个人的装修公司，也可以申请免办吗').answerTypes
    expect(types.map((type) => type.name)).toEqual(['eligibility'])
    expect(givesAnswerTypes(types, '各种类型、各种规模的组织都可以采用')).toBe(true)
    expect(givesAnswerTypes(types, '先对照目录确认产品是否属于CCC范围')).toBe(false)
    expect(typeNames('个人也能投诉吗')).not.toContain('eligibility')
  })

  it('reads a business described in everyday words, then asked whether it too may, as asking whom the thing is open to', () => {
    expect(typeNames('我们就是开个小面馆的，又不是工厂，也能去做9001吗')).toEqual(['eligibility'])
    expect(typeNames('我们是开理发店的，就十来个人，也能搞质量管理体系认证吗')).toEqual(['eligibility'])
    // Told as what they count as, or called a 商家.
    expect(typeNames('作为一家小面馆，也能去做9001认证吗')).toEqual(['eligibility'])
    expect(typeNames('像我们这种小理发店，也可以搞质量管理体系认证吗')).toEqual(['eligibility'])
    expect(typeNames('我们是外卖商家，也能申请质量管理体系认证吗')).toEqual(['eligibility'])
    expect(typeNames('我们是做设计的小工作室，不卖东西，也能做9001吗')).toEqual(['eligibility'])
    // The too after a yes/no form, as typed on a phone.
    expect(typeNames('我们是做同城配送的，就十来个人，能不能也去搞个9001')).toEqual(['eligibility'])
    expect(typeNames('我们是开花店的，可不可以也申请质量管理体系认证')).toEqual(['eligibility'])
    // The ask opens its clause: "秤坏了也能继续用吗" asks of the scale, not of the shop.
    expect(typeNames('我们是开水果店的，秤坏了也能继续用吗')).not.toContain('eligibility')
  })

  it('takes the kind the asker says they are not, after saying what they are, for who asks', () => {
    expect(fillers('我们就是开个小面馆的，又不是工厂，也能去做9001吗')).toEqual(
      expect.arrayContaining(['面馆', '不是', '工厂', '去']),
    )
    // Said on its own, what the asker is not may be what the question turns on.
    expect(fillers('我们不是工厂，也能做9001吗')).not.toContain('工厂')
    // Going where, or to what end, is asked: only going to do it (去做, 去申请) puts the question.
    expect(fillers('秤坏了拿去修一次多少钱')).not.toContain('去')
    // Asked whether they too may, how many they are tells who asks as well; so does a 铺 as a 店.
    expect(fillers('我们公司是做物流的，员工就六个，也能申请9001认证吗')).toEqual(
      expect.arrayContaining(['物流', '员工', '六个']),
    )
    expect(fillers('我家开了个肉铺，称肉的秤多久检一次')).toContain('肉铺')
  })

  it('reads an order named in Chinese numerals in digits, and leaves a day of the month alone', () => {
    expect(prepare('七十五号令啥时候施行').orderNumbers).toEqual([75])
    expect(prepare('总局令第七十六号管什么').orderNumbers).toEqual([76])
    expect(prepare('九月十一号开会吗').folded).toContain('十一号')
  })

  it('takes a word the documents never use that holds a question word as asking, not as a topic', () => {
    const filler = (text: string, word: string) => prepare(text).concepts.find((c) => c.word === word)?.filler
    expect(filler('免办由谁来提申请', '由谁来')).toBe(true)
    expect(filler('电子秤强制检定周期为一年', '电子秤')).toBe(false)
  })

  it('takes a place the documents name throughout as their setting, not a matter', () => {
    const store = createVocabulary(['浦东的帮扶资源', '浦东新区的特别举措', '免办工作由海关移交市场监管部门', '电子秤'])
    const setting = (text: string, word: string) =>
      prepareQuestion(text, { glossary, vocabulary: store }).concepts.find((c) => c.word === word)?.setting
    expect(setting('浦东哪里有好吃的', '浦东')).toBe(true)
    // Said as often, a word that is no place is a matter.
    expect(setting('浦东有什么帮扶', '帮扶')).toBe(false)
  })

  it('takes seeking before a question word (找哪里, 找谁) as putting the question, not as a topic', () => {
    const filler = (text: string, word: string) => prepare(text).concepts.find((c) => c.word === word)?.filler
    expect(filler('网购的东西坏了，商家在外地，找哪里投诉', '找')).toBe(true)
    expect(filler('秤不准找谁', '找')).toBe(true)
  })

  it('takes going there to get the thing done (去哪里办, 拿到哪里去检) as putting the question, not another errand', () => {
    const filler = (text: string, word: string) => prepare(text).concepts.find((c) => c.word === word)?.filler
    expect(filler('要去哪里办？', '去')).toBe(true)
    expect(filler('那要拿到哪里去检', '拿到')).toBe(true)
    expect(filler('那要拿到哪里去检', '去')).toBe(true)
    // Where to look a thing up is where to turn too: the guide names the system, never the going.
    expect(filler('免办证明批下来了去哪儿看', '去')).toBe(true)
    // Where to go for an errand no guide may speak of keeps its words: its gates judge it.
    expect(filler('小区装充电桩需要去哪里备案', '去')).toBe(false)
  })

  it('takes going to do an errand (去投诉, 去举报, 去检) as no topic: the guide says the errand, not the going', () => {
    const filler = (text: string, word: string) => prepare(text).concepts.find((c) => c.word === word)?.filler
    expect(filler('我想帮我妈去投诉，要带些什么', '去')).toBe(true)
    expect(filler('秤买回来多久要去检', '去')).toBe(true)
    expect(filler('免办证明弄丢了去哪补', '去')).toBe(false)
  })

  it('takes a light verb before the thing done (想做ISO9001认证) as no topic, but not a doing told or asked', () => {
    const filler = (text: string, word: string) => prepare(text).concepts.find((c) => c.word === word)?.filler
    expect(filler('我们公司想做ISO9001认证，找哪家机构', '做')).toBe(true)
    expect(filler('在网上卖自己做的辣椒酱，要办什么食品许可吗', '做')).toBe(false)
    expect(filler('获证以后还要做什么', '做')).toBe(false)
  })

  it('reads the spoken 哪儿 as the written 哪里', () => {
    expect(prepare('免办证明去哪儿申请').folded).toBe('免办证明去哪里申请')
  })

  it('finds the section titled by the question it answers', () => {
    expect(alike('多长时间要检一回？', '四、多久检一次')).toBe(true)
    expect(alike('投诉处理要等多久？', '五、监管部门的处理时限')).toBe(true)
    expect(alike('哪几种情况下可以申请免办？', '三、哪些情形可以申请免办')).toBe(true)
    expect(alike('小店的秤具体怎么操作强检？', '三、谁来申请，怎么申请')).toBe(true)
    // Both are lists, but of different things.
    expect(alike('申请免办要交哪些材料？', '三、哪些情形可以申请免办')).toBe(false)
    expect(alike('申请免办要交哪些材料？', '六、浦东新区的特别举措')).toBe(false)
  })

  it('finds the section about what follows from a failing, not the fee or the steps that share its words', () => {
    expect(alike('没去检会罚多少', '六、不检、超期或作弊的后果')).toBe(true)
    // "罚多少" asks an amount too, but of a penalty, not of the fee.
    expect(alike('没去检会罚多少', '五、要不要交费')).toBe(false)
    expect(alike('他要是不设咋处理', '六、不检、超期或作弊的后果')).toBe(true)
    expect(alike('乱发证书的认证机构会被怎么处理', '三、中小企业获证的一般步骤')).toBe(false)
    expect(prepare('乱发证书的认证机构会被怎么处理').shape).not.toBe('procedure')
  })

  it('reads a word jieba glued onto a glossary term as that term', () => {
    const scales: Glossary = { groups: [['电子秤', '秤']], english: [] }
    const words = prepareQuestion('秤坏了修好以后，还要重新检吗', { glossary: scales, vocabulary }).concepts.map(
      (concept) => concept.word,
    )
    expect(words).toContain('秤')
    expect(words).not.toContain('秤坏')
  })

  it('searches for the store’s words inside a word jieba glued, which no passage says', () => {
    // 木塔 is no word of jieba's dictionary: its guessing glues the verb before it. Searched as 盖木塔 only, the
    // full-text side finds nothing of the tower, and among many passages the tower's may not be fetched at all.
    const towers = createVocabulary(['整座木塔全部用木材建造，没有使用一根铁钉'])
    const question = prepareQuestion('盖木塔的时候用钉子没有', { glossary, vocabulary: towers })
    expect(question.words).not.toContain('木塔')
    expect(question.searchWords).toContain('木塔')
  })

  it('reads an abbreviation no passage says as the one full form the store says, searched as its words', () => {
    const expo = createVocabulary(['2010年上海世界博览会是第41届世界博览会', '园区内最醒目的建筑是中国国家馆'])
    const question = prepareQuestion('世博会一共来了多少人', { glossary, vocabulary: expo })
    expect(question.concepts.find((c) => c.word === '世界博览会')?.known).toBe(true)
    // The whole is no word of the store's text as jieba cut it (世界, 博览会), so its words are searched for.
    expect(question.searchWords).toEqual(expect.arrayContaining(['世界', '博览会']))
    expect(prepareQuestion('中国馆是谁设计的', { glossary, vocabulary: expo }).concepts.map((c) => c.word)).toContain(
      '中国国家馆',
    )
    // Two full forms leave it open which is meant; characters a few apart across a count are no full form.
    const two = createVocabulary(['湖南大学和湖北大学的学生'])
    expect(prepareQuestion('湖大在哪', { glossary, vocabulary: two }).concepts.map((c) => c.word)).toContain('湖大')
    const quake = createVocabulary(['这里发生过多次大地震'])
    expect(prepareQuestion('湖有多大', { glossary, vocabulary: quake }).concepts.map((c) => c.word)).not.toContain(
      '多次大地震',
    )
  })

  it('finds the section on how often a doing is due for a question whether it comes round again', () => {
    expect(alike('去年刚检过，今年还要再检定吗', '四、多久检一次')).toBe(true)
    expect(alike('修好以后还要重新检吗', '四、多久检一次')).toBe(true)
    expect(alike('修好以后还要重新检吗', '四、获证以后还要做什么')).toBe(false)
  })

  it('finds the steps that start at an office for where to get a thing done, not a heading naming 办理', () => {
    expect(alike('要去哪里办？', '五、怎样申请')).toBe(true)
    expect(alike('要去哪里办？', '二、“无需办理”和“免予办理”不是一回事')).toBe(false)
    expect(alike('要去哪里办？', '办理规模')).toBe(false)
    expect(alike('那要拿到哪里去检', '三、谁来申请，怎么申请')).toBe(true)
  })

  it('finds the section naming the routes for a question whether the asker may turn to a body', () => {
    expect(alike('还能去法院告他吗', '二、通过哪些渠道提出')).toBe(true)
    expect(alike('可以直接找消协吗', '二、通过哪些渠道提出')).toBe(true)
    expect(alike('还能去法院告他吗', '六、哪些投诉不予受理')).toBe(false)
    // What happens once it is handed in is the handling and its time limits, not the ways of handing it in.
    expect(alike('投诉交上去以后是个啥流程？', '五、监管部门的处理时限')).toBe(true)
    expect(alike('投诉交上去以后是个啥流程？', '二、通过哪些渠道提出')).toBe(false)
    expect(alike('法院判了吗', '二、通过哪些渠道提出')).toBe(false)
  })

  it('finds the heading that is the thing asked for, not one that only uses its word', () => {
    expect(alike('今年的主题是啥', '二、活动主题')).toBe(true)
    expect(
      alike('今年的主题是啥', '三、活动内容 > （一）以质量宣传为主线 > 1．举办 2023年度浦东新区“质量月”主题活动'),
    ).toBe(false)
    expect(alike('上海方案对工程质量定了什么目标', '一、明确总体要求 > （二）主要目标（到2025年）')).toBe(true)
    // A word that asks for whatever the passage requires names no heading of its own.
    expect(alike('纲要对物流服务提了什么要求', '二、总体要求')).toBe(false)
  })

  it('knows what the sentence answering a question word holds', () => {
    expect(answerCueOf(prepare('为什么第三代移动电话就难窃听'))?.holds.test('因此很难被窃听')).toBe(true)
    expect(answerCueOf(prepare('指数目标定的是多少？'))?.holds.test('指数要达到86')).toBe(true)
    expect(answerCueOf(prepare('免办现在去哪里申请？'))?.holds.test('向所在地市场监管部门提出申请')).toBe(true)
    expect(
      answerCueOf(prepare('质量基础设施包括哪几块？'))?.holds.test('涵盖计量、标准、认证认可、检验检测等方面'),
    ).toBe(true)
    expect(answerCueOf(prepare('这个规定好不好？'))).toBeNull()
    // The asked thing's own form: a number in the measure asked, a title for a book.
    expect(answerCueOf(prepare('郑和一共去了几次'))).toMatchObject({ exact: true })
    expect(answerCueOf(prepare('郑和一共去了几次'))?.holds.test('先后七次远航')).toBe(true)
    expect(answerCueOf(prepare('郑和一共去了几次'))?.holds.test('率领二万七千余人')).toBe(false)
    expect(answerCueOf(prepare('这座桥有多长'))?.holds.test('全长一千四百五十三米')).toBe(true)
    expect(answerCueOf(prepare('他那时候多大'))?.holds.test('年仅十二岁')).toBe(true)
    expect(answerCueOf(prepare('这件事记在哪本书里'))?.holds.test('据《梦溪笔谈》记载')).toBe(true)
    // A film is as long as its minutes; a direction asked wants one, not a place that names one (城西北).
    expect(answerCueOf(prepare('这部片子有多长'))?.holds.test('全片长一百七十一分钟')).toBe(true)
    expect(answerCueOf(prepare('木塔现在往哪边歪'))?.holds.test('二层以上明显向东北方向倾斜')).toBe(true)
    expect(answerCueOf(prepare('木塔现在往哪边歪'))?.holds.test('位于应县城西北的佛宫寺内')).toBe(false)
    // A name given in quotes is how it came about.
    expect(answerCueOf(prepare('周庄这个名字是怎么来的'))?.holds.test('便把这片地方叫作“周庄”')).toBe(true)
  })

  it("takes a code told in a report's case (3C, 9001) for the case, and a year told for a count", () => {
    const scene = (text: string) =>
      prepare(text)
        .concepts.filter((concept) => concept.scene)
        .map((concept) => concept.word)
    expect(scene('没有3C标志的充电宝在卖，怎么举报')).toContain('3c')
    expect(scene('发现有机构卖假的9001证书怎么举报')).toContain('9001')
    // How long ago decides whether a complaint is taken (the three-year limit): not scene.
    expect(scene('2019年买的冰箱坏了，怎么投诉')).not.toContain('2019')
    expect(scene('2019年买的冰箱坏了，怎么投诉')).toContain('冰箱')
  })

  it('takes what a complaint the asker made was about for the case, when they ask openly how it goes', () => {
    const scene = (text: string) =>
      prepare(text)
        .concepts.filter((concept) => concept.scene)
        .map((concept) => concept.word)
    const made = scene('举报了超市卖过期食品，要多久才知道立没立案')
    expect(made).toEqual(expect.arrayContaining(['超市', '食品']))
    // The complaint and what is asked of it stay to be said.
    expect(made).not.toContain('举报')
    expect(made).not.toContain('立案')
    // Not asked openly ("会不会分给我"): the case is what is asked about.
    expect(scene('举报了超市卖过期牛奶，商家被罚的钱会不会分给消费者')).toEqual([])
    // No complaint made yet: the shop is no case of one.
    expect(scene('超市卖过期食品，要多久才会被查')).toEqual([])
  })

  it('takes a topic word for a topic, not for a request for that fact', () => {
    expect(typeNames('为什么第三代移动电话就难窃听')).toEqual([])
    expect(typeNames('12315的电话是多少？')).toEqual(['phone'])
    expect(typeNames('打什么电话投诉')).toEqual(['phone'])
    expect(typeNames('市场监管局地址在哪里？')).toEqual(['address'])
    expect(typeNames('这份文件的地址栏写的是哪个单位')).not.toContain('address')
    // Where to turn is answered by an office, not a street.
    expect(typeNames('要去哪里办？')).not.toContain('address')
  })

  it('sets apart the words that say how a question is put or who asks: no passage need say them', () => {
    const market = fillers('我是菜场的开办方，场子里要不要放一台公平秤？')
    expect(market).toEqual(expect.arrayContaining(['菜场', '不要', '一台']))
    expect(market).not.toContain('公平秤')
    // A word the asker's clause shares with the question proper is what the question is about.
    expect(fillers('我们是做电子秤的，电子秤要强制检定吗？')).not.toContain('电子秤')
    expect(fillers('电子秤强制检定周期是多久？')).toEqual([])
    // A degree word asks for the measure the passage gives (体长约五十至六十五厘米); 谁 stays, headings say it.
    expect(fillers('小熊猫身子有多长')).toEqual(['多长'])
    expect(fillers('它归谁管')).toEqual([])
    // The time in the story: an encyclopedia says it by its dates ("1888年改名颐和园"), never 原来 or 后来.
    // A former name asked is said by the words that introduce one (改名, 古称), never by 叫 or 名字.
    expect(fillers('颐和园原来叫什么名字')).toEqual(['原来', '叫', '名字'])
    expect(fillers('扬州古代叫什么')).toEqual(['古代', '叫'])
    expect(fillers('颐和园叫什么名字')).toEqual([])
    // How a name came about is said by where it comes from ("…即因徐氏家族聚居而得名"), never by 地名 or 来.
    expect(fillers('徐家汇这个地名是怎么来的')).toEqual(['地名', '来'])
    expect(fillers('小熊猫这个外号是怎么来的')).toContain('外号')
    expect(fillers('光绪皇帝后来被关在什么地方')).toEqual(['后来'])
    // Waiting only puts a how-long question: "不要拖过三年时限" does not answer how long mediation takes.
    expect(fillers('调解一般要拖多长时间')).toContain('拖')
    // A yes/no form the glossary reads as a matter asks about it: "管不管" is the order's 适用范围.
    const scope: Glossary = { groups: [['适用范围', '管不管']], english: [] }
    const scopeFillers = prepareQuestion('店里要不要放公平秤，75号令管不管', { glossary: scope, vocabulary })
      .concepts.filter((concept) => concept.filler)
      .map((concept) => concept.word)
    expect(scopeFillers).toContain('不要')
    expect(scopeFillers).not.toContain('管不管')
  })

  it('reads the business the asker says they run as who asks, and its kind as the orders’ unit type', () => {
    const kinds: Glossary = {
      groups: [],
      english: [],
      businessKinds: [
        { unit: '销售单位', terms: ['销售单位', '销售商'], kinds: ['卖', '店', '批发'] },
        { unit: '生产单位', terms: ['生产单位', '生产者'], kinds: ['厂', '代工'] },
      ],
    }
    const ask = (text: string) => prepareQuestion(text, { glossary: kinds, vocabulary })
    const shop = ask('开商场卖家电的，要不要配质量安全员')
    expect(shop.expansions).toEqual(['销售单位', '销售商'])
    expect(shop.concepts.filter((concept) => concept.filler).map((concept) => concept.word)).toContain('商场')
    expect(ask('我们是代工厂，要配质量安全员吗').expansions).toEqual(['生产单位', '生产者'])
    // Only the clause in which the asker names their own business; a kind of both types settles nothing.
    expect(ask('卖家电的商场要配质量安全员吗').expansions).toEqual([])
    expect(ask('我们是开厂卖货的，要配质量安全员吗').expansions).toEqual([])
    // A clause that asks is no description of the asker ("开放日是干什么的").
    expect(ask('质量开放日是干什么的，普通市民能参加吗').expansions).toEqual([])
  })

  it('searches no other names of the side a buyer is up against', () => {
    const roles: Glossary = { groups: [['老板', '主要负责人', '最高管理者']], english: [] }
    const ask = (text: string) => prepareQuestion(text, { glossary: roles, vocabulary })
    // 老板 of a shop that shortchanged the asker is whom they report, not the certification guide's 最高管理者.
    expect(ask('买的虾回家一称少了三两 老板不认 我能去哪举报呀').expansions).toEqual([])
    // The owner asking about their own part is the matter: its other names are searched.
    expect(ask('厂里要搞ISO认证，我当老板的自己要做些什么').expansions).toEqual(['主要负责人', '最高管理者'])
  })

  it('takes a wrong done with fees for a topic, not for a fee asked for', () => {
    expect(typeNames('景区乱收费能投诉吗')).not.toContain('amount')
    expect(typeNames('强制检定收费吗')).toContain('amount')
  })

  it('takes a sentence saying no fee is due as giving the amount asked', () => {
    const types = prepare('电子秤年检要钱吗').answerTypes
    expect(givesAnswerTypes(types, '商户申请强检不需要交检定费。')).toBe(true)
    expect(givesAnswerTypes(types, '自2017年4月1日起停止征收强制检定计量器具的检定费')).toBe(true)
    expect(givesAnswerTypes(types, '检定周期为一年')).toBe(false)
  })

  // A month asked, or when an event is held, wants a date, not a clock time; the number of a document is no date.
  it('takes a month or the time an event is held for a date asked', () => {
    expect(typeNames('质量月是哪个月')).toEqual(['date'])
    expect(typeNames('质量月定在什么时间开展')).toEqual(['date'])
    expect(typeNames('质量月活动方案是几号文')).not.toContain('date')
    // A date changed in the story is misconduct told, not a date asked.
    expect(typeNames('超市老拿临期的改日期卖，我想举报，能不留名字吗')).not.toContain('date')
    expect(typeNames('店里什么时间开门')).toEqual(['time'])
  })

  // Who runs an event is a body, as who governs a matter is.
  it('takes who runs an event for a body asked', () => {
    expect(typeNames('浦东质量月是谁办的')).toContain('body')
    expect(typeNames('质量月活动的主办单位是哪家')).toContain('body')
    expect(typeNames('质量月有哪些活动')).not.toContain('body')
  })

  it('counts dates in Chinese numerals and era names as dates', () => {
    const [date] = prepare('他是在哪一年成婚的？').answerTypes
    expect(date?.name).toBe('date')
    const types = prepare('他是在哪一年成婚的？').answerTypes
    expect(givesAnswerTypes(types, '万历十一年二月，他在京城成婚')).toBe(true)
    expect(givesAnswerTypes(prepare('春茶什么时候采？').answerTypes, '每年清明前采摘头茬春茶')).toBe(true)
    expect(typeNames('渡船早上几点开？')).toEqual(['time'])
    expect(givesAnswerTypes(prepare('渡船早上几点开？').answerTypes, '每天早上六点开出第一班')).toBe(true)
    expect(givesAnswerTypes(types, '一九六二年在上海首映')).toBe(true)
    expect(givesAnswerTypes(types, '他在京城成婚')).toBe(false)
    // A reign year of one numeral is a date when a pause, a month or a death follows; a span of years is not.
    expect(givesAnswerTypes(types, '崇祯五年，徐光启入阁')).toBe(true)
    expect(givesAnswerTypes(types, '万历七年病逝于家中')).toBe(true)
    expect(givesAnswerTypes(types, '历时五年，终于完成')).toBe(false)
    expect(givesAnswerTypes(types, '证书有效期三年，到期换证')).toBe(false)
  })

  it('gives days by a limit in days, not by the day of a date', () => {
    expect(givesAnswerTypes(prepare('投诉多少天能受理').answerTypes, '收到投诉之日起7个工作日内作出决定')).toBe(true)
    expect(givesAnswerTypes(prepare('投诉多少天能受理').answerTypes, '《办法》自2020年1月1日起施行')).toBe(false)
  })

  it('takes a count in any measure word for a count', () => {
    const count = prepare('书里一共有多少幅插图？').answerTypes
    expect(givesAnswerTypes(count, '附插图一百二十三幅')).toBe(true)
    expect(givesAnswerTypes(count, '附有大量插图')).toBe(false)
  })

  it('keeps codes and years as identifiers, but not the amounts the asker brings', () => {
    expect(identifiersOf('有中介说3000块包拿证，靠谱吗')).toEqual([])
    expect(identifiersOf('iso 14001认证要多久')).toEqual(['iso', '14001'])
    expect(identifiersOf('2024年质量月方案')).toEqual(['2024'])
  })

  it('leaves out the codes the asker tells of their own case, keeping those of the matter asked', () => {
    const identifiers = (text: string) => prepare(text).identifiers
    // Goods traded, a model, a serial number, the year of a purchase: the guides answer whatever they are.
    expect(identifiers('有店在卖不符合GB4943的充电器，去哪举报')).toEqual([])
    expect(identifiers('准备进口一批KX-90型工业吸尘器，怎么判断它要不要做3C')).toEqual(['3c'])
    expect(identifiers('客户发来一张证书，编号CN-QMS-2023-0815，想确认是不是真的去哪查')).toEqual([])
    expect(identifiers('2021年买的热水器坏了，现在投诉还有用吗')).toEqual([])
    // So are the goods the asker makes.
    expect(identifiers('我们做的是LED灯具 咋知道自己产品在不在3C目录里')).toEqual(['3c'])
    // The matter asked, or a code in the clause that asks: a passage must still mention it.
    expect(identifiers('产品出口欧洲要做CE认证，流程是什么？')).toEqual(['ce'])
    expect(identifiers('产品想做CQC自愿性认证，要怎么申请')).toEqual(['cqc'])
    expect(identifiers('2024年浦东质量月是几月份开展')).toEqual(['2024'])
    expect(identifiers('买的XR200电暖器怎么举报')).toEqual(['xr200'])
    // A shop named by its code is where the goods go: "给4S店维修用的".
    expect(identifiers('有一批零件是给4S店维修用的 这种能申请免办吗')).toEqual([])
  })

  it('gives each concept its glossary alternatives and pre-segmented parts, once', () => {
    const question = prepare('CCC免办需要哪些材料？')
    const concept = question.concepts.find((item) => item.word === 'ccc免办')
    expect(concept?.alternatives).toContain('免予办理')
    expect(question.concepts.filter((item) => item.word === 'ccc免办')).toHaveLength(1)
    expect(question.expansions).toContain('免予办理')
    expect(question.searchWords).toContain('免予')
  })

  it('knows a follow-up by how it opens or ends', () => {
    for (const text of ['那需要多久？', '要交钱吗？', '办理流程呢', '那76号令呢？', '不配的话罚多少钱', '没检的话咋办'])
      expect(prepare(text).leansOnContext).toBe(true)
    // A state the thing spoken of may come to, with nothing named.
    for (const text of ['到期了怎么办', '不合格咋办', '过期了该怎么办'])
      expect(prepare(text).leansOnContext, text).toBe(true)
    expect(prepare('电子秤强制检定收费吗？').leansOnContext).toBe(false)
  })

  it('reads 怎么办 after a state as what to do now, not the steps of applying', () => {
    const failed = prepare('电子秤检定不合格怎么办')
    expect(failed.shape).toBe('general')
    expect(failed.concepts.find((concept) => concept.word === '怎么办')?.filler).toBe(true)
    const apply = prepare('CCC免办怎么办')
    expect(apply.shape).toBe('procedure')
  })

  it('asks an English question in the documents’ Chinese', () => {
    const question = prepare("How often must a shop's weighing scale be verified?")
    expect(question.english).toBe(true)
    expect(question.folded).toContain('电子秤')
    expect(question.folded).toContain('强制检定')
    expect(question.answerTypes.map((type) => type.name)).toEqual(['duration'])
    expect(prepare('电子秤要年检吗').english).toBe(false)
  })

  it('runs the translated Chinese terms together, as the documents write them, codes apart', () => {
    expect(prepare('How often must the weighing scale be verified?').folded).toBe('多久一次电子秤强制检定')
    expect(prepare('How often must an ISO 9001 weighing scale be verified?').folded).toBe(
      '多久一次 iso 9001 电子秤强制检定',
    )
  })

  it('measures how much of an English question the term list could not translate', () => {
    // "shop" is the only content word left of five (often, weighing, scale, verified are translated).
    expect(prepare("How often must a shop's weighing scale be verified?").untranslated).toBeCloseTo(0.2)
    // Three of five content words are beyond the term list: most of what is asked is not understood.
    expect(prepare('How do I extend my work visa for a weighing scale?').untranslated).toBeCloseTo(0.6)
    expect(prepare('How do I extend my work visa in Shanghai?').untranslated).toBe(1)
    expect(prepare('电子秤要年检吗').untranslated).toBe(0)
  })

  it('finds an article and the order it belongs to', () => {
    expect(prepare('75号令第三条讲什么').article).toEqual({ orderNo: 75, locator: '第三条' })
    expect(prepare('第四条呢？').article).toEqual({ orderNo: null, locator: '第四条' })
  })
})

describe('a certificate bought, told in the asker’s words', () => {
  const { prepare: ask } = questionsOver(
    [['虚假认证', '买证', '卖证', '假证']],
    ['企业购买假证书同样会被处罚，认证机构买证卖证', '证书有效期一般为三年'],
  )
  const conceptOf = (text: string) => ask(text).concepts.find((c) => c.word === '买证')

  it('is the glossary’s 买证, whatever count and name stand between', () => {
    // "买了张质量体系证书": no passage says 买了张; the guide's 买证 and 假证书 say the purchase.
    expect(conceptOf('老板花钱买了张质量体系证书，被查出来会怎么样')?.alternatives).toContain('假证')
    expect(conceptOf('同行买了个9001证书 根本没审过 会咋样')?.known).toBe(true)
    expect(conceptOf('花钱买个假的体系证书 被查到有事吗')).toBeDefined()
  })

  it('is no purchase where a certificate is only named or bought nothing', () => {
    expect(conceptOf('证书快到期了怎么办')).toBeUndefined()
    expect(conceptOf('买的东西没有合格证书能投诉吗')).toBeUndefined()
  })
})

describe('whether a thing is what it claims, asked in the asker’s words', () => {
  const { prepare: ask } = questionsOver([], ['凡是声称不用审核、几天出证的，基本可以判定不正规', '如何核实证书真伪'])
  const concepts = (text: string) => ask(text).concepts
  const judged = (text: string) => concepts(text).find((c) => c.word === '靠谱')

  it('is said by the guide’s judgement (正规, 真伪), its yes/no pieces only the form', () => {
    expect(judged('有个中介说一个礼拜就能出证 这种靠谱吗')?.alternatives).toEqual(
      expect.arrayContaining(['正规', '真伪']),
    )
    expect(judged('这证靠不靠谱')?.filler).toBe(false)
    // Asked of the thing, as a question word asks a fact: no matter of its own ("这种面膜靠谱吗" asks about 面膜).
    expect(judged('这种面膜靠谱吗')?.asks?.gives.test('基本可以判定不正规')).toBe(true)
    expect(
      concepts('这证靠不靠谱')
        .filter((c) => c.word !== '靠谱' && /靠|谱/.test(c.word))
        .every((c) => c.filler),
    ).toBe(true)
  })

  it('is no judgement asked where it describes a pick or asks how to tell', () => {
    expect(judged('哪家认证公司又便宜又靠谱')).toBeUndefined()
    expect(judged('选认证机构怎么判断靠不靠谱')).toBeUndefined()
  })
})

describe('the form of an everyday ask', () => {
  const { prepare: ask, wordsWhere } = questionsOver(
    [['需要准备哪些材料', '哪些材料', '什么资料', '哪些资料']],
    ['申请材料：提交能证明符合免办条件的材料、责任担保书', '公开资料显示，维修类一般由维修单位申请', '要不要交费'],
  )
  const fillers = (text: string) => wordsWhere(text, (concept) => concept.filler)

  it('reads the materials asked in 什么资料 as the kind of fact asked, handing them in only its form', () => {
    const materials = ask('3C免办要交什么资料').concepts.find((concept) => concept.word === '什么资料')
    expect(materials?.asks?.name).toBe('materials')
    // The 资料 a text draws on hands nothing in.
    expect(materials?.asks?.gives.test('公开资料显示，维修类一般由维修单位申请')).toBe(false)
    const handing = (text: string) => ask(text).concepts.filter((c) => c.word.includes('交') && !c.asks)
    expect(handing('3C免办要交什么资料').every((concept) => concept.filler)).toBe(true)
    expect(ask('申请免办要交啥东西').answerTypes.map((type) => type.name)).toContain('materials')
    // 交 of a fee stays the ask.
    expect(handing('检定要交钱吗').some((concept) => !concept.filler)).toBe(true)
  })

  it('takes a count in a batch measure, hearsay, and where the asker would complain as no matter', () => {
    expect(fillers('发现一批插线板有安全隐患')).toContain('一批')
    expect(fillers('听人说免办证明批得特别快')).toContain('听人')
    expect(fillers('厂家在外省，我能在浦东投诉吗')).toContain('浦东')
  })
})

describe('words the asker did not write as such', () => {
  const { prepare: ask } = questionsOver(
    [
      ['质量强国建设纲要', '纲要'],
      ['人员配备', '要配'],
      ['复称', '公平秤'],
      ['销售单位', '商家'],
    ],
    ['发布纲要配套文件', '生产单位要配备质量安全员', '可以到市场的公平秤复称', '退一赔三'],
  )
  const words = (text: string) => ask(text).concepts.map((concept) => concept.word)

  it('reads no glossary phrase that borrows one character of a glossary word before it', () => {
    // 纲要 and 配套 are written, not 要配 (人员配备).
    expect(words('质量月上要发布哪些跟纲要配套的文件')).not.toContain('要配')
    expect(words('75号令要配几个质量安全员')).toContain('要配')
  })

  it('reads checking the weight in a short-weight case as weighing again, not as 核实 besides', () => {
    expect(words('买了条鱼总觉得分量不对 当场有啥办法核实一下')).toEqual(expect.arrayContaining(['复称']))
    expect(words('买了条鱼总觉得分量不对 当场有啥办法核实一下')).not.toContain('核实')
    // A certificate checked is 核实 still.
    expect(words('怎么核实证书真伪')).toContain('核实')
  })

  it("takes the seller a buyer asks redress of as the other side, not a seller's order to look up", () => {
    const redress = ask('买肉被缺斤少两了 商家要赔我多少').concepts.find((concept) => concept.word === '商家')
    expect(redress?.filler).toBe(true)
    expect(ask('商家要配质量安全员吗').concepts.find((concept) => concept.word === '商家')?.filler).toBe(false)
  })
})
