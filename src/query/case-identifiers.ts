/**
 * Codes, models and years the asker tells of their own case, not the thing asked about: "小区门口店里卖的
 * XR200型电暖器没有3C标志，怎么举报", "客户发来一张证书，编号CN-QMS-2023-0815，…去哪查", "2021年买的热水器…，
 * 现在投诉还有用吗", "有一批零件是给4S店维修用的". The guides answer how to report goods, check a paper or complain about a purchase whatever
 * its model or number, so a passage need not repeat it. A code that names the matter asked — "ISO 14001认证
 * 怎么办理", "产品出口欧洲要做CE认证，流程是什么", "2024年质量月是几月份" — stays one a passage must mention.
 */
import { ASKING_CLAUSE } from './asking-clauses.ts'

// The goods of a purchase or a sale: the code follows the trade in the clause ("网店卖的SK-II面霜", "进口一批
// KX-90型…", "有人卖假的ISO45001证书"), or made ("我们做的是LED灯具", "厂里生产USB充电器"). 出口 is not one, nor a
// bare 做: "出口欧洲要做CE认证" asks about the certificate.
const TRADED_BEFORE = /买|卖|购|进口|进了|做的是|生产|制造/
// A model or a serial number: "KX-90型", "XR200款", "编号CN-QMS-2023-0815", "型号：AB12".
const MODEL_AFTER = /^(?:型(?!号)|款)/
// A shop named by its code, where the asker's goods go or come from: "给4S店维修用的", "711便利店".
const SHOP_AFTER = /^(?:店|门店|便利店|专卖店|超市)/
const NUMBER_BEFORE = /(?:编号|型号|批号|货号|订单号|证书号)[:：]?$/
// A year the asker bought the thing in ("2021年买的热水器"), not a year of the matter ("2024年质量月").
const YEAR_OF_PURCHASE = /^年(?:底|初|中)?(?:的时候)?(?:在[^买购]{1,8})?(?:买|购)/

// A told clause ends at any pause; a space typed on a phone is one too.
const CLAUSE_BREAK = /[，,；;。？?！!\s]+/
// The whole code an identifier is part of: "cn-qms-2023-0815" for "qms", "sk-ii" for "ii".
const CODE = /[a-z0-9][a-z0-9\-_.]*/g

type Told = { clause: string; code: string; at: number }

/** Each code of each clause that only tells (asks nothing), with where it stands in its clause. */
function toldCodes(folded: string): Told[] {
  return folded
    .split(CLAUSE_BREAK)
    .filter((clause) => clause && !ASKING_CLAUSE.test(clause))
    .flatMap((clause) => [...clause.matchAll(CODE)].map((match) => ({ clause, code: match[0], at: match.index })))
}

function tellsTheCase({ clause, code, at }: Told): boolean {
  const before = clause.slice(0, at)
  const after = clause.slice(at + code.length)
  if (TRADED_BEFORE.test(before) || MODEL_AFTER.test(after) || SHOP_AFTER.test(after) || NUMBER_BEFORE.test(before))
    return true
  return /^\d{4}$/.test(code) && YEAR_OF_PURCHASE.test(after)
}

/**
 * The identifiers of a folded question less those told only of the asker's case: each of their occurrences
 * stands in a clause that asks nothing, as goods traded, a model or serial number, or the year of a purchase.
 */
export function identifiersAsked(folded: string, identifiers: readonly string[]): string[] {
  const told = toldCodes(folded).filter(tellsTheCase)
  if (told.length === 0) return [...identifiers]
  const occurrences = (identifier: string) => folded.split(identifier).length - 1
  return identifiers.filter((identifier) => {
    const ofTheCase = told.filter((item) => item.code.includes(identifier)).length
    return ofTheCase === 0 || ofTheCase < occurrences(identifier)
  })
}
