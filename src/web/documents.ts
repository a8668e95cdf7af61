import { messageOf, requestJson } from './api.ts'
import type { DocumentSummary } from './api-types.ts'
import { documentMetaList } from './doc-meta.ts'
import { byId, el, replaceChildren } from './dom.ts'

const target = byId('documents')

function documentCard(doc: DocumentSummary): HTMLElement {
  return el(
    'li',
    {},
    el(
      'article',
      { class: 'card doc-card' },
      el('h2', {}, el('a', { href: `/documents/${encodeURIComponent(doc.docId)}` }, doc.title)),
      documentMetaList({ ...doc.meta, official_title: '' }, [['篇幅', `${doc.chunkCount} 段`]]),
      doc.meta.note && el('p', { class: 'doc-card__note' }, doc.meta.note),
    ),
  )
}

async function load(): Promise<void> {
  try {
    const { documents } = await requestJson<{ documents: DocumentSummary[] }>('/api/documents')
    replaceChildren(
      target,
      documents.length
        ? el('ul', { class: 'doc-list' }, ...documents.map(documentCard))
        : el('p', { class: 'empty card' }, '知识库中还没有文件。'),
    )
  } catch (error) {
    replaceChildren(target, el('p', { class: 'notice notice--error', role: 'alert' }, messageOf(error)))
  }
  document.documentElement.dataset.ready = 'true'
}

void load()
