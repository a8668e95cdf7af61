import { el } from './dom.ts'
import { formatIssued } from './format.ts'

/** What doc_type in a document's front matter means, said in Chinese. */
const DOC_TYPES: Record<string, string> = {
  regulation: '部门规章',
  guide: '办事指引',
  'campaign-plan': '活动方案',
  'policy-outline': '政策纲要',
  'policy-implementation-plan': '实施方案',
}

/** A document's front matter as a definition list; absent fields are left out. */
export function documentMetaList(meta: Record<string, string>, extra: [string, string][] = []): HTMLDListElement {
  const rows: [string, string | null | undefined][] = [
    ['类型', DOC_TYPES[meta.doc_type ?? ''] ?? meta.doc_type],
    ['正式名称', meta.official_title],
    ['文号', meta.doc_no],
    ['发布机关', meta.issuer],
    ['发布日期', formatIssued(meta.issued)],
    ['施行日期', formatIssued(meta.effective)],
    ['有效期', meta.valid_period],
    ...extra,
  ]
  return el(
    'dl',
    { class: 'meta-list' },
    ...rows
      .filter(([, value]) => value)
      .flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value as string)]),
  )
}
