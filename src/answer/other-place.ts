import { askingClausesOf } from '../query/asking-clauses.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { headerOf } from '../retrieval/chunk-analysis.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { foldText } from '../text/fold.ts'

// Shanghai's districts besides Pudong, and the provinces and large cities of China: places a question may ask
// about in place of the one a local document is for. A town of Pudong (三林, 张江) is none of them.
const SHANGHAI_DISTRICTS = '黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 金山 松江 青浦 奉贤 崇明'.split(' ')
const REGIONS = (
  '北京 天津 重庆 河北 山西 内蒙古 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 四川 ' +
  '贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾 广州 深圳 杭州 南京 苏州 无锡 宁波 温州 合肥 武汉 长沙 成都 ' +
  '西安 郑州 济南 青岛 厦门 福州 昆山 嘉兴 南通 东莞 佛山 大连 沈阳 哈尔滨'
).split(' ')
// The places the documents are for: a district's plan, the city's.
const PUDONG = '浦东'
const SHANGHAI = '上海'

/**
 * The place a question asks about in place of the one the passage's document is for: "闵行区今年质量月有哪些活动"
 * of the Pudong plan, "北京的质量强国实施方案…目标是多少" of the Shanghai one. Only a place in a clause that asks
 * (the asker living in 闵行 does not ask about 闵行; with no clause marked as asking, the whole question), that
 * the passage does not say, while its title or heading names Pudong or Shanghai and the question names neither.
 * A Shanghai district asked of a Shanghai-wide plan is within it.
 */
export function otherPlaceAsked(question: PreparedQuestion, chunk: ChunkRecord): string | null {
  const header = foldText(headerOf(chunk))
  const scope = header.includes(PUDONG) ? PUDONG : header.includes(SHANGHAI) ? SHANGHAI : null
  if (!scope || question.folded.includes(PUDONG) || question.folded.includes(SHANGHAI)) return null
  const clauses = askingClausesOf(question.folded)
  const asking = clauses.length > 0 ? clauses.join('，') : question.folded
  const others = scope === PUDONG ? [...SHANGHAI_DISTRICTS, ...REGIONS] : REGIONS
  return others.find((place) => asking.includes(place) && !chunk.analysis.context.includes(place)) ?? null
}
