import type { FileOutcome, IngestSummary } from './pipeline.ts'

export function describeOutcome(outcome: FileOutcome): string {
  switch (outcome.status) {
    case 'added':
    case 'updated':
      return `  ${outcome.status === 'added' ? '新增' : '更新'}  ${outcome.file}: ${outcome.chunks} 个片段, ${outcome.ms} ms`
    case 'unchanged':
      return `  未变  ${outcome.file}`
    case 'failed':
      return `  失败  ${outcome.file}: ${outcome.reason}（已跳过，原有数据保留）`
  }
}

export function describeSummary(summary: IngestSummary): string {
  const count = (status: FileOutcome['status']) => summary.files.filter((file) => file.status === status).length
  const chunks = summary.files.reduce((sum, file) => sum + ('chunks' in file ? file.chunks : 0), 0)
  const failed = summary.files.flatMap((file) => (file.status === 'failed' ? [`${file.file}（${file.reason}）`] : []))
  return [
    `入库完成：新增 ${count('added')}，更新 ${count('updated')}，未变 ${count('unchanged')}，失败 ${count('failed')}，` +
      `删除 ${summary.removed.length}${summary.removed.length ? `（${summary.removed.join('、')}）` : ''}；` +
      `写入 ${chunks} 个片段，用时 ${summary.ms} ms${summary.reembedded ? '（已按新的向量模型重新计算全部向量）' : ''}`,
    ...(failed.length > 0
      ? [`有 ${failed.length} 个文件未能入库：${failed.join('；')}。请按原因修正这些文件后重新运行 npm run ingest`]
      : []),
  ].join('\n')
}

/** Complete means every file is in the store: a file left out is a failed run, not a footnote. */
export const ingestComplete = (summary: IngestSummary): boolean =>
  summary.files.every((file) => file.status !== 'failed')
