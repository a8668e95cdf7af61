/**
 * The asker's description of the business they run, said first in their own words ("我们是做五金批发的，…",
 * "开商场卖家电的，…", "我在商场里开了家卖电热水壶的店，…", "我们只是个卖货的经销商，…"): it says who asks,
 * and of what kind the business is; the orders name that kind by their own unit types (生产单位, 销售单位).
 */

// Who is speaking (optional), a verb of running or trading (开, 做, 卖 …), what is run or traded, then 的 and
// at most the business noun the clause ends on (店, 厂, 经销商 …). A clause about a product ("我们厂的产品不在
// 3C目录") has no such verb and is what the question is about; nor does a clause that asks ("开放日是干什么的").
const OWN_BUSINESS =
  /^(?![^,，；;。：:？?]*(?:什么|啥|哪|谁|怎|吗|么))(?:我|我们|咱们?|本人|我家|我司)?[^,，；;。：:？?]{0,6}?(?:开|做|干|搞|经营|卖)[^,，；;。：:？?]{1,14}的(?:[^,，；;。：:？?的]{0,3}(?:店|厂|公司|作坊|企业|商|部|户|馆))?$/

/** The clauses of a folded question, split where the asker pauses. */
const clausesOf = (folded: string): string[] =>
  folded.split(/[，,；;。：:？?]/).filter((clause) => clause.trim() !== '')

/**
 * The clause before the question in which the asker says what business they run, or null: only a clause
 * that something follows, so that "开网店的" alone stays what it asks.
 */
export function ownBusinessClause(folded: string): string | null {
  const [first, ...rest] = clausesOf(folded)
  return first !== undefined && rest.length > 0 && OWN_BUSINESS.test(first) ? first : null
}
