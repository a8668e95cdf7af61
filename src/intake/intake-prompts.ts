import { maskPhone } from '../text/phone.ts'
import { CATEGORY_LABELS, DETAIL_LABELS } from '../tickets/model.ts'
import { categoryOfForm, type IntakeField, type IntakeForm, type NotifyChannel } from './intake-fields.ts'
import { parseNotify } from './intake-parse.ts'

/** What the intake says, in one place so wording can be reviewed without reading the logic. */

export const INTAKE_INTRO = '好的，我来帮您登记，工作人员会按您留下的方式联系您。过程中随时回复“取消”即可放弃。'

export const DESCRIPTION_QUESTIONS: Record<IntakeForm, string> = {
  complaint: '请简单说说发生了什么：买了什么或遇到了什么问题？',
  report: '请说说您要举报的问题：发现了什么违法或违规的情况？',
  metrology_onsite: '请说明需要上门检定或校准的计量器具：种类和数量（例如“电子秤 3 台”）。',
  quality_diagnosis: '请说说企业目前遇到的质量问题，或想提升的方面。',
  ccc_exemption_help: '请说说您的问题：例如产品用途、数量，以及目前卡在哪一步。',
  certification_help: '请说明想办理或咨询的认证（例如 ISO 9001），以及目前的进展。',
  other: '请简单描述您需要办理或咨询的事项。',
}

const SKIPPABLE = '（没有可回复“跳过”）'

export const QUESTIONS: Record<Exclude<IntakeField, 'description' | 'notify'>, string> = {
  merchant: '请提供商家的名称和地址；网购的请提供店铺名称和网店链接。（没有这些，投诉依法不予受理）',
  purchase: '买的是什么，什么时候买的？（例如“11月20日买的电热水壶”）',
  amount: `涉及金额大约多少？${SKIPPABLE}`,
  wish: '您希望怎么处理：退货退款、维修、更换，还是赔偿？',
  reportTarget: '您要举报的是谁？请提供单位或店铺名称（知道的话也请说明地址）。',
  reportLocation: '问题发生在哪里？请说明地点（区、路、门牌号或市场、商场名称）。',
  evidence: `您手上有哪些证据？例如照片、票据、聊天记录，简单说明即可。${SKIPPABLE}`,
  address: '请提供需要上门服务的详细地址（区、路、门牌号），例如“浦东新区世纪大道100号”。',
  preferredTime: `希望安排在什么时间上门？${SKIPPABLE}`,
  companyName: '请问您所在企业（单位）的全称是？',
  creditCode: `企业的统一社会信用代码是？（18 位）${SKIPPABLE}`,
  product: '涉及的产品是什么？请写产品名称和型号。',
  contactName: '请问怎么称呼您？（例如“王女士”）',
  phone: '请留一个方便联系的电话：手机号，或带区号的固定电话。',
}

/** The opt-in for progress notices, naming only the channels this deployment has. */
export function notifyQuestion(channels: readonly NotifyChannel[]): string {
  const email = channels.includes('email')
  const sms = channels.includes('sms')
  const how =
    email && sms
      ? '可以留一个邮箱，或回复“短信”用刚才的手机接收，两样都要也可以'
      : email
        ? '请留一个邮箱'
        : '回复“短信”即可用刚才的手机接收'
  return `有答复或进展时要通知您吗？${how}。不需要请回复“跳过”。`
}

export const HINTS: Record<IntakeField, string> = {
  description: '再多说几句吧，至少写 5 个字，说明发生了什么、需要什么帮助，工作人员才好准备。',
  merchant: '请写出商家名称，以及地址或网店链接，例如“世纪联华超市，浦东新区张杨路500号”。',
  purchase: '请同时说明买了什么、什么时候买的，例如“11月20日买的电热水壶”。',
  amount: `请写一个大概的金额，例如“199 元”。${SKIPPABLE}`,
  wish: '请说明您希望的处理方式，例如“退货退款”“维修”“赔偿损失”。',
  reportTarget: '请写出被举报的单位或店铺名称，例如“某某菜市场 12 号摊位”。',
  reportLocation: '请写出地点，例如“浦东新区某某路菜市场”。',
  evidence: `请简单说明证据，例如“有购物小票和照片”。${SKIPPABLE}`,
  address: '地址请尽量写到门牌号，例如“浦东新区世纪大道100号”，方便工作人员上门。',
  preferredTime: `请写一个时间，例如“下周二上午”。${SKIPPABLE}`,
  companyName: '请告诉我企业（单位）的全称，例如“上海某某电器有限公司”。',
  creditCode: `统一社会信用代码是 18 位数字和字母，例如 91310115MA1H7XXXXX。${SKIPPABLE}`,
  product: '请写出产品名称，例如“电动自行车充电器”。',
  contactName: '没太看明白怎么称呼您，请直接告诉我姓名或称呼，例如“王女士”“李明”。',
  phone: '这个号码好像不对。请提供 11 位手机号（如 13812345678），或带区号的固定电话（如 021-12345678）。',
  notify: '请留一个邮箱（例如 wang@example.com），或回复“短信”；不需要通知请回复“跳过”。',
}

export const FIELD_LABELS: Record<IntakeField, string> = {
  ...DETAIL_LABELS,
  description: '情况说明',
  address: '上门地址',
  companyName: '企业名称',
  contactName: '联系人',
  phone: '联系电话',
  notify: '进展通知',
}

/** The composer's placeholder while a field is asked: what a good answer looks like. */
export const PLACEHOLDERS: Record<IntakeField | 'confirm', string> = {
  description: '说说发生了什么……',
  merchant: '例如：世纪联华超市，浦东新区张杨路500号',
  purchase: '例如：11月20日买的电热水壶',
  amount: '例如：199 元（没有可回复“跳过”）',
  wish: '例如：退货退款',
  reportTarget: '例如：某某菜市场 12 号摊位',
  reportLocation: '例如：浦东新区某某路菜市场',
  evidence: '例如：有购物小票和照片（可“跳过”）',
  address: '例如：浦东新区世纪大道100号',
  preferredTime: '例如：下周二上午（可“跳过”）',
  companyName: '例如：上海某某电器有限公司',
  creditCode: '18 位代码（可“跳过”）',
  product: '例如：电动自行车充电器',
  contactName: '例如：王女士',
  phone: '例如：13812345678',
  notify: '邮箱，或“短信”，或“跳过”',
  confirm: '回复“确认”提交，或说要修改的内容',
}

/** How a stored value reads in the summary. */
export function describeValue(field: IntakeField, value: string): string {
  if (field === 'phone') return maskPhone(value)
  if (field !== 'notify') return value
  const choice = parseNotify(value)
  return [choice.email ? `邮件 ${choice.email}` : '', choice.sms ? '短信' : ''].filter(Boolean).join('、')
}

export const CONFIRM_HELP =
  '请回复“确认”提交；要修改的话直接告诉我，例如“修改电话 13912345678”“地址改成……”；不提交请回复“取消”。'

export const CONFIRM_QUESTION = '请核对上面的信息：回复“确认”提交，或直接说要修改的内容。'

export const CANCELLED = '好的，已取消登记，您填写的信息不会提交。还有其他问题随时问我。'

export const SUBMITTING = '好的，正在为您提交……'

export const FINISHED = '这次登记已经结束了。如需再次登记，请告诉我您要办理的事项。'

export const ASK_AGAIN = '好的，请重新告诉我。'

export function summarise(
  form: IntakeForm,
  order: readonly IntakeField[],
  fields: Partial<Record<IntakeField, string>>,
): string {
  const kind = form === 'report' ? '举报' : CATEGORY_LABELS[categoryOfForm(form)]
  const lines = [`请核对以下信息：`, `· 事项：${kind}`]
  for (const field of order) {
    const value = fields[field]
    // Whoever holds the chat's sessionId sees this: the phone as the requester can recognise it, no more.
    if (value) lines.push(`· ${FIELD_LABELS[field]}：${describeValue(field, value)}`)
  }
  lines.push('提交即表示您同意工作人员通过以上电话与您联系，信息仅用于办理本次事项。')
  lines.push(`确认提交吗？回复“确认”提交，或回复“修改电话 …”等修改信息，回复“取消”放弃。`)
  return lines.join('\n')
}
