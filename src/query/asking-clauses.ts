import { CLAUSE_BREAK } from '../text/sentences.ts'

// A clause that asks something: a question word or a yes/no ending. "碰到用作弊秤的商家，…" only sets the scene, as
// does a few told after 没 ("买的包没用几天就开线了", "没几天就坏了"): how soon it went wrong, not a count asked; and
// 好几 ("我们公司好几年没办了", "跑了好几趟"), which tells many, never asks how many. A choice between two asks
// ("该选投诉还是举报啊"), though 还是 alone is as often "still" ("修了还是坏").
export const ASKING_CLAUSE =
  /什么|啥|哪|多少|(?<!没[^，,；;。？?]?|好)几|怎么|怎样|如何|多久|多长|吗|是否|谁|何时|(?:选择?|走)[^，,；;。？?]{0,8}还是/

const QUESTION_WORD = '(?:什么|啥|哪|多少|几|怎么|怎样|如何|多久|多长)'
// A second ask run on without a pause, as typed on a phone: "免办要什么材料要多久能批下来", "电子秤要多久检一次要
// 交钱吗". The first ask puts its question word after a verb (要什么材料); the second opens with a modal again and
// asks again. "哪些产品要多久检一次" asks one thing: no verb before its first question word; nor does "要怎么做才能要到".
const RUN_ON = new RegExp(
  `^([^，]*?(?:要|得|需要|能|可以|有|是)[^，]{0,2}?${QUESTION_WORD}[^，要得]{0,6}?)(?<!才能|才|就|能|可以|不)((?:还要|还得|需要|要|得)[^，]*?(?:${QUESTION_WORD}[^，]*|吗))$`,
)

/** The clauses of a folded question, in order, trimmed, none empty. */
export const clausesOf = (folded: string): string[] =>
  folded
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '')

/** How many or how big ("二十来个人", "四年", "三个月"): a count the asker tells, which the documents' rules judge. */
export const COUNT_WORD = /[0-9零一二两三四五六七八九十百千万几半]/

/** The clauses of a folded question that ask, in order; `asking` says what marks one. */
export const askingClausesOf = (folded: string, asking: RegExp = ASKING_CLAUSE): string[] =>
  folded
    .split(CLAUSE_BREAK)
    .flatMap((clause) => {
      const runOn = RUN_ON.exec(clause.trim())
      return runOn ? [runOn[1]!, runOn[2]!] : [clause.trim()]
    })
    .filter((clause) => asking.test(clause))

/**
 * Whether a word of the folded question is said only in a clause that asks nothing ("厂里要搞ISO认证，我当老板的自己
 * 要做些什么": 厂里). Such a clause tells where the asker stands; false when no clause asks or every one does.
 */
export function saidOnlyInToldClause(folded: string, word: string): boolean {
  const asking = askingClausesOf(folded)
  if (asking.length === 0 || !folded.includes(word)) return false
  return !asking.some((clause) => clause.includes(word))
}
