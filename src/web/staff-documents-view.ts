import { roleAtLeast } from '../tickets/model.ts'
import type { StaffDocument, UploadReport } from './api-types.ts'
import { el, replaceChildren } from './dom.ts'
import { formatDateTime } from './format.ts'
import { formMessage, type StaffContext, type StaffView } from './staff-context.ts'

const STATUS_LABELS: Record<UploadReport['status'], string> = {
  added: '已新增',
  updated: '已替换',
  unchanged: '内容未变',
}
const META_FIELDS: Array<[string, string, string]> = [
  ['title', '标题', '留空则取文件中的标题'],
  ['doc_no', '文号', '如：浦市监〔2026〕1号'],
  ['issuer', '发布机关', ''],
  ['issued', '发布日期', 'YYYY-MM-DD'],
  ['effective', '施行日期', 'YYYY-MM-DD'],
  ['valid_period', '有效期', '时效性文件填写，如：2026年9月'],
]

const field = (name: string, label: string, hint = '') =>
  el(
    'div',
    { class: 'field' },
    el('label', { for: `doc-${name}` }, label),
    el('input', { id: `doc-${name}`, name, type: 'text', maxlength: 200, placeholder: hint || null }),
  )

/** A document's chunks as they were cut: heading path, locator, page, length and text. */
function chunkList(
  chunks: Array<{
    section: string
    article?: string | null
    locator?: string | null
    page: number | null
    content?: string
    text?: string
    chars?: number
  }>,
) {
  return el(
    'ol',
    { class: 'chunk-preview' },
    ...chunks.map((chunk) => {
      const text = chunk.content ?? chunk.text ?? ''
      const where = [
        chunk.article ?? chunk.locator,
        chunk.page ? `第 ${chunk.page} 页` : null,
        `${chunk.chars ?? text.length} 字`,
      ]
      return el(
        'li',
        {},
        el('p', { class: 'chunk-preview__section' }, chunk.section || '（正文）'),
        el('p', { class: 'muted' }, where.filter(Boolean).join(' · ')),
        el('p', { class: 'chunk-preview__text' }, text.length > 160 ? `${text.slice(0, 160)}……` : text),
      )
    }),
  )
}

function reportView(report: UploadReport): HTMLElement {
  return el(
    'section',
    { class: 'card upload-report', 'data-testid': 'upload-report', 'aria-label': '入库结果' },
    el('h3', {}, `${report.docId}：${STATUS_LABELS[report.status]}，${report.chunks} 个片段`),
    report.warnings.length > 0
      ? el('ul', { class: 'notice notice--warning' }, ...report.warnings.map((warning) => el('li', {}, warning)))
      : el('p', { class: 'muted' }, '没有需要人工核对的问题。'),
    el('details', {}, el('summary', {}, '查看切分结果'), chunkList(report.preview)),
  )
}

function uploadForm(context: StaffContext, onDone: () => Promise<void>): HTMLElement {
  const message = formMessage()
  const result = el('div', {})
  const file = el('input', {
    id: 'doc-file',
    name: 'file',
    type: 'file',
    accept: '.md,.txt,.pdf,.docx',
    required: true,
  })
  const form = el(
    'form',
    { class: 'card upload-form', 'aria-labelledby': 'upload-title' },
    el('h3', { id: 'upload-title' }, '上传或替换文件'),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'doc-file' }, '文件（.md、.txt、.pdf、.docx）'),
      file,
      el('span', { class: 'field__hint' }, '与已上传文件同名（或填写相同的文件编号）即替换它；问答立即使用新内容。'),
    ),
    field('docId', '文件编号', '留空则取文件名'),
    ...META_FIELDS.map(([name, label, hint]) => field(name, label, hint)),
    message.element,
    el('button', { type: 'submit', class: 'button button--primary' }, '上传并入库'),
    result,
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    message.clear()
    const data = new FormData()
    // Text fields first: the server reads them before the file streams in.
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="text"]')) {
      if (input.value.trim()) data.append(input.name, input.value.trim())
    }
    const chosen = file.files?.[0]
    if (!chosen) return message.error('请选择要上传的文件。')
    data.append('file', chosen, chosen.name)
    const button = form.querySelector('button') as HTMLButtonElement
    button.disabled = true
    void context.api
      .uploadDocument(data)
      .then(async (report) => {
        replaceChildren(result, reportView(report))
        context.announce(`${report.docId}：${STATUS_LABELS[report.status]}`)
        form.reset()
        await onDone()
      })
      .catch((error) => context.fail(error, message.element))
      .finally(() => {
        button.disabled = false
      })
  })
  return form
}

function documentRow(doc: StaffDocument, context: StaffContext, reload: () => Promise<void>): HTMLElement {
  const preview = el('td', { colspan: 6, class: 'chunk-cell' })
  const previewRow = el('tr', { hidden: true }, preview)
  const show = el('button', { type: 'button', class: 'button button--small' }, '查看片段')
  show.addEventListener('click', () => {
    previewRow.hidden = !previewRow.hidden
    if (previewRow.hidden) return
    replaceChildren(preview, '正在载入……')
    context.api
      .documentChunks(doc.docId)
      .then((body) => replaceChildren(preview, chunkList(body.chunks)))
      .catch((error) => context.fail(error, preview))
  })
  const remove =
    doc.origin === 'upload' && roleAtLeast(context.me.role, 'supervisor')
      ? el('button', { type: 'button', class: 'button button--small button--danger' }, '删除')
      : null
  remove?.addEventListener('click', () => {
    if (!window.confirm(`删除《${doc.title}》？问答将不再引用它。`)) return
    context.api
      .deleteDocument(doc.docId)
      .then(async () => {
        context.announce(`已删除 ${doc.docId}`)
        await reload()
      })
      .catch((error) => context.fail(error, preview))
  })
  const row = el(
    'tr',
    { 'data-doc': doc.docId },
    el('td', {}, el('strong', {}, doc.title), el('br'), el('span', { class: 'code' }, doc.docId)),
    el('td', {}, doc.origin === 'upload' ? `上传${doc.uploadedBy ? `（${doc.uploadedBy}）` : ''}` : '知识库目录'),
    el('td', {}, doc.fileName ?? doc.format),
    el('td', {}, String(doc.chunkCount)),
    el('td', {}, formatDateTime(doc.ingestedAt)),
    el('td', {}, show, ' ', remove),
  )
  const body = el('tbody', {}, row, previewRow)
  return body
}

/** Documents: the list with chunk counts, upload and replace (supervisors), chunk preview, delete. */
export const documentsView: StaffView = async (container, context) => {
  const table = el('div', { class: 'table-wrap' })
  const load = async () => {
    try {
      const { documents } = await context.api.documents()
      replaceChildren(
        table,
        el(
          'table',
          { class: 'table' },
          el('caption', {}, `知识库共 ${documents.length} 份文件`),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['文件', '来源', '格式/文件名', '片段数', '入库时间', '操作'].map((h) =>
                el('th', { scope: 'col' }, h),
              ),
            ),
          ),
          ...documents.map((doc) => documentRow(doc, context, load)),
        ),
      )
    } catch (error) {
      context.fail(error, table)
    }
  }
  replaceChildren(
    container,
    el('h2', {}, '知识库文件'),
    roleAtLeast(context.me.role, 'supervisor')
      ? uploadForm(context, load)
      : el('p', { class: 'muted' }, '上传、替换和删除文件须由主管操作。'),
    table,
  )
  await load()
  return () => {}
}
