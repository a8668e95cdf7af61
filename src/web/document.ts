import { describeLocator, splitSection, withoutHeadingLine } from './answer-text.ts'
import { ApiError, messageOf, requestJson } from './api.ts'
import type { DocumentSection, DocumentView } from './api-types.ts'
import { documentMetaList } from './doc-meta.ts'
import { byId, el, replaceChildren } from './dom.ts'

const target = byId('document')
const TARGET_CLASS = 'doc-section--target'

/** /documents/samr-order-75 → samr-order-75 */
const docIdFromPath = (path: string): string =>
  decodeURIComponent(path.replace(/^\/documents\//, '').replace(/\/$/, ''))

/** Each chunk is a section anchored as #chunk-<id>, so a citation can link straight to it. */
function sectionView(part: DocumentSection, previous: DocumentSection | undefined): HTMLElement {
  const { heading, parents } = splitSection(part.section)
  const continued = previous?.section === part.section
  const id = `chunk-${part.chunkId}`
  const where = describeLocator(part.article, part.page)
  return el(
    'section',
    { class: 'doc-section', id, tabindex: '-1', 'aria-labelledby': `${id}-heading` },
    parents.length > 0 && el('p', { class: 'doc-section__path' }, parents.join(' › ')),
    el('h2', { class: 'doc-section__heading', id: `${id}-heading` }, continued ? `${heading}（续）` : heading),
    where && el('p', { class: 'doc-section__loc' }, where),
    el('p', { class: 'doc-section__text' }, withoutHeadingLine(part.content, heading)),
    el('a', { class: 'doc-section__anchor', href: `#${id}` }, '本段链接'),
  )
}

function tableOfContents(sections: DocumentSection[]): HTMLElement {
  const items = sections
    .filter((part, index) => sections[index - 1]?.section !== part.section)
    .map((part) => {
      const { heading, parents } = splitSection(part.section)
      return el(
        'li',
        { class: parents.length ? 'toc--nested' : '' },
        el('a', { href: `#chunk-${part.chunkId}` }, heading),
      )
    })
  // Open beside the text on a wide screen; folded away above it on a phone.
  const open = window.matchMedia('(min-width: 861px)').matches
  return el(
    'nav',
    { class: 'card doc-toc-wrap', 'aria-label': '目录' },
    el('details', { class: 'doc-toc', open }, el('summary', {}, `目录（${items.length} 节）`), el('ol', {}, ...items)),
  )
}

/** Loaded after the page, so the browser's own jump to #chunk-N has to be redone here. */
function showTarget(): void {
  for (const marked of document.querySelectorAll(`.${TARGET_CLASS}`)) marked.classList.remove(TARGET_CLASS)
  const id = window.location.hash.slice(1)
  const section = id ? document.getElementById(id) : null
  if (!section?.classList.contains('doc-section')) return
  section.classList.add(TARGET_CLASS)
  section.scrollIntoView({ block: 'start' })
  section.focus({ preventScroll: true })
}

async function load(): Promise<void> {
  const docId = docIdFromPath(window.location.pathname)
  try {
    const doc = await requestJson<DocumentView>(`/api/documents/${encodeURIComponent(docId)}`)
    document.title = `${doc.title} · 政策文件`
    replaceChildren(
      target,
      el(
        'article',
        {},
        el(
          'header',
          { class: 'doc-head' },
          el('h1', {}, doc.title),
          documentMetaList(doc.meta, doc.meta.basis ? [['依据', doc.meta.basis]] : []),
          doc.meta.note && el('p', { class: 'notice doc-note' }, doc.meta.note),
        ),
        el(
          'div',
          { class: 'doc-layout' },
          tableOfContents(doc.sections),
          el(
            'div',
            { class: 'doc-body' },
            ...doc.sections.map((part, index) => sectionView(part, doc.sections[index - 1])),
          ),
        ),
      ),
    )
    showTarget()
  } catch (error) {
    const message =
      error instanceof ApiError && error.status === 404
        ? `没有找到文件“${docId}”，它可能已从知识库中移除。`
        : messageOf(error)
    replaceChildren(
      target,
      el('h1', {}, '无法显示文件'),
      el('p', { class: 'notice notice--error', role: 'alert' }, message),
      el('p', {}, el('a', { href: '/documents' }, '查看全部文件')),
    )
  }
  document.documentElement.dataset.ready = 'true'
}

window.addEventListener('hashchange', showTarget)
void load()
