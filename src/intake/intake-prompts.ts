import { maskPhone } from '../text/phone.ts'
import { CATEGORY_LABELS, type TicketCategory } from '../tickets/model.ts'

/** What the intake says, in one place so wording can be reviewed without reading the logic. */

export const INTAKE_INTRO = '好的，我来帮您登记，工作人员会按您留下的方式联系您。过程中随时回复“取消”即可放弃。'

export const DESCRIPTION_QUESTIONS: Record<TicketCategory, string> = {
  complaint: '请简单说说发生了什么：在哪里、买了什么或遇到了什么问题，您希望怎么处理？',
  metrology_onsite: '请说明需要上门检定或校准的计量器具：种类、数量，以及希望安排的时间。',
  quality_diagnosis: '请简单介绍企业的主要产品，以及目前遇到的质量问题或想提升的方面。',
  ccc_exemption_help: '请说明需要办理 CCC 免办的产品、用途和数量，以及目前卡在哪一步。',
  certification_help: '请说明想办理或咨询的认证（例如 ISO 9001），以及目前的进展。',
  other: '请简单描述您需要办理或咨询的事项。',
}

export const QUESTIONS = {
  contactName: '请问怎么称呼您？（例如“王女士”）',
  phone: '请留一个方便联系的电话：手机号，或带区号的固定电话。',
  companyName: '请问您所在企业（单位）的全称是？',
  address: '请提供需要上门服务的详细地址（区、路、门牌号），例如“浦东新区世纪大道100号”。',
} as const

export const HINTS = {
  description: '再多说几句吧，至少写 5 个字，说明发生了什么、需要什么帮助，工作人员才好准备。',
  contactName: '没太看明白怎么称呼您，请直接告诉我姓名或称呼，例如“王女士”“李明”。',
  phone: '这个号码好像不对。请提供 11 位手机号（如 13812345678），或带区号的固定电话（如 021-12345678）。',
  companyName: '请告诉我企业（单位）的全称，例如“上海某某电器有限公司”。',
  address: '地址请尽量写到门牌号，例如“浦东新区世纪大道100号”，方便工作人员上门。',
} as const

export const FIELD_LABELS = {
  description: '情况说明',
  contactName: '联系人',
  phone: '联系电话',
  companyName: '企业名称',
  address: '上门地址',
} as const

export const CONFIRM_HELP =
  '请回复“确认”提交；要修改的话直接告诉我，例如“修改电话 13912345678”“地址改成……”；不提交请回复“取消”。'

export const CANCELLED = '好的，已取消登记，您填写的信息不会提交。还有其他问题随时问我。'

export const SUBMITTING = '好的，正在为您提交……'

export const FINISHED = '这次登记已经结束了。如需再次登记，请告诉我您要办理的事项。'

export const ASK_AGAIN = '好的，请重新告诉我。'

export function summarise(
  category: TicketCategory,
  fields: Partial<Record<keyof typeof FIELD_LABELS, string>>,
): string {
  const lines = [`请核对以下信息：`, `· 事项：${CATEGORY_LABELS[category]}`]
  for (const field of ['description', 'contactName', 'phone', 'companyName', 'address'] as const) {
    const value = fields[field]
    // Whoever holds the chat's sessionId sees this: the phone as the requester can recognise it, no more.
    if (value) lines.push(`· ${FIELD_LABELS[field]}：${field === 'phone' ? maskPhone(value) : value}`)
  }
  lines.push('提交即表示您同意工作人员通过以上电话与您联系，信息仅用于办理本次事项。')
  lines.push(`确认提交吗？回复“确认”提交，或回复“修改电话 …”等修改信息，回复“取消”放弃。`)
  return lines.join('\n')
}
