import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPgliteDb, type Db } from '../../src/db/index.ts'
import { createTestApp } from '../support/app.ts'

type ChatBody = {
  answer: string
  grounded: boolean
  citations: Array<{ docId: string; chunkId: number; quote: string }>
}

/**
 * The sentence an answer leads with: the first line of "句子[1]\n\n出自…：引文[1]", or the first sentence
 * of the quote in "根据《…》：引文[1]".
 */
const leadOf = (answer: string): string => {
  const first = answer.split('\n')[0] ?? ''
  const quoted = first.startsWith('根据') ? first.slice(first.indexOf('：') + 1) : first
  return quoted.split('。')[0] ?? ''
}

// Invented encyclopedia passages, most longer than a quote, so that the answer must pick its sentence.
describe('a fact question is answered with the sentence that states the fact', () => {
  let db: Db
  let app: FastifyInstance
  const ask = async (message: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/chat', payload: { message } })
    expect(response.statusCode).toBe(200)
    return response.json() as ChatBody
  }

  beforeAll(async () => {
    db = await createPgliteDb()
    const folder = 'test/fixtures/fact-passages'
    ;({ app } = await createTestApp(db, { knowledge: folder, env: { KNOWLEDGE_DIR: folder } }))
  })
  afterAll(async () => {
    await app.close()
    await db.close()
  })

  it('takes a reign year of one numeral for a date ("万历七年，"), not a span of years', async () => {
    const body = await ask('周衡哪年入的阁？')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('万历七年')
    expect(leadOf(body.answer)).not.toContain('万历九年')
    expect(leadOf(body.answer)).not.toContain('万历二年')
  })

  it('does not take a verb asked (发布) as said by a thing named after it (发布会)', async () => {
    const body = await ask('清河水利条例是哪天发布的')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('1998年3月5日')
  })

  it('answers who made a document ("谁定的") with the sentence telling its issuance, not one that says 定位', async () => {
    const body = await ask('清河古镇保护办法是谁定的')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('清河县人民政府')
  })

  it('answers whether a doing is allowed (可以延期吗) with the sentence on that doing, not one repeating the thing', async () => {
    const body = await ask('渡牌可以延期吗')
    expect(body.grounded).toBe(true)
    expect(body.answer).toContain('申请延期一次')
  })

  it('finds a word said in other words: 去世 by 病逝', async () => {
    const body = await ask('周衡最后是在什么地方去世的')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('病逝于杭州')
  })

  it('prefers a number in the measure asked: 几个桥墩 is answered by 九个桥墩, not by another count', async () => {
    const piers = await ask('清河大桥下面一共有几个桥墩')
    expect(leadOf(piers.answer)).toContain('九个桥墩')
    const people = await ask('周衡修海塘的时候带了多少人')
    expect(leadOf(people.answer)).toContain('三千余人')
  })

  it('answers "哪本书" with the sentence naming a 《title》', async () => {
    const body = await ask('周衡写过什么书')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('《会稽水利志》')
  })

  it('of two sentences naming the book and a year, leads with the one whose year is the book’s', async () => {
    const body = await ask('《清河大桥志》是哪一年出版的？')
    expect(leadOf(body.answer)).toContain('1993年')
  })

  it('asks "为什么是…" as a cause, and quotes verbatim from the stored chunk', async () => {
    const body = await ask('清河大桥为什么用的是钢筋混凝土拱形结构')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('由于建桥时钢材紧缺')
    const [stored] = await db.query<{ content: string }>('SELECT content FROM chunks WHERE id = $1', [
      body.citations[0]?.chunkId,
    ])
    expect(stored?.content).toContain(body.citations[0]?.quote)
  })

  it('takes a round number ("十余年") as a length of time', async () => {
    const body = await ask('陆远被海盗扣了多久')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('十余年')
  })

  it('takes a sum in an old currency ("四十万两白银") for an amount of money', async () => {
    const body = await ask('陆远修船厂花了多少钱')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('四十万两白银')
  })

  it('takes a sum said round ("三万余元") for an amount, and leads with it over another sum', async () => {
    const body = await ask('商民给船厂捐了多少钱')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('三万余元')
  })

  it('of two sentences saying the words asked, leads with the one that says them in one clause', async () => {
    const body = await ask('陆远那里修船是在哪里进行的')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('修船在西厂进行')
  })

  it('answers 从哪里 with the place, not with a sentence that says 路 in 商路', async () => {
    const body = await ask('陆远是从哪里出发去西洋的')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('从厦门出发')
  })

  it('finds 最早 said as 最初', async () => {
    const body = await ask('陆远最早是在哪里学的造船')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('他最初在厦门船坞当学徒')
  })

  it('reads a clause opening with 为 as the purpose a 为什么 question asks for', async () => {
    const body = await ask('陆远为什么要炸掉自己建的船坞')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('为阻止敌舰驶入港口')
  })

  it('of two sentences saying a death and a date, leads with the one whose date stands by the death', async () => {
    const body = await ask('陆远是哪一年去世的')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('光绪二十八年三月')
  })

  it('finds 导演 said as 执导, not in a sentence that uses the noun of someone else', async () => {
    const { answer } = await ask('西桥往事是谁导演的')
    expect(leadOf(answer)).toContain('由林川执导')
    expect(leadOf(answer)).not.toContain('那一代导演的代表作')
  })

  it('finds an everyday verb said in writing (挖 by 开凿), not in a passage that only says the verb', async () => {
    // The film passage says 挖 of a water channel; the bridge passage says 运河; only 陆远's says who dug it.
    const body = await ask('运河是谁挖的')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('lu-yuan')
    expect(leadOf(body.answer)).toContain('组织民工开凿')
  })

  it('knows everyday words the passages say in writing (叶子 叶片, 秋天 秋季, 变成 变为): not refused as unknown', async () => {
    const body = await ask('银杏叶子到秋天变成什么颜色')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('秋季叶片变为金黄色')
  })

  it('answers a former name asked ("以前叫什么名字") with the sentence introducing it, not one that says 名字', async () => {
    // "…刻有参加建桥的工人和技术人员的名字" says the question's own word; "初名跃进桥" is the answer.
    const body = await ask('清河大桥以前叫什么名字')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('初名跃进桥')
  })

  it('answers how a name came about with the sentence saying where it comes from, not one that uses it', async () => {
    // "又名“陈三桨”" comes first and names him as much; the answer is why he is called so.
    const { citations } = await ask('陈三桨这个外号是怎么来的')
    expect(citations[0]?.quote).toContain('因此被称为“陈三桨”')
  })

  // 木塔 is no word of jieba's dictionary: its guessing glues the verb before it ("盖木塔", "建木塔用"), and the
  // glued word, which no passage says, made the question one about unknown things.
  it.each(['盖木塔的时候用钉子没有', '建木塔用了钉子吗'])(
    'reads a word glued onto a word of the passages as that word: %s',
    async (question) => {
      const body = await ask(question)
      expect(body.grounded).toBe(true)
      expect(body.citations[0]?.docId).toBe('tower')
      expect(body.answer).toContain('没有使用一根铁钉')
    },
  )

  it('takes a length of time in thousands for one (一千余年), not only one in tens and hundreds', async () => {
    const body = await ask('清凉寺门前的古柏活了多久')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('一千余年')
  })

  it('reads a dynasty as people say it (宋朝) by the way a history writes it (宋代)', async () => {
    const body = await ask('宋朝的石桥在哪')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('始建于宋代的石拱桥')
  })

  // kite-fair says every name in full only: people type the abbreviation (高铁 for 高速铁路), which no passage says,
  // and the question was answered from a passage on something else.
  it('takes 高铁, which no passage says, for the 高速铁路 it names', async () => {
    const body = await ask('去临川的高铁叫什么')
    expect(body.grounded).toBe(true)
    expect(body.citations[0]?.docId).toBe('kite-fair')
    expect(body.answer).toContain('沪临高速铁路')
  })

  it('answers 高铁 by the sentence on the 高速铁路, not the one on the bus that shares its other words', async () => {
    const body = await ask('坐高铁来的话在哪个站下车')
    expect(body.grounded).toBe(true)
    expect(leadOf(body.answer)).toContain('临川东站')
  })
})
