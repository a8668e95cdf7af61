import { ASKING_CLAUSE, clausesOf } from './asking-clauses.ts'

/**
 * A remark the asker adds after their question ("怎么看一家认证公司是不是正规的，有的报价特别低"; "配几个质量安全员有硬性
 * 数字吗，我们厂才四十来号人"): it tells what prompted the ask or who asks, and the passage that answers the ask
 * need not say it. Its words are the asker's case (Concept.optional): they still rank as any word of the question,
 * but keep no passage under the coverage gate.
 *
 * Only a clause after the last one that asks, asking nothing itself, and opening as a remark does (有的, 听说, 我们…):
 * "多久能办好，CCC免办" names the matter after the ask, and that stays asked.
 */
const REMARK = /^(?:有的|有些|有人|听说|听人说|因为|毕竟|我们|我|咱们|咱|人家|他们|对方|那家|这家|网上)/u

/** The words only a trailing remark says, as a predicate; never true when nothing is asked before it. */
export function afterwordOf(folded: string): (word: string) => boolean {
  const clauses = clausesOf(folded)
  const lastAsk = clauses.findLastIndex((clause) => ASKING_CLAUSE.test(clause))
  if (lastAsk < 0) return () => false
  const remarks = clauses.slice(lastAsk + 1).filter((clause) => REMARK.test(clause))
  if (remarks.length === 0) return () => false
  const rest = clauses.filter((clause) => !remarks.includes(clause))
  return (word) => remarks.some((clause) => clause.includes(word)) && !rest.some((clause) => clause.includes(word))
}
