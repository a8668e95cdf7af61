import { BREACH_WINDOW } from '../answer/tuning.ts'
import { namesAnAct } from '../text/segment.ts'
import { asksConsequence } from './answer-types.ts'

/**
 * The duty the asker says was left undone, asked what follows ("秤一年多没去检了会咋样" → 去检, "暂停期满了还是没去审核，
 * 会怎么样" → 去审核), and whether they tell it overdue ("超期半年了", "13个月了还没约审核"). A section on consequences
 * lists one case a line (未按规定申请检定…; 超过监督审核间隔的…; 暂停期满仍未接受监督审核的…); its heading names them
 * all (六、不检、超期或作弊的后果), so the words of the case only pick the line that tells the consequence of that
 * breach. Null when the question asks no consequence or tells no breach.
 */
export function breachOf(folded: string): Breach | null {
  if (!asksConsequence(folded)) return null
  // "会不会", "是不是", "有没有" put the question; they negate nothing.
  const told = folded.replace(/(\p{Script=Han})[不没]\1/gu, '')
  // "检定超期半年了": the doing overdue is undone as much as one after 没 (a thing overdue, 秤超期, names none).
  const late = OVERDUE_DOING.exec(told)?.[1] ?? ''
  const doing = NEGATED_DOING.exec(told)?.[1] ?? (namesAnAct(late) ? late : '')
  // A time gone by with the doing still undone is a duty overdue, as much as 超期 said.
  const overdue = OVERDUE.test(told) || (doing !== '' && TIME_TOLD.test(told))
  return doing !== '' || overdue ? { doing, overdue } : null
}

export type Breach = { doing: string; overdue: boolean }

const OVERDUE = /超期|逾期|过期|超过/
const OVERDUE_DOING = /(\p{Script=Han}{2})(?:超期|逾期|过期)/u
const TIME_TOLD = /(?:天|礼拜|星期|周|个?月|年)(?:多|半)?了/

// A negation and what it negates, up to the clause's end or the words that turn to what follows (了, 被, 会, 的话).
const NEGATED_DOING = /(?:没有|没|不|未)(\p{Script=Han}{1,8}?)(?=了|被|会|的话|[,.;:!?。]|$)/u

// Negations as the documents write a breach: "未按规定申请检定", "不按要求…登记造册", "没有合理设置…公平秤".
const NEGATION = /没有|没|不|未|无/gu

/**
 * Whether a folded sentence tells that breach: a negation followed, within its clause, by a character of the
 * doing, or a duty overdue (超过…间隔的) when the asker tells theirs overdue. `telling` says which characters of
 * the doing count (common ones, 去 of 去检, say nothing).
 */
export function tellsBreach(breach: Breach, folded: string, telling: (character: string) => boolean): boolean {
  if (breach.overdue && OVERDUE.test(folded)) return true
  const characters = [...breach.doing].filter(telling)
  if (characters.length === 0) return false
  for (const match of folded.matchAll(NEGATION)) {
    const clause = folded.slice(match.index + match[0].length).split(/[,.;:!?。]/)[0] ?? ''
    const within = clause.slice(0, BREACH_WINDOW)
    if (characters.some((character) => within.includes(character))) return true
  }
  return false
}
