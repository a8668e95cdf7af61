/**
 * A doing on goods the asker already holds — selling them off, giving them away, putting them to another
 * use: "展会结束后能不能直接卖给客户", "用不完的能不能卖掉一部分", "测完了能送给老客户吗", "拿去别的车间用行不行".
 * It asks what may be done with the goods, which the passage stating the rule on their use answers
 * ("只能按申报用途使用", "不得出售或提供给消费者", "擅自变更用途"), not the one that lists the goods or what
 * becomes of leftovers. Selling as a trade ("卖家电的", "销售单位") is the asker's business, not a doing on goods held.
 */
const DISPOSAL =
  /卖(?:掉|给|了|出去)|(?:转|倒|拿去|直接|网上)卖|出售|处理掉|送(?:给|人|掉)|(?:赠|转)送|(?:改|换|变)(?:变|成|作)?个?(?:用途|他用)|挪(?:作|用)|(?:拿去|用到|用在|改用到?)(?:别的|其他)/

// A rule on what may be done with goods: a word of restriction before the use, the sale or the change.
const USE_RULE = /(?:只能|不能|不得|禁止|严禁|擅自)[^，。；\n]{0,8}(?:用途|出售|销售|转让|流通|提供给|改变|变更|使用)/

// The business's own people taking the goods home, or the goods sold off cheap ("测完了公司员工想便宜点买回家"): a sale
// out of the goods held all the same. Only the staff's or a cut price: a buyer's "买回家" is their own purchase.
const INSIDE_SALE =
  /(?:员工|职工|同事|工人)[^，,。？?]{0,8}(?:买|带|拿)(?:回家|回去|走)|(?:便宜|低价|折价|内部价)[^，,。？?]{0,3}(?:卖|买)/

/** The folded question asks what may be done with goods held: sell, give away, use otherwise. */
export const asksUse = (folded: string): boolean => DISPOSAL.test(folded) || INSIDE_SALE.test(folded)

/** A folded passage states a rule on the use of goods. */
export const statesUseRule = (folded: string): boolean => USE_RULE.test(folded)
