import { foldText } from '../text/fold.ts'
import { findPhone } from '../text/phone.ts'
import type { IntakeField } from './intake-fields.ts'

/** Reading the requester's replies during intake: commands, corrections, names, descriptions. */

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu
const bare = (text: string): string => foldText(text).replace(PUNCTUATION, '')

// What people say when they drop a matter: 取消, 算了, 不投诉了, 先不办了, 还是不要了吧…
const DROP =
  '(?:我们?|那就?)?(?:算了|取消|放弃|退出|不用了|不要了|不需要了|先不了|先不用了|(?:先|暂时|还是)?不(?:想|打算)?(?:投诉|举报|提交|办|弄|登记|申请|搞|报)(?:了|啦)?)'
const DROP_TAIL = '(?:登记|提交|工单|申请|吧|了|啦|呢|哈|谢谢)*'
const CANCEL = new RegExp(`^(?:那|那就|还是|我要|我想|我)?(?:${DROP}${DROP_TAIL})+$`)
const CANCEL_LEAD = new RegExp(`^(?:那|那就|还是|我)?(?:${DROP}${DROP_TAIL})+[，,。；;！!\\s]+`)

/** "取消", "算了，不用了", "还是不要了吧": the whole message is a refusal, not a sentence that contains one. */
export const isCancel = (message: string): boolean => CANCEL.test(bare(message))

/**
 * "算了先不投诉了，我就想问下举报和投诉有啥不一样": a refusal first, then something else to
 * answer. Returns that rest, or null when the message does not open with a refusal.
 */
export function afterCancel(message: string): string | null {
  const text = foldText(message).trim()
  const lead = CANCEL_LEAD.exec(text)
  if (!lead) return null
  const rest = trimEdges(text.slice(lead[0].length))
  return rest === '' || isCancel(rest) ? null : rest
}

const SKIP =
  /^(?:跳过|略过|没有|无|暂无|没|不清楚|不知道|不记得了?|忘了|记不清了?|不用|不用了|不需要|不需要了|不要|免了)(?:了|吧|呢|哈)*$/

/** At an optional question, "跳过" or "没有" moves on. */
export const isSkip = (message: string): boolean => SKIP.test(bare(message))

// "这种能免办吗？", "去哪投诉" in the middle of filling in a form is a question to answer, not a name or address.
const QUESTION =
  /[?？]\s*$|[吗呢么]\s*[?？]?\s*$|^(怎么|如何|为什么|什么|哪些|哪里|(?:去|到|在|找)哪|找谁|能不能|可不可以|是否|请问)/
// "想问下…", "顺便问一下…": a question put in the middle of the form.
const ASIDE = /^(?:我)?(?:就)?(?:想|顺便|再)?(?:问|咨询)(?:一?下|个问题)/

// "多少钱买的记不清了" answers the form's question, though it says 多少钱.
const NOT_KNOWING = /记不清|不记得|忘了|不清楚|不知道|不确定/

/** The requester says they do not know: an answer to the form, whatever question words it holds. */
export const admitsNotKnowing = (message: string): boolean => NOT_KNOWING.test(message)

/** A question asked in the middle of the form, to be answered before the form goes on. */
export const isAside = (message: string): boolean => QUESTION.test(message.trim()) || ASIDE.test(bare(message))

const CONFIRM =
  /^(?:确认|确定|提交|是的|是|对的|对|好的|好|可以|没问题|没错|ok|okay|yes|行|嗯|同意)+(?:提交|吧|的|了|啊|呀|谢谢)*$/

export const isConfirm = (message: string): boolean => CONFIRM.test(bare(message))

// Longer words first, so 手机号 wins over 手机.
const FIELD_WORDS: [IntakeField, string][] = [
  ['phone', '联系电话|手机号码|电话号码|手机号|联系方式|手机|电话|号码'],
  ['contactName', '联系人姓名|联系人|姓名|名字|称呼'],
  ['creditCode', '统一社会信用代码|社会信用代码|信用代码'],
  ['companyName', '企业名称|单位名称|公司名称|企业名|公司名|企业|单位|公司'],
  ['merchant', '商家名称|商家地址|商家|店名|店铺|网店链接|网店'],
  ['purchase', '购买时间|购买日期|购买商品|买的东西|商品'],
  ['amount', '涉及金额|金额|价格|价钱'],
  ['wish', '处理要求|诉求|要求'],
  ['reportTarget', '被举报人|被举报对象|举报对象'],
  ['reportLocation', '违法地点|发生地点'],
  ['evidence', '证据|凭证'],
  ['preferredTime', '上门时间|预约时间'],
  ['product', '产品名称|产品'],
  ['notify', '通知方式|邮箱|邮件'],
  ['address', '上门地址|详细地址|地址|地点'],
  ['description', '情况说明|问题描述|情况描述|描述|情况'],
]
const FIELD = FIELD_WORDS.map(([, words]) => words).join('|')
const fieldOf = (word: string): IntakeField => FIELD_WORDS.find(([, words]) => words.split('|').includes(word))![0]

const LEAD = '^(?:请|麻烦|帮我|帮忙)?(?:把)?(?:我的)?'
// "修改电话 139…", "改一下地址：…"
const VERB_FIRST = new RegExp(
  `${LEAD}(?:修改|更改|更正|改一下|改)(?:一下)?(?:我的)?(${FIELD})(?:为|成|是)?[：:，,\\s]*([\\s\\S]*)$`,
)
// "电话改成 139…", "名字写错了，是李四", "地址不对"
const FIELD_FIRST = new RegExp(
  `${LEAD}(${FIELD})(?:号码)?\\s*(?:(写错了|填错了|搞错了|弄错了|错了|不对|有误)(?=[，,。！!\\s]|$|应该|是|改))?[，,。！!\\s]*(应该是|改成|改为|换成|换为|更正为|更改为|修改为|是|为|：|:)?\\s*([\\s\\S]*)$`,
)
const CHANGE_VERBS = new Set(['应该是', '改成', '改为', '换成', '换为', '更正为', '更改为', '修改为'])

/**
 * A request to change one field, with the new value ('' when none was given). `loose` (at the
 * summary) also takes "电话是…" as a change; elsewhere a change word is needed, so that an
 * answer like "问题是热水器漏电" stays an answer.
 */
export function parseCorrection(message: string, loose: boolean): { field: IntakeField; value: string } | null {
  const text = message.trim()
  const verbFirst = VERB_FIRST.exec(text)
  if (verbFirst) return { field: fieldOf(verbFirst[1]!), value: trimEdges(verbFirst[2]!) }
  const fieldFirst = FIELD_FIRST.exec(text)
  if (!fieldFirst) return null
  const [, word, error, verb, rest] = fieldFirst
  const value = trimEdges(rest!)
  if (error || (verb && CHANGE_VERBS.has(verb)) || (loose && value !== '')) return { field: fieldOf(word!), value }
  return null
}

export const trimEdges = (text: string): string => text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')

const NAME_CHARS = '[\\u4e00-\\u9fa5A-Za-z·]'
const NAME_END = '(?=[，,。；;！!\\s]|的?(?:电话|手机|号码)|就行|就好|即可|吧|$)'
const INTRODUCED = new RegExp(
  `(?:我叫|我的名字是|我的名字叫|名字是|名字叫|姓名是|姓名|联系人是|联系人|称呼我|叫我)[：:\\s]*(${NAME_CHARS}{1,12}?)${NAME_END}`,
)
const I_AM = /我是([\u4e00-\u9fa5]{2,4})(?=[，,。；;！!\s]|$)/
const NOT_A_NAME =
  /的|来|想|要|在|个|一|这|那|公司|企业|单位|厂|店|消费者|市民|居民|商家|用户|顾客|老板|负责人|业主|家长/
const SURNAME = /我姓([\u4e00-\u9fa5])(先生|女士|小姐)?/

/** A name the requester introduced ("我叫王芳", "我是李四", "我姓王"), and where it was. */
export function extractName(message: string): { name: string; start: number; end: number } | null {
  const introduced = INTRODUCED.exec(message)
  if (introduced) return spanOf(introduced, introduced[1]!)
  const iAm = I_AM.exec(message)
  if (iAm && !NOT_A_NAME.test(iAm[1]!)) return spanOf(iAm, iAm[1]!)
  const surname = SURNAME.exec(message)
  if (surname) return spanOf(surname, `${surname[1]}${surname[2] ?? '先生/女士'}`)
  return null
}

const spanOf = (match: RegExpExecArray, name: string) => ({
  name,
  start: match.index,
  end: match.index + match[0].length,
})

const NAME_PREFIX = /^(?:我叫|我的名字是|我的名字叫|名字是|名字叫|姓名是|姓名|联系人是|联系人|称呼我|叫我|我是)[：:\s]*/
const NAME_SUFFIX = /(?:就行了|就行|就好|就可以了|就可以|即可|吧|哈)+$/

/** A bare answer to "怎么称呼您": "王女士", "叫我小李就行" → the name, or null when it is not one. */
export function readNameAnswer(message: string): string | null {
  const name = trimEdges(trimEdges(message).replace(NAME_PREFIX, '').replace(NAME_SUFFIX, ''))
  if (name.length < 1 || Array.from(name).length > 20) return null
  if (/[0-9０-９@]/.test(name) || !/[\p{L}]/u.test(name)) return null
  return name
}

/** Removes the spans of an extracted phone number and name, leaving the rest of the message. */
export function removeSpans(message: string, spans: { start: number; end: number }[]): string {
  let rest = message
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`
  }
  return trimEdges(rest.replace(/\s*[，,]\s*[，,]\s*/g, '，').replace(/\s+/g, ' '))
}

const PHONE_LABEL = /(?:我的)?(?:联系电话|手机号码|电话号码|手机号|手机|电话|号码)(?:是|为|：|:)?\s*$/

/** A phone number in free text; the span includes a label before it ("电话是"), so removing it leaves no stub. */
export function phoneSpan(message: string): { phone: string; start: number; end: number } | null {
  const found = findPhone(message)
  if (!found) return null
  const label = PHONE_LABEL.exec(message.slice(0, found.index))
  return { phone: found.phone, start: label ? label.index : found.index, end: found.index + found.length }
}

// Greetings, requests for a person and the service's own name say nothing about the case itself.
const FILLER =
  /你好|您好|请问|麻烦|谢谢|我想|我要|想要|需要|申请|办理|咨询|一下|帮忙|帮我|投诉|举报|转人工|人工客服|人工|转接|接通|负责|工作人员|客服|机器人|机器|联系我|回个?电话|打电话|给我|上门服务|上门|服务|计量|检定|校准|质量诊断|诊断|认证|免办|ccc|3c|工单|不想跟|说了|找|叫|请/g

/** Whether a message already describes the case (a few words beyond "我要投诉" or "转人工"). */
export const describesCase = (message: string): boolean =>
  bare(message)
    .replace(FILLER, '')
    .replace(/[^\p{L}\p{N}]/gu, '').length >= 6

export const MAX_DESCRIPTION = 2000

/** The answer to the question about `field`, normalised, or null when it does not fit. */
export function readField(field: IntakeField, text: string): string | null {
  const value = trimEdges(text)
  switch (field) {
    case 'description':
      return value.length >= 5 ? value.slice(0, MAX_DESCRIPTION) : null
    case 'contactName':
      return extractName(value)?.name ?? readNameAnswer(value)
    case 'phone':
      return phoneSpan(text)?.phone ?? null
    case 'companyName': {
      const name = trimEdges(value.replace(COMPANY_PREFIX, ''))
      return name.length >= 2 && name.length <= 100 ? name : null
    }
    case 'address': {
      const address = trimEdges(value.replace(ADDRESS_PREFIX, ''))
      return address.replace(/[^\p{L}\p{N}]/gu, '').length >= 4 && address.length <= 200 ? address : null
    }
    case 'purchase':
      // What and when: without a time word it is not a purchase the bureau can check against 时效.
      return between(value, 2, 200) && WHEN.test(value) ? value : null
    case 'amount':
      return between(value, 1, 50) && /[0-9０-９一二三四五六七八九十百千万两]/.test(value) ? value : null
    case 'creditCode': {
      const code = value.replace(/\s/g, '').toUpperCase()
      return CREDIT_CODE.test(code) ? code : null
    }
    case 'evidence':
      return between(value, 2, 500) ? value : null
    case 'merchant':
    case 'wish':
    case 'reportTarget':
    case 'reportLocation':
    case 'preferredTime':
    case 'product':
      return between(value, 2, 200) ? value : null
    case 'notify':
      return readNotify(value)
  }
}

const between = (value: string, min: number, max: number): boolean =>
  value.replace(/[^\p{L}\p{N}]/gu, '').length >= min && value.length <= max

const WHEN = /[0-9０-９]|[年月日号周天]|星期|礼拜|昨|前|上|今|去|刚|最近|早|晚/
// GB 32100-2015: 18 characters, no I, O, S, V, Z.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/
const SMS = /短信|手机|电话/

/** How the requester wants to hear of progress: an e-mail, a text message, or both. */
export type NotifyChoice = { email?: string; sms?: boolean }

/** "邮箱 wang@example.com，短信也要" → a JSON NotifyChoice; null when neither was named. */
function readNotify(value: string): string | null {
  const email = EMAIL.exec(value)?.[0]
  const sms = SMS.test(value)
  if (!email && !sms) return null
  const choice: NotifyChoice = { ...(email ? { email: email.toLowerCase() } : {}), ...(sms ? { sms: true } : {}) }
  return JSON.stringify(choice)
}

/** The notify field as stored in the intake state. */
export const parseNotify = (value: string | undefined): NotifyChoice =>
  value ? (JSON.parse(value) as NotifyChoice) : {}

const COMPANY_PREFIX = /^(?:我们(?:公司|单位|企业)?(?:是|叫)|(?:公司|单位|企业)(?:名称|全称)?(?:是|叫)|是)/
const ADDRESS_PREFIX = /^(?:(?:详细|上门)?地址(?:是|在)?|我们在|我家在|我在|在)/
