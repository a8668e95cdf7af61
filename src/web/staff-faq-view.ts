import { roleAtLeast } from '../tickets/model.ts'
import type { Faq, FaqDraft } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { formMessage, type StaffContext, type StaffView } from './staff-context.ts'

const STATUS: Record<Faq['status'], [string, string]> = {
  draft: ['待审核', 'new'],
  approved: ['已生效', 'resolved'],
  withdrawn: ['已撤回', 'closed'],
}
const ACTIONS: Record<string, string> = { created: '新建', edited: '修改', approved: '审核通过', withdrawn: '撤回' }

let formCount = 0

/**
 * The form staff write a correction in: question, answer, optional cited chunk ids (from the
 * retrieval test) and last valid day. `save` sends it; the form reports errors in place.
 */
export function faqForm(
  context: StaffContext,
  initial: Partial<FaqDraft>,
  save: (draft: FaqDraft) => Promise<unknown>,
  submitLabel = '保存为草稿',
): HTMLFormElement {
  formCount += 1
  const id = `faq-${formCount}`
  const message = formMessage()
  const question = el('textarea', { id: `${id}-q`, rows: 2, maxlength: 300, required: true })
  question.value = initial.question ?? ''
  const answer = el('textarea', { id: `${id}-a`, rows: 4, maxlength: 3000, required: true })
  answer.value = initial.answer ?? ''
  const chunks = el('input', {
    id: `${id}-c`,
    type: 'text',
    inputmode: 'numeric',
    value: (initial.chunkIds ?? []).join(', '),
  })
  const until = el('input', { id: `${id}-u`, type: 'date', value: initial.validUntil ?? '' })
  const form = el(
    'form',
    { class: 'card faq-form' },
    el('div', { class: 'field' }, el('label', { for: question.id }, '问题'), question),
    el('div', { class: 'field' }, el('label', { for: answer.id }, '正确答复'), answer),
    el(
      'div',
      { class: 'field' },
      el('label', { for: chunks.id }, '引用片段编号（可选）'),
      chunks,
      el('span', { class: 'field__hint' }, '在“命中测试”中查到片段编号，多个用逗号分隔。'),
    ),
    el('div', { class: 'field' }, el('label', { for: until.id }, '有效期至（可选）'), until),
    message.element,
    el('button', { type: 'submit', class: 'button button--primary' }, submitLabel),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    message.clear()
    const ids = chunks.value
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(Number)
    if (ids.some((n) => !Number.isInteger(n) || n <= 0)) return message.error('片段编号应为正整数，多个用逗号分隔。')
    void save({ question: question.value, answer: answer.value, chunkIds: ids, validUntil: until.value || null })
      .then(() => message.ok('已保存为草稿，主管审核通过后生效。'))
      .catch((error) => context.fail(error, message.element))
  })
  return form
}

function faqItem(faq: Faq, context: StaffContext, reload: () => Promise<void>): HTMLElement {
  const [label, badge] = STATUS[faq.status]
  const history = el('div', {})
  const actions = el('div', { class: 'faq__actions' })
  const act = (name: string, run: () => Promise<unknown>, danger = false) => {
    const button = el(
      'button',
      { type: 'button', class: `button button--small${danger ? ' button--danger' : ''}` },
      name,
    )
    button.addEventListener('click', () => {
      button.disabled = true
      run()
        .then(reload)
        .catch((error) => context.fail(error, history))
        .finally(() => {
          button.disabled = false
        })
    })
    actions.append(button, ' ')
  }
  if (roleAtLeast(context.me.role, 'supervisor') && faq.status !== 'approved')
    act('审核通过', () => context.api.approveFaq(faq.id))
  if (roleAtLeast(context.me.role, 'supervisor') && faq.status === 'approved')
    act('撤回', () => context.api.withdrawFaq(faq.id), true)
  const edit = el('details', {}, el('summary', {}, '修改'))
  edit.addEventListener('toggle', () => {
    if (!edit.open || edit.querySelector('form')) return
    edit.append(
      faqForm(context, { question: faq.question, answer: faq.answer, validUntil: faq.validUntil }, (draft) =>
        context.api
          .editFaq(faq.id, { ...draft, chunkIds: draft.chunkIds?.length ? draft.chunkIds : undefined })
          .then(reload),
      ),
    )
  })
  const revisions = el('details', {}, el('summary', {}, '修改记录'), history)
  revisions.addEventListener('toggle', () => {
    if (!revisions.open) return
    context.api
      .faq(faq.id)
      .then((detail) =>
        replaceChildren(
          history,
          el(
            'ol',
            {},
            ...detail.revisions.map((revision) =>
              el(
                'li',
                {},
                `${formatDateTime(revision.at)} ${revision.staffName} ${ACTIONS[revision.action]}：${revision.answer}`,
              ),
            ),
          ),
        ),
      )
      .catch((error) => context.fail(error, history))
  })
  return el(
    'li',
    { class: 'card faq', 'data-faq': faq.id },
    el(
      'div',
      { class: 'review__meta' },
      el('span', { class: `badge badge--${badge}` }, label),
      `命中 ${faq.hits} 次`,
      faq.validUntil && ` · 有效期至 ${faq.validUntil}`,
      faq.approvedAt && ` · 审核于 ${formatDateTime(faq.approvedAt)}`,
    ),
    el('p', { class: 'review__q' }, `问：${faq.question}`),
    el('p', { class: 'review__answer' }, faq.answer),
    faq.sources.length > 0 &&
      el(
        'p',
        { class: 'muted' },
        `引用：${faq.sources.map((source) => `${source.docId} ${source.section}`).join('；')}`,
      ),
    actions,
    edit,
    revisions,
  )
}

/** Corrections that answer: write one, approve (supervisors), edit, withdraw, read the history. */
export const faqView: StaffView = async (container, context) => {
  const list = el('ol', { class: 'review-list' })
  const status = el(
    'select',
    { id: 'faq-status' },
    ...[
      ['', '全部'],
      ['draft', '待审核'],
      ['approved', '已生效'],
      ['withdrawn', '已撤回'],
    ].map(([value, label]) => el('option', { value }, label)),
  )
  const load = async () => {
    try {
      const { faqs } = await context.api.faqs(status.value)
      replaceChildren(
        list,
        ...(faqs.length
          ? faqs.map((faq) => faqItem(faq, context, load))
          : [el('li', { class: 'empty card' }, '还没有纠错答复。')]),
      )
    } catch (error) {
      context.fail(error, list)
    }
  }
  status.addEventListener('change', () => void load())
  replaceChildren(
    container,
    el('h2', {}, '纠错答复'),
    el(
      'p',
      { class: 'muted' },
      '审核通过的答复会直接回答意思相同的问题，并注明“工作人员审核的答复”。修改后须重新审核。',
    ),
    el(
      'details',
      {},
      el('summary', {}, '新建纠错答复'),
      faqForm(context, {}, (draft) => context.api.createFaq(draft).then(load)),
    ),
    el('div', { class: 'field' }, el('label', { for: 'faq-status' }, '状态'), status),
    list,
  )
  await load()
  return () => {}
}
