import type { RefusalReason } from './refusals.ts'

/**
 * What each gate means, in the words an officer reads in the console (the conversation log, the
 * retrieval test, the answer statistics). The names stay the stored and logged value; every name
 * needs a label, so a new gate cannot reach the console as an English code.
 */
export const REFUSAL_LABELS: Record<RefusalReason, string> = {
  'no-passages': '没有检索到资料',
  untranslated: '英文问题无法对应到中文术语',
  'missing-identifier': '资料未提到问题中的年份、编号或名称',
  'unknown-terms': '问题用语大多不在资料中',
  'unknown-matter': '所问的事物资料中从未提及',
  'low-coverage': '资料对问题覆盖不足',
  'listed-only': '资料只在列举中提到所问的事物，并没有讲它',
  'other-event': '资料给出的是另一件事的时间（如检定周期），没有讲所问的事要多久',
  'other-matter': '资料讲的是相近的另一事项，没有讲所问的事项',
  'false-grounding': '检索到的片段没有讲问题所问的事项',
  'other-document': '问题点名的文件不在引用之列',
  'no-typed-fact': '资料没有给出所问的具体信息（金额、电话、日期、时限等）',
  'no-procedure': '资料没有讲所问事项的办理步骤',
  'no-consequence': '资料没有讲违反规定的后果或处罚',
  'other-place': '问的是其他区或城市，资料只涉及浦东新区或上海市',
  'unsaid-doing': '资料讲了所问的事项，但没有讲所问的做法（如撤回、申请仲裁、延期）',
  'unsaid-aspect': '资料讲了相关事项，但没有讲所问的那一方面（如举报奖励、保密、收费、到账时间、签字人、地点）',
  'unnamed-audience': '资料没有讲专门面向所问人群的活动',
  'unsaid-alternative': '资料讲了所问的事项，但没有说所问的两种做法是哪一种',
  'weak-quote': '可引用的原文没有回答所问',
  'unjudged-case': '问的是规定是否适用于自己的情况，资料只讲了规定本身，没有讲到这种情况',
  'coverage-gap': '资料声明不涵盖此事项',
  'article-not-covered': '该令的摘要不含所问条款',
  'beyond-summary': '所问事项在该令摘要未收录的条文中（如任职条件、培训考核、处罚）',
  partial: '部分回答：资料只回答了问题的一部分',
  'out-of-scope': '不属于本服务范围',
}

/** A stored reason as the console shows it; a name from an older version is shown as it is. */
export const refusalLabel = (reason: string): string => REFUSAL_LABELS[reason as RefusalReason] ?? reason
