/**
 * A citizen's wish to take a case to the bureau, told in its own clause and then asked about in a bare one:
 * "奶茶里喝出一根塑料丝，想举报这家店，咋弄", "小店卖的充电器连3C标志都没有，想去反映，该找谁",
 * "每次回家称都差一点，想让市场监管去查他，要怎么弄". The bare ask ("咋弄", "该找谁") asks how the wish is
 * carried out, so the pair asks the way in to a complaint or a report, which the complaints guide answers whatever
 * was bought, from whom and what went wrong: the story before the wish is the asker's case (concepts.ts, scene).
 */
import { clausesOf } from './asking-clauses.ts'

// Having the bureau look into the other side, which the guide calls a report ("希望监管部门查处，属于举报"): "让市场监管
// 去查他", "叫工商来查查". No complaint word: the asker names no route, so the guides' word is added.
const BUREAU_TO_CHECK = /(?:让|叫|请)(?:市场监管|监管|工商|你们)[^，,；;。？?]{0,8}?查/
// Wanting to complain, report or tell the bureau ("想反映一下", "想去举报", "要投诉他"), or to have it look into it.
const WISH = new RegExp(`(?:想|要)(?:去|找人)?(?:反映|举报|投诉)|${BUREAU_TO_CHECK.source}`)
// A clause that only asks how or to whom, nothing of its own: "要怎么弄", "咋弄", "该找谁", "打哪个电话".
const BARE_ASK =
  /^(?:我|那)?(?:该|要|应该|得|可以|能|需要)?(?:(?:怎么|咋|如何|怎样)(?:弄|办|做|整|搞|操作|处理)?|去?找(?:谁|哪个?部门|哪里)|(?:打|拨)(?:哪个|什么|啥)电话)[呢啊呀吗]?$/

// The guides' words for the wish; one carried by the citizen's verb alone ("想去反映", "想让市场监管去查他") names neither.
const COMPLAINT_WORD = /投诉|举报/

export type ReportWish = {
  /** What tells the case: the clauses before the wish, and whom the wish names after its verb ("这家店", "他"). */
  told: string[]
  /** What stays asked: the wish's verb and the bare ask. */
  asked: string[]
  /** The bare ask ("该找谁", "咋弄"): how the wish is carried out, said by the routes whatever its words. */
  ask: string
  /** The wish names no complaint nor report ("想去反映", "让市场监管去查他"): the route is the guides' to name. */
  unnamed: boolean
}

/**
 * The case told before a wish to take it to the bureau and a bare ask, in the last clause ("…，想反映一下该找谁") or the
 * last two ("…，想举报这家店，咋弄"); a wish that the bureau look into it is told whole, as no complaint word carries
 * it. Null when the question is not so put or tells no case.
 */
export function reportWishOf(folded: string): ReportWish | null {
  const clauses = clausesOf(folded)
  const last = clauses.at(-1) ?? ''
  const inLast = WISH.exec(last)
  const askInLast = inLast ? last.slice(inLast.index + inLast[0].length).replace(/^一?下/, '') : ''
  const oneClause = inLast !== null && BARE_ASK.test(askInLast)
  const [wish, ask, before] = oneClause
    ? [last.slice(0, last.length - askInLast.length), askInLast, clauses.slice(0, -1)]
    : [clauses.at(-2) ?? '', last, clauses.slice(0, -2)]
  const wished = WISH.exec(wish)
  if (!wished || before.length === 0 || !BARE_ASK.test(ask)) return null
  const bureauToCheck = BUREAU_TO_CHECK.test(wished[0])
  const whom = bureauToCheck ? wish : wish.slice(wished.index + wished[0].length)
  return {
    told: [...before, whom],
    asked: bureauToCheck ? [ask] : [wished[0], ask],
    ask,
    unnamed: !COMPLAINT_WORD.test(wished[0]),
  }
}

/** The wish names no complaint nor report ("想去反映，该找谁", "想让市场监管去查他，要怎么弄"). */
export const wishNamesNoRoute = (folded: string): boolean => reportWishOf(folded)?.unnamed === true

/**
 * The clauses that ask right after one telling a wish to complain or report ("…超市不给退，我想去投诉，要带啥东西"):
 * each asks about that complaint (its materials, its time, its place), as "投诉要带什么" does.
 */
export function clausesAfterAWish(folded: string): string[] {
  const clauses = clausesOf(folded)
  return clauses.filter((_, at) => at > 0 && WISH.test(clauses[at - 1] ?? ''))
}
