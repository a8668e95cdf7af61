import { z } from 'zod'
import { parsePhone } from '../text/phone.ts'
import {
  AUDIENCES,
  type Audience,
  DETAIL_FIELDS,
  DETAIL_LABELS,
  ONSITE_CATEGORIES,
  TICKET_CATEGORIES,
  type TicketCategory,
} from './model.ts'

// '' counts as not given; the key stays optional in the output type.
export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .transform((value) => (value ? value : undefined))
    .optional()

const DetailsSchema = z
  .object(
    Object.fromEntries(
      DETAIL_FIELDS.map((field) => [field, optionalText(500, `${DETAIL_LABELS[field]}请控制在 500 字以内`)]),
    ) as Record<(typeof DETAIL_FIELDS)[number], ReturnType<typeof optionalText>>,
  )
  .strict()

const NotifySchema = z
  .object({
    email: z.email({ error: '通知邮箱格式不对，例如 wang@example.com' }).max(200).optional(),
    sms: z.boolean().optional(),
  })
  .strict()

export const PHONE_HINT = '请填写 11 位手机号（如 13812345678）或带区号的固定电话（如 021-12345678）'

/** What a requester must give for a ticket: the public form and the chat intake both produce it. */
export const NewTicketInputSchema = z
  .object({
    category: z.enum(TICKET_CATEGORIES, { error: `事项类别须为以下之一：${TICKET_CATEGORIES.join('、')}` }),
    description: z
      .string({ error: '请说明发生了什么、需要什么帮助' })
      .trim()
      .min(5, { error: '情况说明太短了，请至少写 5 个字，说明发生了什么、需要什么帮助' })
      .max(2000, { error: '情况说明请控制在 2000 字以内' }),
    contactName: z
      .string({ error: '请填写联系人姓名或称呼' })
      .trim()
      .min(1, { error: '请填写联系人姓名或称呼' })
      .max(50, { error: '联系人姓名请控制在 50 字以内' }),
    phone: z
      .string({ error: PHONE_HINT })
      .refine((value) => parsePhone(value) !== null, { error: `电话号码格式不对，${PHONE_HINT}` })
      .transform((value) => parsePhone(value) as string),
    companyName: optionalText(100, '企业名称请控制在 100 字以内'),
    address: optionalText(200, '地址请控制在 200 字以内'),
    /** Per-category facts: merchant, purchase, request… (the chat intake collects them). */
    details: DetailsSchema.optional(),
    /** The requester opts in to hear of replies and status changes by e-mail and/or text message. */
    notify: NotifySchema.optional(),
    audience: z.enum(AUDIENCES, { error: '请选择身份：citizen（个人）或 enterprise（企业）' }),
    consent: z.literal(true, { error: '提交前需要您同意工作人员通过所留电话与您联系（consent 须为 true）' }),
    sessionId: z.string().trim().min(1).max(100).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.audience === 'enterprise' && !input.companyName) {
      ctx.addIssue({ code: 'custom', path: ['companyName'], message: '企业办事请填写企业（单位）名称' })
    }
    if (requiresAddress(input.category) && !input.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '上门服务需要详细地址（区、路、门牌号）' })
    }
  })

export type NewTicketInput = z.output<typeof NewTicketInputSchema>

export const requiresAddress = (category: TicketCategory): boolean => ONSITE_CATEGORIES.includes(category)
export const requiresCompanyName = (audience: Audience): boolean => audience === 'enterprise'
