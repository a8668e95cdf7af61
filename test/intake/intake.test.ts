import { describe, expect, it } from 'vitest'
import { advanceIntake, type IntakeState, type IntakeTurn, startIntake } from '../../src/intake/intake.ts'
import { maskPhone } from '../../src/text/phone.ts'
import { NewTicketInputSchema } from '../../src/tickets/new-ticket.ts'

/** Plays a conversation; every intermediate state must survive a JSON round trip (the session row). */
function converse(first: IntakeTurn, messages: string[]): IntakeTurn[] {
  const turns = [first]
  let state: IntakeState = first.state
  for (const message of messages) {
    const turn = advanceIntake(JSON.parse(JSON.stringify(state)) as IntakeState, message)
    turns.push(turn)
    state = turn.state
  }
  return turns
}

const last = (turns: IntakeTurn[]) => turns[turns.length - 1]!

/** As a deployment with both notification channels configured starts a form. */
const start = (input: Parameters<typeof startIntake>[0]) => startIntake({ notifyChannels: ['email', 'sms'], ...input })

describe('startIntake', () => {
  it('asks for a description when the first message says only what kind of help', () => {
    const turn = start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' })
    expect(turn.state.step).toBe('description')
    expect(turn.reply).toContain('取消')
    expect(turn.reply).toContain('发生了什么')
  })

  it.each(['转人工', '不想跟机器说了，叫工作人员给我回个电话', '你好，我想申请计量上门服务'])(
    'does not take "%s" as a description',
    (firstMessage) => {
      expect(start({ category: 'other', audience: 'citizen', firstMessage }).state.step).toBe('description')
    },
  )

  it('keeps a first message that describes the case and asks for the merchant next', () => {
    const turn = start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉超市卖过期食品' })
    expect(turn.state.fields.description).toBe('我要投诉超市卖过期食品')
    expect(turn.state.step).toBe('merchant')
    expect(turn.reply).toContain('商家的名称和地址')
    expect(turn.prompt?.placeholder).toContain('例如')
  })

  it('takes a name and phone given inline, leaving the rest as the description', () => {
    const turn = start({
      category: 'other',
      audience: 'citizen',
      firstMessage: '我叫王芳，电话13800138000，想问问我家门口的停车费收得对不对',
    })
    expect(turn.state.fields).toEqual({
      contactName: '王芳',
      phone: '13800138000',
      description: '想问问我家门口的停车费收得对不对',
    })
    expect(turn.state.step).toBe('notify')
    expect(advanceIntake(turn.state, '跳过').reply).toContain('确认提交吗')
  })

  it("does not take the shop's number as the requester's", () => {
    const turn = start({
      category: 'complaint',
      audience: 'citizen',
      firstMessage: '那家店卖假货，商家电话021-58881234一直不接',
    })
    expect(turn.state.fields.phone).toBeUndefined()
    expect(turn.state.fields.description).toContain('021-58881234')
  })
})

describe('advanceIntake', () => {
  it('collects everything for an on-site service for an enterprise, then submits on 确认', () => {
    const turns = converse(
      start({ category: 'metrology_onsite', audience: 'enterprise', firstMessage: '申请上门检定' }),
      [
        '我们市场有三十多台电子秤需要检定，希望下周安排',
        '浦东新区世纪大道100号',
        '下周二上午',
        '上海某某市场经营管理有限公司',
        '王芳',
        '13800138000',
        '不需要通知，跳过',
        '跳过',
        '确认',
      ],
    )
    expect(turns.map((turn) => turn.state.step)).toEqual([
      'description',
      'address',
      'preferredTime',
      'companyName',
      'contactName',
      'phone',
      'notify',
      'notify',
      'confirm',
      'submitted',
    ])
    const summary = turns[8]!.reply
    // The phone as the requester recognises it: whoever holds the chat's sessionId reads this summary.
    expect(summary).not.toContain('13800138000')
    for (const text of [
      '三十多台电子秤',
      '王芳',
      '138****8000',
      '上海某某市场经营管理有限公司',
      '世纪大道100号',
      '同意',
    ]) {
      expect(summary).toContain(text)
    }
    const done = last(turns).done
    expect(done).toEqual({
      category: 'metrology_onsite',
      audience: 'enterprise',
      description: '我们市场有三十多台电子秤需要检定，希望下周安排',
      contactName: '王芳',
      phone: '13800138000',
      companyName: '上海某某市场经营管理有限公司',
      address: '浦东新区世纪大道100号',
      details: { preferredTime: '下周二上午' },
      consent: true,
    })
    expect(NewTicketInputSchema.safeParse(done).success).toBe(true)
  })

  it('asks a citizen neither company nor address for a complaint', () => {
    const turns = converse(start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
      '楼下水果店的秤少了二两',
      '张记水果店，浦东新区东方路1号',
      '昨天买的苹果',
      '20 元',
      '退还差价',
      '叫我李先生就行',
      '139 1234 5678',
      '短信',
    ])
    expect(last(turns).state.step).toBe('confirm')
    expect(last(turns).state.fields).toEqual({
      description: '楼下水果店的秤少了二两',
      merchant: '张记水果店，浦东新区东方路1号',
      purchase: '昨天买的苹果',
      amount: '20 元',
      wish: '退还差价',
      contactName: '李先生',
      phone: '13912345678',
      notify: JSON.stringify({ sms: true }),
    })
  })

  it('asks a report whom, where and what evidence there is, and lets the evidence be skipped', () => {
    const turns = converse(
      start({ category: 'complaint', audience: 'citizen', firstMessage: '我要举报菜市场有摊位卖注水肉' }),
      ['东方菜市场12号摊位', '浦东新区东方路100号东方菜市场', '没有', '王芳', '13800138000', '跳过', '确认'],
    )
    expect(turns[0]!.state.form).toBe('report')
    expect(turns.map((turn) => turn.state.step).slice(0, 4)).toEqual([
      'reportTarget',
      'reportLocation',
      'evidence',
      'contactName',
    ])
    expect(last(turns).done?.details).toEqual({
      reportTarget: '东方菜市场12号摊位',
      reportLocation: '浦东新区东方路100号东方菜市场',
    })
    expect(last(turns).done?.category).toBe('complaint')
  })

  it('asks a purchase without a date again, and records the contact for notifications', () => {
    const turns = converse(
      start({ category: 'complaint', audience: 'citizen', firstMessage: '网购的电饭煲用了一次就坏了' }),
      ['某某旗舰店 https://shop.example.com/1', '电饭煲', '上周六买的电饭煲'],
    )
    expect(turns[2]!.state.step).toBe('purchase')
    expect(turns[2]!.reply).toContain('什么时候买的')
    expect(last(turns).state.fields.purchase).toBe('上周六买的电饭煲')
    const notify = converse(last(turns), [
      '跳过',
      '维修',
      '王芳',
      '13800138000',
      '邮箱 Wang@Example.com，短信也要',
      '确认',
    ])
    expect(last(notify).done?.notify).toEqual({ email: 'wang@example.com', sms: true })
  })

  it('asks about notifications only for the channels configured', () => {
    const none = startIntake({
      category: 'other',
      audience: 'citizen',
      firstMessage: '我叫王芳，电话13800138000，想问问停车费的事',
    })
    expect(none.state.step).toBe('confirm')
    const emailOnly = converse(
      startIntake({
        category: 'other',
        audience: 'citizen',
        firstMessage: '我叫王芳，电话13800138000，想问问停车费的事',
        notifyChannels: ['email'],
      }),
      ['短信', '邮箱 wang@example.com'],
    )
    expect(emailOnly[0]!.reply).toContain('请留一个邮箱')
    expect(emailOnly[0]!.reply).not.toContain('短信')
    expect(emailOnly[1]!.state.step).toBe('notify')
    expect(last(emailOnly).state.fields.notify).toBe(JSON.stringify({ email: 'wang@example.com' }))
  })

  it('does not let a required question be skipped', () => {
    const turns = converse(
      start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉超市卖过期食品' }),
      ['跳过'],
    )
    expect(last(turns).state.step).toBe('merchant')
  })

  it.each(['算了', '不投诉了', '先不办了', '算了，我先不投诉了'])(
    '"%s" cancels at an optional question too',
    (message) => {
      const turns = converse(
        start({
          category: 'other',
          audience: 'citizen',
          firstMessage: '想咨询一个比较复杂的问题，请工作人员解答',
        }),
        ['王芳', '13800138000', message],
      )
      expect(turns[2]!.state.step).toBe('notify')
      expect(last(turns).cancelled).toBe(true)
    },
  )

  it('takes the matter from earlier messages and from the description when it started as 其他事项', () => {
    expect(
      start({ category: 'other', audience: 'citizen', firstMessage: '转人工', earlier: ['电子秤强检怎么申请'] }).state
        .category,
    ).toBe('metrology_onsite')
    const turns = converse(start({ category: 'other', audience: 'enterprise', firstMessage: '转人工' }), [
      '想走CCC便捷通道办理免办',
    ])
    expect(last(turns).state.category).toBe('ccc_exemption_help')
    expect(last(turns).state.step).toBe('companyName')
  })

  it('asks for the phone again, with a hint, until it is a real number', () => {
    const turns = converse(
      start({ category: 'other', audience: 'citizen', firstMessage: '想咨询一个比较复杂的问题，请工作人员解答' }),
      ['张三', '12345', '我没有手机', '021-12345678'],
    )
    expect(turns[2]!.state.step).toBe('phone')
    expect(turns[2]!.reply).toContain('021-12345678')
    expect(turns[3]!.state.step).toBe('phone')
    expect(last(turns).state.fields.phone).toBe('021-12345678')
    expect(last(turns).state.step).toBe('notify')
  })

  it('takes a phone given together with the name', () => {
    const turns = converse(
      start({ category: 'complaint', audience: 'citizen', firstMessage: '充电器冒火花了，很危险' }),
      ['某某电器城，浦东新区张杨路1号', '上周买的充电器', '跳过', '赔偿', '我叫王芳，电话13800138000'],
    )
    expect(last(turns).state.fields).toMatchObject({ contactName: '王芳', phone: '13800138000' })
    expect(last(turns).state.step).toBe('notify')
  })

  it('remembers a phone given where the name was asked, and asks for the name again', () => {
    const turns = converse(
      start({ category: 'other', audience: 'citizen', firstMessage: '想咨询一个比较复杂的问题，请工作人员解答' }),
      ['13800138000'],
    )
    expect(last(turns).state.fields.phone).toBe('13800138000')
    expect(last(turns).state.step).toBe('contactName')
    expect(last(turns).reply).toContain('138****8000')
  })

  describe('corrections', () => {
    const atSummary = () =>
      start({
        category: 'metrology_onsite',
        audience: 'citizen',
        firstMessage: '我叫王芳，电话13800138000，家里的燃气表走字特别快，想请人上门校准，地址等会儿说',
      })

    it('starts at the address when everything else was given', () => {
      expect(atSummary().state.step).toBe('address')
    })

    it.each([
      ['电话改成13912345678', 'phone', '13912345678'],
      ['手机号错了，应该是139-1234-5678', 'phone', '13912345678'],
      ['名字写错了，是李四', 'contactName', '李四'],
      ['联系人改为李四', 'contactName', '李四'],
      ['修改地址 浦东新区张杨路500号', 'address', '浦东新区张杨路500号'],
      ['地址改成浦东新区张杨路500号', 'address', '浦东新区张杨路500号'],
    ] as const)('"%s" changes %s at the summary', (message, field, value) => {
      const turns = converse(atSummary(), ['浦东新区世纪大道100号', '跳过', '跳过', message])
      expect(turns[3]!.state.step).toBe('confirm')
      expect(last(turns).state.fields[field]).toBe(value)
      expect(last(turns).state.step).toBe('confirm')
      expect(last(turns).reply).toContain(field === 'phone' ? maskPhone(value) : value)
      expect(last(turns).reply).toContain('确认提交吗')
    })

    it('a change without a value asks for the field, then returns to the summary', () => {
      const turns = converse(atSummary(), ['浦东新区世纪大道100号', '跳过', '跳过', '修改电话', '13912345678', '确认'])
      expect(turns[4]!.state.step).toBe('phone')
      expect(turns[5]!.state.step).toBe('confirm')
      expect(last(turns).done?.phone).toBe('13912345678')
    })

    it('a change in the middle of the questions keeps the question that was pending', () => {
      const turns = converse(
        start({ category: 'complaint', audience: 'citizen', firstMessage: '我叫王芳 13800138000' }),
        ['电话改成13912345678'],
      )
      expect(last(turns).state.fields.phone).toBe('13912345678')
      expect(last(turns).state.step).toBe('description')
    })

    it('an invalid corrected phone is asked for again', () => {
      const turns = converse(atSummary(), ['浦东新区世纪大道100号', '跳过', '跳过', '电话改成12345'])
      expect(last(turns).state.step).toBe('phone')
      expect(last(turns).state.fields.phone).toBe('13800138000')
      expect(last(turns).reply).toContain('号码好像不对')
    })

    it('an answer that merely mentions a field word stays an answer', () => {
      const turns = converse(start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
        '情况不对劲，我家电表走得特别快',
      ])
      expect(last(turns).state.fields.description).toBe('情况不对劲，我家电表走得特别快')
    })
  })

  describe('cancel', () => {
    it.each(['取消', '不用了', '算了', '算了，不用了', '还是不要了吧', '取消登记'])(
      '"%s" cancels at any step',
      (message) => {
        const turns = converse(start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
          '超市卖过期牛奶',
          message,
        ])
        expect(last(turns).cancelled).toBe(true)
        expect(last(turns).done).toBeUndefined()
        expect(last(turns).state.step).toBe('cancelled')
        expect(last(turns).reply).toContain('不会提交')
      },
    )

    it('a sentence that contains 取消 is not a cancel', () => {
      const turns = converse(start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
        '我想取消订单但商家不给退款',
      ])
      expect(last(turns).cancelled).toBeUndefined()
      expect(last(turns).state.fields.description).toBe('我想取消订单但商家不给退款')
    })

    it('cancels at the summary too, and a finished intake stays finished', () => {
      const turns = converse(
        start({
          category: 'other',
          audience: 'citizen',
          firstMessage: '我叫王芳，13800138000，想问问我家门口的停车费收得对不对',
        }),
        ['跳过', '取消', '确认'],
      )
      expect(turns[2]!.cancelled).toBe(true)
      expect(last(turns).done).toBeUndefined()
      expect(last(turns).state.step).toBe('cancelled')
    })
  })

  it('at the summary, anything but a confirmation or a change explains the options', () => {
    const turns = converse(
      start({
        category: 'other',
        audience: 'citizen',
        firstMessage: '我叫王芳，13800138000，想问问我家门口的停车费收得对不对',
      }),
      ['跳过', '嗯……我再想想'],
    )
    expect(last(turns).done).toBeUndefined()
    expect(last(turns).state.step).toBe('confirm')
    expect(last(turns).reply).toContain('确认')
  })

  it('carries the session id into the ticket input', () => {
    const turns = converse(
      start({
        category: 'other',
        audience: 'citizen',
        firstMessage: '我叫王芳，13800138000，想问问我家门口的停车费收得对不对',
        sessionId: 'session-1',
      }),
      ['跳过', '确认提交'],
    )
    expect(last(turns).done?.sessionId).toBe('session-1')
  })

  it('does not change the state it was given', () => {
    const first = start({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' })
    const frozen = JSON.stringify(first.state)
    advanceIntake(first.state, '超市卖过期牛奶还不给退')
    expect(JSON.stringify(first.state)).toBe(frozen)
  })
})
