/**
 * A verdict asked in the asker's own words: what comes of their case ("会被咋处理", "被查出来会怎么样", "企业自己
 * 有事吗"), whether a complaint is still taken ("还管不管", "还给处理吗", "受不受理"), or whether one way is all
 * that is left ("是不是只能去法院告了"). The guide states the verdict in its words, never in the asker's: 责令停止
 * 使用, 同样会被处罚, 列入严重违法失信名单 (an outcome), 不予受理 (whether it is taken), 仲裁, 诉讼, 调解 (the other
 * ways open). The words of the ask are said by a passage that states such a verdict, as a 要求 asked for is said by
 * 应当 (REQUEST_NOUNS of src/query/concepts.ts): the section telling the outcome covers the ask, not only one that
 * happens to say 后果 or 处理.
 */

import { askingClausesOf, clausesOf } from './asking-clauses.ts'

type VerdictAsk = { asked: RegExp; told: RegExp }

// What befalls a case, as the guides tell it: a penalty, an order, a withdrawal or suspension, a listing, a
// complaint not taken or a mediation ended, and the ways still open after it (调解不成的…仍可以通过仲裁或诉讼维权).
const OUTCOME_TOLD =
  /后果|处罚|罚款|责令|没收|吊销|撤销|暂停|失信|追究|移送|停止使用|不予受理|终止调解|调解终止|仲裁|诉讼/
// Whether a complaint is taken: the grounds for refusing one, or its being taken within a time.
const ACCEPTANCE_TOLD = /受理/
// Other ways open than the one the asker fears is the last.
const OTHER_WAYS_TOLD = /途径|仲裁|诉讼|起诉|调解|和解/

// After a complaint or its story: "还管不管", "还管吗", "还给处理吗", "受不受理", "还能受理不".
// So "已经去法院起诉了，还能同时去12315投诉吗", "公司采购的，能按消费者投诉走吗": whether one may still, or as a
// consumer, complain is whether the complaint is taken.
const ACCEPTANCE_ASKED =
  /还?管不管|还管吗|还给处理|还处理吗|受不受理|还(?:能|会)?受理|还能(?:同时)?[去在找向走]?[^，,。？?]{0,6}投诉(?=[吗么不]|$)|能按[^，,。？?]{0,6}投诉|还来得及/
const ACCEPTANCE_ASKED_ALL = new RegExp(ACCEPTANCE_ASKED.source, 'g')

const VERDICT_ASKS: VerdictAsk[] = [
  {
    // "会被咋处理", "会怎么样", "后面会咋弄", "有啥后果", "企业自己有事吗", "有没有事".
    asked:
      /会(?:被)?(?:怎么样|怎样|咋样|咋处理|怎么处理|如何处理|咋弄|怎么弄|咋办)|(?:什么|啥)后果|有事吗|有没有事|有事没事|会不会有事/,
    told: OUTCOME_TOLD,
  },
  { asked: ACCEPTANCE_ASKED, told: ACCEPTANCE_TOLD },
  {
    // "是不是只能去法院告了", "难道只能打官司吗": only its 只能 asks; the way named is the asker's.
    asked: /只能(?=[^，。？]{0,8}(?:法院|告|起诉|官司|仲裁)[^，。？]{0,4}(?:吗|了|么|$))/,
    told: OTHER_WAYS_TOLD,
  },
]

// A clause asking when or how long ("啥时候能告诉我受不受理", "多久知道管不管"): the verdict is what will be told, the
// time is asked, and the section on time limits answers.
const TIME_ASKED = /啥时候|什么时候|多久|多长时间|几天|哪天/

// Each ask in its global form, built once: every span of it in a clause is one ask.
const VERDICT_ASKS_ALL = VERDICT_ASKS.map(({ asked, told }) => ({ all: new RegExp(asked.source, 'g'), told }))

/** The spans of the folded question that ask for a verdict, each with what states it. */
function verdictSpansOf(folded: string): Array<{ span: string; told: RegExp }> {
  return clausesOf(folded)
    .filter((clause) => !TIME_ASKED.test(clause))
    .flatMap((clause) =>
      VERDICT_ASKS_ALL.flatMap(({ all, told }) => (clause.match(all) ?? []).map((span) => ({ span, told }))),
    )
}

/** The folded question asks for a verdict on the asker's case ("会被咋处理", "还管不管", "是不是只能去法院告了"). */
export const asksVerdict = (folded: string): boolean => verdictSpansOf(folded).length > 0

/** The clauses of the folded question that ask for a verdict. */
export const verdictClausesOf = (folded: string): string[] => clausesOf(folded).filter((clause) => asksVerdict(clause))

/**
 * What a passage says that states the verdict a word of the folded question asks for ("处理" of "会被咋处理",
 * "管不管" of "还管不管"), as a lookup per word (null when the word is not part of such an ask): the spans are
 * found once per question, not once per word.
 */
export function verdictToldOf(folded: string): (word: string) => RegExp | null {
  const spans = verdictSpansOf(folded)
  return (word) => spans.find(({ span }) => span.includes(word))?.told ?? null
}

/**
 * Where the folded question asks for anything. Before a verdict asked ("找中介花钱买了张假的认证证书，被查出来会怎么样",
 * "买回来没多久就不制冷，…，现在去投诉还管不管") a clause asking nothing is the asker's story: its 花钱, 收钱 or 没多久
 * tell what happened, they ask no sum, fee or length; only the clauses that ask do. The whole question otherwise.
 */
export function askedPartOf(folded: string): string {
  if (!asksVerdict(folded)) return folded
  return [...new Set([...askingClausesOf(folded), ...verdictClausesOf(folded)])].join('，')
}

/**
 * The folded question without its asks whether a complaint is still taken: "…这样会怎么样还给处理吗" asks no penalty by
 * its 处理, the guide's grounds for refusing a complaint answer it (src/query/answer-types.ts asksPenalty).
 */
export const withoutAcceptanceAsked = (folded: string): string => folded.replace(ACCEPTANCE_ASKED_ALL, '')
