import type { BusinessKind } from '../text/business-kinds.ts'

/**
 * The asker's description of the business they run, said first in their own words ("我们是做五金批发的，…",
 * "开商场卖家电的，…", "我在商场里开了家卖电热水壶的店，…", "我们只是个卖货的经销商，…"): it says who asks,
 * and of what kind the business is; the orders name that kind by their own unit types (生产单位, 销售单位).
 */

// Any run of the clause's characters (a clause ends where the asker pauses).
const SAID = '[^,，；;。：:？?]'
const SPEAKER = '(?:我|我们|咱们?|本人|我家|我司)'
const BUSINESS_NOUN = '(?:店|铺|厂|公司|作坊|企业|商家?|部|户|馆|超市|商场|档口|摊|团队|工作室)'
// Who is speaking (optional), a verb of running or trading (开, 做, 卖 …), what is run or traded, then 的 and
// at most the business noun the clause ends on ("开商场卖家电的", "我们是做电线电缆的小工厂"); or the speaker
// saying what they are or what they opened, ending on a business noun ("我们是电动自行车经销商", "我们是代工厂",
// "我开了个五金店"). A clause about a
// product ("我们厂的产品不在3C目录") is neither and is what the question is about; nor is a clause that asks
// ("开放日是干什么的", "是干嘛的").
const RUNS = `${SPEAKER}?${SAID}{0,6}?(?:开|做|干|搞|经营|卖)${SAID}{1,14}的(?:[^,，；;。：:？?的]{0,3}${BUSINESS_NOUN})?`
const IS = `${SPEAKER}(?:就|只|也)?是${SAID}{0,12}${BUSINESS_NOUN}`
// "我开了个五金店", "我们在商场开了家家电店".
const OPENED = `${SPEAKER}${SAID}{0,6}?开了?(?:个|家|一个|一家)${SAID}{0,10}${BUSINESS_NOUN}`
// "作为一家小面馆", "像我们这种小理发店", "我们这种开小卖部的": the asker's kind, said as what they count as.
const AS_KIND = `(?:(?:作为|身为)(?:一家|一个|个)?|像?${SPEAKER}(?:这种|这样的?|这类))${SAID}{0,12}(?:${BUSINESS_NOUN}|的)`
const OWN_BUSINESS = new RegExp(`^(?!${SAID}*(?:什么|啥|哪|谁|怎|吗|么|嘛))(?:${RUNS}|${IS}|${OPENED}|${AS_KIND})$`)

// "也能", "都可以", or the too after a yes/no form typed on a phone: "能不能也去搞个9001".
const MAY_TOO = '(?:[也都](?:能|可以)|(?:能不能|可不可以|可以不可以)[也都])'

/**
 * The asker says what business they run and asks whether they too may do a thing ("我们就是开个小饭馆的，不是
 * 工厂，也能去做9001吗", "我们是开理发店的，就十来个人，也能搞认证吗"): whom the thing is open to is asked,
 * whatever their kind is called (src/query/answer-types.ts, eligibility). At most one clause between (what
 * they are not, how many they are); the ask opens its clause, so "…，秤坏了也能用吗" asks of the scale.
 */
export const OWN_BUSINESS_MAY_TOO = new RegExp(
  `^(?!${SAID}*(?:什么|啥|哪|谁|怎|吗|么|嘛))(?:${RUNS}|${IS}|${OPENED}|${AS_KIND})[,，](?:${SAID}{1,10}[,，])?${MAY_TOO}`,
)

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

// The one unit type whose kinds a description of a business names; none when it names kinds of two ("开厂卖货的"),
// which the orders would not settle.
function kindNamedIn(kinds: readonly BusinessKind[], description: string): BusinessKind | null {
  const named = kinds.filter((kind) => kind.kinds.some((word) => description.includes(word)))
  return named.length === 1 ? named[0]! : null
}

/**
 * What the documents call the asker's kind of business, from the clause in which they name it: "开商场卖家电的"
 * is a 销售单位 (a 销售商 to the CCC guide), "我们是给人代工做电吹风的小厂" a 生产单位. Empty when no clause
 * names the asker's business or its kind is not settled.
 */
export function unitTermsOf(kinds: readonly BusinessKind[], folded: string): string[] {
  const clause = ownBusinessClause(folded)
  const kind = clause ? kindNamedIn(kinds, clause) : null
  return kind ? kind.terms.filter((term) => !folded.includes(term)) : []
}

/**
 * The asker's kind of business: the one their own description names ("我们是做塑料制品的小厂，…"), else the one
 * the question names where it speaks of the business ("厂里的质量安全员", "商场老板", "卖的产品有缺陷"); null
 * when it names none, or kinds of both.
 */
export function businessOf(kinds: readonly BusinessKind[], folded: string): BusinessKind | null {
  const clause = ownBusinessClause(folded)
  return (clause ? kindNamedIn(kinds, clause) : null) ?? kindNamedIn(kinds, folded)
}

/**
 * "换成卖东西的商店呢", "那我们是开批发部卖电器的呢": the question before asked again ("…呢") for a business of
 * the kind described, as the orders name it (销售单位); null when the message is not such a description.
 */
export function businessAskedAgain(kinds: readonly BusinessKind[], folded: string): BusinessKind | null {
  // "那卖货的企业这边呢": the side named, the business described before it; "…呢，也归它管吗" asks the same again.
  const description =
    /^(?:那|那么|如果|要是|换成|换做|改成)*(.+?)(?:这边|那边|这块|那块|方面)?呢[?？]?(?:[,，]?[也还都][^,，?？]{0,8}[吗么][?？]?)?$/.exec(
      folded,
    )?.[1]
  return description && OWN_BUSINESS.test(description) ? kindNamedIn(kinds, description) : null
}
