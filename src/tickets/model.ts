/** The vocabulary of tickets: categories, statuses, priorities, and the shapes the repository returns. */

export const TICKET_CATEGORIES = [
  'complaint',
  'metrology_onsite',
  'quality_diagnosis',
  'ccc_exemption_help',
  'certification_help',
  'other',
] as const
export type TicketCategory = (typeof TICKET_CATEGORIES)[number]

export const CATEGORY_LABELS: Record<TicketCategory, string> = {
  complaint: '投诉举报',
  metrology_onsite: '计量器具上门检定/校准',
  quality_diagnosis: '企业质量诊断',
  ccc_exemption_help: 'CCC 免办帮办',
  certification_help: '认证咨询帮办',
  other: '其他事项',
}

/** Categories whose service happens at the requester's premises, so an address is needed. */
export const ONSITE_CATEGORIES: readonly TicketCategory[] = ['metrology_onsite']

/** What a matter needs beyond the columns every ticket has (see src/intake/intake-fields.ts). */
export const DETAIL_FIELDS = [
  'merchant',
  'purchase',
  'amount',
  'wish',
  'reportTarget',
  'reportLocation',
  'evidence',
  'preferredTime',
  'creditCode',
  'product',
] as const
export type DetailField = (typeof DETAIL_FIELDS)[number]
export type TicketDetails = Partial<Record<DetailField, string>>

export const DETAIL_LABELS: Record<DetailField, string> = {
  merchant: '商家名称和地址',
  purchase: '购买商品和时间',
  amount: '涉及金额',
  wish: '处理要求',
  reportTarget: '被举报对象',
  reportLocation: '发生地点',
  evidence: '证据',
  preferredTime: '希望上门时间',
  creditCode: '统一社会信用代码',
  product: '产品',
}

/** How the requester asked to be told of progress; the channels are in src/notify/. */
export type NotifyPreference = { email?: string; sms?: boolean }

export const AUDIENCES = ['citizen', 'enterprise'] as const
export type Audience = (typeof AUDIENCES)[number]

export const TICKET_STATUSES = ['new', 'claimed', 'waiting_user', 'resolved', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: '待受理',
  claimed: '处理中',
  waiting_user: '等待您补充信息',
  resolved: '已办结',
  closed: '已关闭',
}

/** Statuses in which the bureau still owes the requester something. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'claimed', 'waiting_user']

export const PRIORITIES = ['high', 'normal'] as const
export type Priority = (typeof PRIORITIES)[number]

/** In rising order: each role may do what the ones before it may (see roleAtLeast). */
export const STAFF_ROLES = ['agent', 'supervisor', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<StaffRole, string> = { agent: '工作人员', supervisor: '主管', admin: '管理员' }

/** Whether `role` may do what `minimum` may: an admin is also a supervisor. */
export const roleAtLeast = (role: StaffRole, minimum: StaffRole): boolean =>
  STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(minimum)

export type StaffMember = { id: number; name: string; role: StaffRole }

/** One turn of the chat that led to the ticket. */
export type TranscriptTurn = { role: 'user' | 'assistant'; text: string; at?: string }

/**
 * A passage the assistant cited before handing over, so staff see what the requester was told.
 * src/answer/citations.ts's Citation fits as it is.
 */
export type TicketSource = {
  docId: string
  /** Opens the passage from the ticket; `n` is its [n] in the answer the requester read. */
  chunkId?: number
  n?: number
  title?: string
  section?: string
  article?: string
  page?: number
  quote?: string
}

export type Ticket = {
  id: number
  number: string
  category: TicketCategory
  priority: Priority
  status: TicketStatus
  audience: Audience
  description: string
  contactName: string
  phone: string
  companyName: string | null
  address: string | null
  details: TicketDetails
  notify: NotifyPreference
  /** The requester wrote after the last staff reply: the queue shows "提交人已补充". */
  requesterRepliedAt: Date | null
  sessionId: string | null
  transcript: TranscriptTurn[]
  sources: TicketSource[]
  assignee: { id: number; name: string } | null
  firstResponseDueAt: Date
  slaDueAt: Date
  firstResponseAt: Date | null
  createdAt: Date
  updatedAt: Date
  resolvedAt: Date | null
  closedAt: Date | null
  personalDataPurgedAt: Date | null
}

export type TicketEvent = {
  id: number
  actor: { kind: 'staff' | 'requester' | 'system'; staffId: number | null; name: string }
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  note: string | null
  createdAt: Date
}

export type TicketReply = { id: number; body: string; staff: { id: number; name: string }; createdAt: Date }

/** Who did something to a ticket, as the audit log records it. */
export type Actor = { kind: 'staff'; staff: StaffMember } | { kind: 'requester' } | { kind: 'system'; name: string }
