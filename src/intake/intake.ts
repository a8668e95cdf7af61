import { maskPhone } from '../text/phone.ts'
import { type Audience, DETAIL_FIELDS, type TicketCategory, type TicketDetails } from '../tickets/model.ts'
import { type NewTicketInput, NewTicketInputSchema } from '../tickets/new-ticket.ts'
import {
  categoryFromConversation,
  categoryOfForm,
  fieldsOf,
  formOf,
  type IntakeField,
  type IntakeForm,
  type NotifyChannel,
  OPTIONAL_FIELDS,
} from './intake-fields.ts'
import {
  describesCase,
  extractName,
  isCancel,
  isConfirm,
  isSkip,
  MAX_DESCRIPTION,
  parseCorrection,
  parseNotify,
  phoneSpan,
  readField,
  removeSpans,
} from './intake-parse.ts'
import {
  ASK_AGAIN,
  CANCELLED,
  CONFIRM_HELP,
  CONFIRM_QUESTION,
  DESCRIPTION_QUESTIONS,
  describeValue,
  FIELD_LABELS,
  FINISHED,
  HINTS,
  INTAKE_INTRO,
  notifyQuestion,
  PLACEHOLDERS,
  QUESTIONS,
  SUBMITTING,
  summarise,
} from './intake-prompts.ts'

export type { IntakeField, IntakeForm } from './intake-fields.ts'

export type IntakeStep = IntakeField | 'confirm' | 'submitted' | 'cancelled'

/** Plain JSON: the chat keeps it in the session row between turns. */
export type IntakeState = {
  version: 1
  category: TicketCategory
  audience: Audience
  /** Which questions: a complaint or a report, etc. Absent in states saved before forms existed. */
  form?: IntakeForm
  sessionId?: string
  /** What was asked last; the next message answers it. */
  step: IntakeStep
  fields: Partial<Record<IntakeField, string>>
  /** Optional questions the requester chose to skip. */
  skipped?: IntakeField[]
  /** How progress can be notified here; none → the question is not asked. */
  notifyChannels?: NotifyChannel[]
}

export type IntakeTurn = {
  state: IntakeState
  /** What to say to the requester. */
  reply: string
  /** The question now waiting for an answer, to keep in view above the composer. */
  prompt: { question: string; placeholder: string } | null
  /** Everything collected and consented to: pass it to openTicket. */
  done?: NewTicketInput
  cancelled?: boolean
}

const formOfState = (state: IntakeState): IntakeForm => state.form ?? state.category

function requiredFields(state: IntakeState): IntakeField[] {
  return fieldsOf(formOfState(state), state.audience, state.notifyChannels ?? [])
}

const nextStep = (state: IntakeState): IntakeStep =>
  requiredFields(state).find((f) => !state.fields[f] && !state.skipped?.includes(f)) ?? 'confirm'

/** The question for the current step, short enough to stay in view above the composer. */
export function promptOf(state: IntakeState): IntakeTurn['prompt'] {
  const step = state.step
  if (step === 'submitted' || step === 'cancelled') return null
  if (step === 'confirm') return { question: CONFIRM_QUESTION, placeholder: PLACEHOLDERS.confirm }
  const question =
    step === 'description'
      ? DESCRIPTION_QUESTIONS[formOfState(state)]
      : step === 'notify'
        ? notifyQuestion(state.notifyChannels ?? [])
        : QUESTIONS[step]
  return { question, placeholder: PLACEHOLDERS[step] }
}

function ask(state: IntakeState, lead: string[] = []): IntakeTurn {
  const step = state.step
  const question =
    step === 'confirm'
      ? summarise(formOfState(state), requiredFields(state), state.fields)
      : (promptOf(state)?.question ?? FINISHED)
  return { state, reply: [...lead, question].join('\n'), prompt: promptOf(state) }
}

/** A reply that is not an answer (a hint, the confirm help): the question stays the same. */
const hint = (state: IntakeState, reply: string): IntakeTurn => ({ state, reply, prompt: promptOf(state) })

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
  /** What the requester said before, newest last: it can name the matter ("转人工" came after it). */
  earlier?: readonly string[]
  notifyChannels?: readonly NotifyChannel[]
  sessionId?: string
}): IntakeTurn {
  const category = categoryFromConversation(input.category, [...(input.earlier ?? []), input.firstMessage])
  const state: IntakeState = {
    version: 1,
    category,
    form: formOf(category, [input.firstMessage]),
    audience: input.audience,
    ...(input.notifyChannels?.length ? { notifyChannels: [...input.notifyChannels] } : {}),
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
  const state: IntakeState = { ...previous, fields: { ...previous.fields }, skipped: [...(previous.skipped ?? [])] }
  if (state.step === 'submitted' || state.step === 'cancelled') return { state, reply: FINISHED, prompt: null }
  const text = message.trim()
  if (text === '') return ask(state)
  // "不用了" at an optional question skips it; anywhere else it drops the whole form.
  if (state.step !== 'confirm' && OPTIONAL_FIELDS.has(state.step) && isSkip(text)) {
    state.skipped?.push(state.step)
    state.step = nextStep(state)
    return ask(state, ['好的，这一项先跳过。'])
  }
  if (isCancel(text)) return cancelIntake(state)
  if (state.step !== 'confirm' && isSkip(text)) return hint(state, `这一项需要填写。${HINTS[state.step]}`)

  const correction = parseCorrection(text, state.step === 'confirm')
  if (correction && correction.field !== state.step && requiredFields(state).includes(correction.field)) {
    const { field, value } = correction
    if (value === '') return ask({ ...state, step: field }, [ASK_AGAIN])
    const read = readField(field, value)
    if (read === null) return hint({ ...state, step: field }, HINTS[field])
    state.fields[field] = read
    state.step = nextStep(state)
    return ask(state, [`好的，${FIELD_LABELS[field]}已改为“${describeValue(field, read)}”。`])
  }

  if (state.step === 'confirm') {
    if (!isConfirm(text)) return hint(state, CONFIRM_HELP)
    return submit(state)
  }

  const step = state.step
  const { rest, noted } = absorbContact(state, text, step)
  if (rest !== '' || !noted.length) {
    const read = offered(state, step, readField(step, step === 'phone' ? text : rest))
    if (read === null) return hint(state, [...noteLine(noted), HINTS[step]].join('\n'))
    state.fields[step] = read
    if (step === 'description') refineMatter(state, read)
  }
  state.step = nextStep(state)
  return ask(state, noteLine(noted))
}

/** A notify answer keeps only the channels offered here ("短信" where only e-mail is configured reads as none). */
function offered(state: IntakeState, field: IntakeField, value: string | null): string | null {
  if (field !== 'notify' || value === null) return value
  const channels = state.notifyChannels ?? []
  const choice = parseNotify(value)
  const kept = {
    ...(choice.email && channels.includes('email') ? { email: choice.email } : {}),
    ...(choice.sms && channels.includes('sms') ? { sms: true } : {}),
  }
  return Object.keys(kept).length > 0 ? JSON.stringify(kept) : null
}

/** Ends the form; nothing collected is kept. */
export const cancelIntake = (state: IntakeState): IntakeTurn => ({
  state: { ...state, step: 'cancelled' },
  reply: CANCELLED,
  prompt: null,
  cancelled: true,
})

/** "转人工" opened a form for 其他事项; the description may name the matter, and so the questions. */
function refineMatter(state: IntakeState, description: string): void {
  if (state.category !== 'other') return
  const category = categoryFromConversation('other', [description])
  if (category === 'other') return
  state.category = category
  state.form = formOf(category, [description])
}

function detailsOf(fields: IntakeState['fields']): TicketDetails {
  return Object.fromEntries(DETAIL_FIELDS.filter((field) => fields[field]).map((field) => [field, fields[field]]))
}

function submit(state: IntakeState): IntakeTurn {
  const candidate = {
    category: categoryOfForm(formOfState(state)),
    audience: state.audience,
    description: state.fields.description,
    contactName: state.fields.contactName,
    phone: state.fields.phone,
    ...(state.fields.companyName ? { companyName: state.fields.companyName } : {}),
    ...(state.fields.address ? { address: state.fields.address } : {}),
    details: detailsOf(state.fields),
    ...(state.fields.notify ? { notify: parseNotify(state.fields.notify) } : {}),
    consent: true,
    ...(state.sessionId ? { sessionId: state.sessionId } : {}),
  }
  const parsed = NewTicketInputSchema.safeParse(candidate)
  if (!parsed.success) {
    // Should not happen: every field was checked as it came in. Ask again for the first one at fault.
    const issue = parsed.error.issues[0]
    const field = issue?.path[0] as IntakeField | undefined
    if (field && field in FIELD_LABELS) return ask({ ...state, step: field }, [issue?.message ?? ASK_AGAIN])
    return hint(state, CONFIRM_HELP)
  }
  return { state: { ...state, step: 'submitted' }, reply: SUBMITTING, prompt: null, done: parsed.data }
}
