import { foldText } from '../text/fold.ts'
import type { Priority } from './model.ts'

/** Words that describe harm or imminent danger on their own. */
const HAZARDS = [
  '起火',
  '着火',
  '失火',
  '火灾',
  '燃烧',
  '自燃',
  '冒烟',
  '冒火',
  '火花',
  '爆炸',
  '炸裂',
  '爆裂',
  '鼓包',
  '受伤',
  '烫伤',
  '烧伤',
  '割伤',
  '划伤',
  '夹伤',
  '砸伤',
  '骨折',
  '住院',
  '死亡',
  '身亡',
  '窒息',
  '触电',
  '漏电',
  '电击',
  '燃气泄漏',
  '煤气泄漏',
  '天然气泄漏',
  '漏气',
  '一氧化碳',
  '中毒',
  '食物中毒',
  '煤气味',
  '燃气味',
  '天然气味',
  '烧焦',
  '烧着',
  '烧毁',
  '爆燃',
  '炸了',
  '被电',
  '带电',
  '麻手',
  '流血',
  '头破血流',
  '爆了',
  '烧了',
  '炸开',
  '出血',
  '摔伤',
  '刺伤',
  '咬伤',
  '噎住',
  '卡喉咙',
  '上吐下泻',
  '呕吐',
  '腹泻',
  '拉肚子',
  '送医',
  '急诊',
  '抢救',
  '昏迷',
  '休克',
  '电梯困人',
  '困在电梯',
  '坠落',
  '倒塌',
]

/**
 * Vulnerable people: "儿童" alone is an ordinary product question (儿童玩具 CCC), so it raises
 * the priority only together with a risk word.
 */
const VULNERABLE = ['儿童', '小孩', '孩子', '婴儿', '婴幼儿', '幼儿', '宝宝', '孕妇', '老人']
const RISKS = [
  '危险',
  '隐患',
  '误食',
  '误吞',
  '吞',
  '噎',
  '卡住',
  '划',
  '夹',
  '烫',
  '有毒',
  '超标',
  '锋利',
  '脱落',
  '掉落',
  '伤',
]

export type PriorityAssessment = { priority: Priority; reasons: string[] }

/** `high` when the text describes a safety risk; the matched words say why (for the audit log). */
export function assessPriority(text: string): PriorityAssessment {
  const folded = foldText(text)
  const reasons = HAZARDS.filter((word) => folded.includes(word))
  const vulnerable = VULNERABLE.filter((word) => folded.includes(word))
  if (vulnerable.length > 0) {
    const risks = RISKS.filter((word) => folded.includes(word))
    if (risks.length > 0 || reasons.length > 0) reasons.push(...vulnerable, ...risks)
  }
  const unique = [...new Set(reasons)]
  return { priority: unique.length > 0 ? 'high' : 'normal', reasons: unique }
}
