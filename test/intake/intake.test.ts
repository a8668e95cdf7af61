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

describe('startIntake', () => {
  it('asks for a description when the first message says only what kind of help', () => {
    const turn = startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' })
    expect(turn.state.step).toBe('description')
    expect(turn.reply).toContain('取消')
    expect(turn.reply).toContain('发生了什么')
  })

  it.each(['转人工', '不想跟机器说了，叫工作人员给我回个电话', '你好，我想申请计量上门服务'])(
    'does not take "%s" as a description',
    (firstMessage) => {
      expect(startIntake({ category: 'other', audience: 'citizen', firstMessage }).state.step).toBe('description')
    },
  )

  it('keeps a first message that describes the case and asks for the name next', () => {
    const turn = startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉超市卖过期食品' })
    expect(turn.state.fields.description).toBe('我要投诉超市卖过期食品')
    expect(turn.state.step).toBe('contactName')
    expect(turn.reply).toContain('怎么称呼')
  })

  it('takes a name and phone given inline, leaving the rest as the description', () => {
    const turn = startIntake({
      category: 'complaint',
      audience: 'citizen',
      firstMessage: '我叫王芳，电话13800138000，网上买的充电宝鼓包冒烟，商家不理我',
    })
    expect(turn.state.fields).toEqual({
      contactName: '王芳',
      phone: '13800138000',
      description: '网上买的充电宝鼓包冒烟，商家不理我',
    })
    expect(turn.state.step).toBe('confirm')
    expect(turn.reply).toContain('确认提交吗')
  })

  it("does not take the shop's number as the requester's", () => {
    const turn = startIntake({
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
      startIntake({ category: 'metrology_onsite', audience: 'enterprise', firstMessage: '申请上门检定' }),
      [
        '我们市场有三十多台电子秤需要检定，希望下周安排',
        '王芳',
        '13800138000',
        '上海某某市场经营管理有限公司',
        '浦东新区世纪大道100号',
        '确认',
      ],
    )
    expect(turns.map((turn) => turn.state.step)).toEqual([
      'description',
      'contactName',
      'phone',
      'companyName',
      'address',
      'confirm',
      'submitted',
    ])
    const summary = turns[5]!.reply
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
      consent: true,
    })
    expect(NewTicketInputSchema.safeParse(done).success).toBe(true)
  })

  it('asks a citizen neither company nor address for a complaint', () => {
    const turns = converse(startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
      '楼下水果店的秤少了二两',
      '叫我李先生就行',
      '139 1234 5678',
    ])
    expect(last(turns).state.step).toBe('confirm')
    expect(last(turns).state.fields).toEqual({
      description: '楼下水果店的秤少了二两',
      contactName: '李先生',
      phone: '13912345678',
    })
  })

  it('asks for the phone again, with a hint, until it is a real number', () => {
    const turns = converse(
      startIntake({ category: 'other', audience: 'citizen', firstMessage: '想咨询一个比较复杂的计量问题' }),
      ['张三', '12345', '我没有手机', '021-12345678'],
    )
    expect(turns[2]!.state.step).toBe('phone')
    expect(turns[2]!.reply).toContain('021-12345678')
    expect(turns[3]!.state.step).toBe('phone')
    expect(last(turns).state.fields.phone).toBe('021-12345678')
    expect(last(turns).state.step).toBe('confirm')
  })

  it('takes a phone given together with the name', () => {
    const turns = converse(
      startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '充电器冒火花了，很危险' }),
      ['我叫王芳，电话13800138000'],
    )
    expect(last(turns).state.fields).toMatchObject({ contactName: '王芳', phone: '13800138000' })
    expect(last(turns).state.step).toBe('confirm')
  })

  it('remembers a phone given where the name was asked, and asks for the name again', () => {
    const turns = converse(
      startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '超市卖过期牛奶' }),
      ['13800138000'],
    )
    expect(last(turns).state.fields.phone).toBe('13800138000')
    expect(last(turns).state.step).toBe('contactName')
    expect(last(turns).reply).toContain('138****8000')
  })

  describe('corrections', () => {
    const atSummary = () =>
      startIntake({
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
      const turns = converse(atSummary(), ['浦东新区世纪大道100号', message])
      expect(turns[1]!.state.step).toBe('confirm')
      expect(last(turns).state.fields[field]).toBe(value)
      expect(last(turns).state.step).toBe('confirm')
      expect(last(turns).reply).toContain(field === 'phone' ? maskPhone(value) : value)
      expect(last(turns).reply).toContain('确认提交吗')
    })

    it('a change without a value asks for the field, then returns to the summary', () => {
      const turns = converse(atSummary(), ['浦东新区世纪大道100号', '修改电话', '13912345678', '确认'])
      expect(turns[2]!.state.step).toBe('phone')
      expect(turns[3]!.state.step).toBe('confirm')
      expect(last(turns).done?.phone).toBe('13912345678')
    })

    it('a change in the middle of the questions keeps the question that was pending', () => {
      const turns = converse(
        startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我叫王芳 13800138000' }),
        ['电话改成13912345678'],
      )
      expect(last(turns).state.fields.phone).toBe('13912345678')
      expect(last(turns).state.step).toBe('description')
    })

    it('an invalid corrected phone is asked for again', () => {
      const turns = converse(atSummary(), ['浦东新区世纪大道100号', '电话改成12345'])
      expect(last(turns).state.step).toBe('phone')
      expect(last(turns).state.fields.phone).toBe('13800138000')
      expect(last(turns).reply).toContain('号码好像不对')
    })

    it('an answer that merely mentions a field word stays an answer', () => {
      const turns = converse(startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
        '情况不对劲，我家电表走得特别快',
      ])
      expect(last(turns).state.fields.description).toBe('情况不对劲，我家电表走得特别快')
    })
  })

  describe('cancel', () => {
    it.each(['取消', '不用了', '算了', '算了，不用了', '还是不要了吧', '取消登记'])(
      '"%s" cancels at any step',
      (message) => {
        const turns = converse(startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
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
      const turns = converse(startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' }), [
        '我想取消订单但商家不给退款',
      ])
      expect(last(turns).cancelled).toBeUndefined()
      expect(last(turns).state.fields.description).toBe('我想取消订单但商家不给退款')
    })

    it('cancels at the summary too, and a finished intake stays finished', () => {
      const turns = converse(
        startIntake({
          category: 'complaint',
          audience: 'citizen',
          firstMessage: '我叫王芳，13800138000，超市卖过期牛奶',
        }),
        ['取消', '确认'],
      )
      expect(turns[1]!.cancelled).toBe(true)
      expect(last(turns).done).toBeUndefined()
      expect(last(turns).state.step).toBe('cancelled')
    })
  })

  it('at the summary, anything but a confirmation or a change explains the options', () => {
    const turns = converse(
      startIntake({
        category: 'complaint',
        audience: 'citizen',
        firstMessage: '我叫王芳，13800138000，超市卖过期牛奶',
      }),
      ['嗯……我再想想'],
    )
    expect(last(turns).done).toBeUndefined()
    expect(last(turns).state.step).toBe('confirm')
    expect(last(turns).reply).toContain('确认')
  })

  it('carries the session id into the ticket input', () => {
    const turns = converse(
      startIntake({
        category: 'complaint',
        audience: 'citizen',
        firstMessage: '我叫王芳，13800138000，超市卖过期牛奶',
        sessionId: 'session-1',
      }),
      ['确认提交'],
    )
    expect(last(turns).done?.sessionId).toBe('session-1')
  })

  it('does not change the state it was given', () => {
    const start = startIntake({ category: 'complaint', audience: 'citizen', firstMessage: '我要投诉' })
    const frozen = JSON.stringify(start.state)
    advanceIntake(start.state, '超市卖过期牛奶还不给退')
    expect(JSON.stringify(start.state)).toBe(frozen)
  })
})
