import { maskPhone } from '../text/phone.ts'
import type { Audience, TicketCategory } from '../tickets/model.ts'
import {
  type NewTicketInput,
  NewTicketInputSchema,
  requiresAddress,
  requiresCompanyName,
} from '../tickets/new-ticket.ts'
import {
  describesCase,
  extractName,
  type IntakeField,
  isCancel,
  isConfirm,
  MAX_DESCRIPTION,
  parseCorrection,
  phoneSpan,
  readField,
  removeSpans,
} from './intake-parse.ts'
import {
  ASK_AGAIN,
  CANCELLED,
  CONFIRM_HELP,
  DESCRIPTION_QUESTIONS,
  FIELD_LABELS,
  FINISHED,
  HINTS,
  INTAKE_INTRO,
  QUESTIONS,
  SUBMITTING,
  summarise,
} from './intake-prompts.ts'

export type { IntakeField } from './intake-parse.ts'

export type IntakeStep = IntakeField | 'confirm' | 'submitted' | 'cancelled'

/** Plain JSON: the chat keeps it in the session row between turns. */
export type IntakeState = {
  version: 1
  category: TicketCategory
  audience: Audience
  sessionId?: string
  /** What was asked last; the next message answers it. */
  step: IntakeStep
  fields: Partial<Record<IntakeField, string>>
}

export type IntakeTurn = {
  state: IntakeState
  /** What to say to the requester. */
  reply: string
  /** Everything collected and consented to: pass it to openTicket. */
  done?: NewTicketInput
  cancelled?: boolean
}

function requiredFields(state: IntakeState): IntakeField[] {
  const fields: IntakeField[] = ['description', 'contactName', 'phone']
  if (requiresCompanyName(state.audience)) fields.push('companyName')
  if (requiresAddress(state.category)) fields.push('address')
  return fields
}

const nextStep = (state: IntakeState): IntakeStep => requiredFields(state).find((f) => !state.fields[f]) ?? 'confirm'

function ask(state: IntakeState, lead: string[] = []): IntakeTurn {
  const step = state.step
  const question =
    step === 'confirm'
      ? summarise(state.category, state.fields)
      : step === 'description'
        ? DESCRIPTION_QUESTIONS[state.category]
        : step === 'submitted' || step === 'cancelled'
          ? FINISHED
          : QUESTIONS[step]
  return { state, reply: [...lead, question].join('\n') }
}

// A number right after these words is someone else's (the shop's, a hotline), not the requester's.
const OTHER_PARTY = /商家|店|卖家|客服|厂家|对方|他们|他|她|老板|热线|平台/

/** Takes a phone number and an introduced name out of free text; returns what is left. */
function absorbContact(state: IntakeState, message: string, except: IntakeStep): { rest: string; noted: string[] } {
  const spans: { start: number; end: number }[] = []
  const noted: string[] = []
  const phone = phoneSpan(message)
  const othersNumber = phone !== null && OTHER_PARTY.test(message.slice(Math.max(0, phone.start - 8), phone.start))
  if (phone && !othersNumber && except !== 'phone' && !state.fields.phone) {
    state.fields.phone = phone.phone
    spans.push(phone)
    noted.push(`电话 ${maskPhone(phone.phone)}`)
  }
  const name = extractName(message)
  if (name && except !== 'contactName' && !state.fields.contactName) {
    state.fields.contactName = name.name
    spans.push(name)
    noted.push(`称呼“${name.name}”`)
  }
  return { rest: spans.length ? removeSpans(message, spans) : message.trim(), noted }
}

const noteLine = (noted: string[]): string[] => (noted.length ? [`已记下您的${noted.join('和')}。`] : [])

/**
 * Starts collecting a ticket. A first message that already describes the case is kept as the
 * description, and a phone number or name given in it is taken too.
 */
export function startIntake(input: {
  category: TicketCategory
  audience: Audience
  firstMessage: string
  sessionId?: string
}): IntakeTurn {
  const state: IntakeState = {
    version: 1,
    category: input.category,
    audience: input.audience,
    ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    step: 'description',
    fields: {},
  }
  const { rest, noted } = absorbContact(state, input.firstMessage, 'description')
  if (describesCase(rest)) state.fields.description = rest.slice(0, MAX_DESCRIPTION)
  state.step = nextStep(state)
  return ask(state, [INTAKE_INTRO, ...noteLine(noted)])
}

/** One requester message: an answer, a correction ("电话改成…"), "确认", or "取消". Pure. */
export function advanceIntake(previous: IntakeState, message: string): IntakeTurn {
  const state: IntakeState = { ...previous, fields: { ...previous.fields } }
  if (state.step === 'submitted' || state.step === 'cancelled') return { state, reply: FINISHED }
  const text = message.trim()
  if (text === '') return ask(state)
  if (isCancel(text)) return { state: { ...state, step: 'cancelled' }, reply: CANCELLED, cancelled: true }

  const correction = parseCorrection(text, state.step === 'confirm')
  if (correction && correction.field !== state.step && requiredFields(state).includes(correction.field)) {
    const { field, value } = correction
    if (value === '') return ask({ ...state, step: field }, [ASK_AGAIN])
    const read = readField(field, value)
    if (read === null) return { state: { ...state, step: field }, reply: HINTS[field] }
    state.fields[field] = read
    state.step = nextStep(state)
    return ask(state, [`好的，${FIELD_LABELS[field]}已改为“${field === 'phone' ? maskPhone(read) : read}”。`])
  }

  if (state.step === 'confirm') {
    if (!isConfirm(text)) return { state, reply: CONFIRM_HELP }
    return submit(state)
  }

  const step = state.step
  const { rest, noted } = absorbContact(state, text, step)
  if (rest !== '' || !noted.length) {
    const read = readField(step, step === 'phone' ? text : rest)
    if (read === null) return { state, reply: [...noteLine(noted), HINTS[step]].join('\n') }
    state.fields[step] = read
  }
  state.step = nextStep(state)
  return ask(state, noteLine(noted))
}

function submit(state: IntakeState): IntakeTurn {
  const candidate = {
    category: state.category,
    audience: state.audience,
    description: state.fields.description,
    contactName: state.fields.contactName,
    phone: state.fields.phone,
    ...(state.fields.companyName ? { companyName: state.fields.companyName } : {}),
    ...(state.fields.address ? { address: state.fields.address } : {}),
    consent: true,
    ...(state.sessionId ? { sessionId: state.sessionId } : {}),
  }
  const parsed = NewTicketInputSchema.safeParse(candidate)
  if (!parsed.success) {
    // Should not happen: every field was checked as it came in. Ask again for the first one at fault.
    const issue = parsed.error.issues[0]
    const field = issue?.path[0] as IntakeField | undefined
    if (field && field in FIELD_LABELS) return ask({ ...state, step: field }, [issue?.message ?? ASK_AGAIN])
    return { state, reply: CONFIRM_HELP }
  }
  return { state: { ...state, step: 'submitted' }, reply: SUBMITTING, done: parsed.data }
}
