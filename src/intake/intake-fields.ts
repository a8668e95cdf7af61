import { ticketCategory } from '../routing/intent-rules.ts'
import { foldQuestion } from '../text/typos.ts'
import type { Audience, DetailField, TicketCategory } from '../tickets/model.ts'
import { requiresAddress, requiresCompanyName } from '../tickets/new-ticket.ts'

/**
 * What each kind of matter needs, in the order it is asked. The complaint and report lists follow
 * 《市场监督管理投诉举报处理暂行办法》: a complaint names the merchant (name and address or shop
 * link) and states the request and the facts (第九条), or it is not accepted (第十五条); a report
 * names whom and what, where. Optional fields can be skipped with "跳过".
 */

export type IntakeField = DetailField | 'description' | 'address' | 'companyName' | 'contactName' | 'phone' | 'notify'

/** The channels this deployment can notify through; the intake offers only these. */
export type NotifyChannel = 'email' | 'sms'

/** A complaint and a report share the ticket category but not the questions. */
export type IntakeForm = TicketCategory | 'report'

/** The law or the service does not need these, so "跳过" moves on. */
export const OPTIONAL_FIELDS: ReadonlySet<IntakeField> = new Set([
  'amount',
  'evidence',
  'preferredTime',
  'creditCode',
  'notify',
])

const MATTER_FIELDS: Record<IntakeForm, IntakeField[]> = {
  complaint: ['description', 'merchant', 'purchase', 'amount', 'wish'],
  report: ['description', 'reportTarget', 'reportLocation', 'evidence'],
  metrology_onsite: ['description', 'address', 'preferredTime'],
  quality_diagnosis: ['companyName', 'creditCode', 'product', 'description'],
  ccc_exemption_help: ['companyName', 'creditCode', 'product', 'description'],
  certification_help: ['description'],
  other: ['description'],
}

/**
 * Every field of the form, the matter first, then who to contact and, when a channel is
 * configured, how to be told of progress (no question for a promise nobody would keep).
 */
export function fieldsOf(form: IntakeForm, audience: Audience, channels: readonly NotifyChannel[]): IntakeField[] {
  const fields = [...MATTER_FIELDS[form]]
  if (requiresCompanyName(audience) && !fields.includes('companyName')) fields.push('companyName')
  if (form !== 'report' && requiresAddress(categoryOfForm(form)) && !fields.includes('address')) {
    fields.push('address')
  }
  return [...fields, 'contactName', 'phone', ...(channels.length > 0 ? (['notify'] as const) : [])]
}

export const categoryOfForm = (form: IntakeForm): TicketCategory => (form === 'report' ? 'complaint' : form)

// "我要举报…" reports a wrong to the bureau; "投诉" seeks redress for oneself (办法第三条).
const REPORT = /举报/
const COMPLAINT = /投诉|退款|退货|赔偿|维权/

/** The form for a category, reading a complaint as a report when the words say so. */
export function formOf(category: TicketCategory, texts: readonly string[]): IntakeForm {
  if (category !== 'complaint') return category
  const said = texts.join('\n')
  return REPORT.test(said) && !COMPLAINT.test(said) ? 'report' : 'complaint'
}

/**
 * The category the whole conversation points to: the newest message that names a topic wins,
 * so "转人工" followed by "想走 CCC 便捷通道" is a CCC matter, not 其他事项.
 */
export function categoryFromConversation(current: TicketCategory, texts: readonly string[]): TicketCategory {
  if (current !== 'other') return current
  for (const text of [...texts].reverse()) {
    const found = ticketCategory('human_handoff', foldQuestion(text))
    if (found && found !== 'other') return found
  }
  return 'other'
}
