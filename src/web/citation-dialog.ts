import { describeLocator, locateQuote, passageUrl, splitSection } from './answer-text.ts'
import { messageOf, requestJson } from './api.ts'
import type { ChunkView, Citation } from './api-types.ts'
import { byId, el, replaceChildren } from './dom.ts'
import { formatIssued } from './format.ts'

/**
 * The dialog that opens a [n]: the document's title, where in it the passage is, its date, and the
 * whole passage with the quoted span marked. Passages are fetched once and kept.
 */
export function createCitationDialog() {
  const dialog = byId<HTMLDialogElement>('citation-dialog')
  const kicker = byId('citation-kicker')
  const title = byId('citation-title')
  const meta = byId('citation-meta')
  const body = byId('citation-body')
  const link = byId<HTMLAnchorElement>('citation-link')
  const chunks = new Map<number, Promise<ChunkView>>()
  let opener: HTMLElement | null = null

  byId('citation-close').addEventListener('click', () => dialog.close())
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close()
  })
  dialog.addEventListener('close', () => opener?.focus())

  const loadChunk = (id: number) => {
    let chunk = chunks.get(id)
    if (!chunk) {
      chunk = requestJson<ChunkView>(`/api/chunks/${id}`)
      chunk.catch(() => chunks.delete(id))
      chunks.set(id, chunk)
    }
    return chunk
  }

  const metaRow = (term: string, value: string | null | undefined) =>
    value ? [el('dt', {}, term), el('dd', {}, value)] : []

  function showPassage(citation: Citation, chunk: ChunkView): void {
    const { heading, parents } = splitSection(chunk.section)
    const locator = describeLocator(chunk.article, chunk.page)
    replaceChildren(
      meta,
      ...metaRow('章节', [...parents, heading].join(' › ')),
      // 第四条 is already in the heading 第四条 支持保障与听取意见; say it only when it adds something.
      ...metaRow('条款', heading.includes(locator) ? null : locator),
      ...metaRow('文号', chunk.meta.doc_no),
      ...metaRow('发布日期', formatIssued(chunk.meta.issued)),
      ...metaRow('发布机关', chunk.meta.issuer),
    )
    const span = locateQuote(chunk.content, citation.quote)
    const passage = el('p', { class: 'passage' })
    if (span) {
      const mark = el('mark', { class: 'passage__quote' }, chunk.content.slice(span.start, span.end))
      passage.append(chunk.content.slice(0, span.start), mark, chunk.content.slice(span.end))
      replaceChildren(body, el('h3', { class: 'passage__label' }, '原文（引用部分已标出）'), passage)
      mark.scrollIntoView({ block: 'nearest' })
    } else {
      passage.append(chunk.content)
      replaceChildren(
        body,
        el('h3', { class: 'passage__label' }, '引用'),
        el('blockquote', { class: 'passage passage__quote-block' }, citation.quote),
        el('h3', { class: 'passage__label' }, '原文'),
        passage,
      )
    }
    if (chunk.meta.note) body.append(el('p', { class: 'passage__note' }, chunk.meta.note))
  }

  return {
    async open(citation: Citation, from: HTMLElement): Promise<void> {
      opener = from
      kicker.textContent = `出处 [${citation.n}]`
      title.textContent = `《${citation.title}》`
      link.href = passageUrl(citation.docId, citation.chunkId)
      replaceChildren(meta, ...metaRow('章节', splitSection(citation.section).heading))
      replaceChildren(body, el('p', { class: 'muted', role: 'status' }, '正在载入原文……'))
      if (!dialog.open) dialog.showModal()
      try {
        showPassage(citation, await loadChunk(citation.chunkId))
      } catch (error) {
        replaceChildren(
          body,
          el('p', { class: 'notice notice--error', role: 'alert' }, messageOf(error)),
          el('blockquote', { class: 'passage passage__quote-block' }, citation.quote),
        )
      }
    },
  }
}

export type CitationDialog = ReturnType<typeof createCitationDialog>
