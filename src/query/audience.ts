/**
 * A kind of person asked as the one an activity or the bureau's help is for ("我退休在家，质量月有没有我们居民能去的",
 * "企业老总能参加哪些活动", "有没有适合带孩子去参加的"). The Quality Month plan names its audiences in its own
 * words (市民群众, 企业总裁, 首席质量官, 个体工商户, 小商户, 进校区); the asker names themselves in theirs (退休, 老总,
 * 带孩子, 摆摊的). Asked as the audience, the asker's word is said by the plan's; anywhere else it keeps its own
 * sense (a 老板 a complaint is about is no audience).
 */

/**
 * `exact`: the plan's word names that very kind (总裁 is a 老总), so an activity "专门给老板们开的" is one it names;
 * otherwise the kind is one of a wider audience (a 退休 reader is one of the 市民), for whom nothing is held apart.
 */
type AudienceKind = { asker: readonly string[]; said: readonly string[]; exact: boolean }

// Each `said` word is the plan's own (knowledge/pudong-quality-month-2023.txt, 三、活动内容): 市民 in items 21, 24
// and 25 (市民群众, 广大市民, 市民质量获得感), 消费者 in 25; 校区 in 2 and 24 (进校区, the plan's only way of reaching
// schoolchildren — its 中小学生 are the 校服 of a market check, item 15); 总裁 in 12, 首席质量官 in 13; 个体工商户
// in 23 and 小商户 in 4.
const AUDIENCE_KINDS: readonly AudienceKind[] = [
  {
    asker: [
      '居民',
      '老百姓',
      '普通人',
      '街坊',
      '邻居',
      '退休',
      '退休人员',
      '退休工人',
      '老头',
      '老太',
      '老头老太',
      '大爷',
      '大妈',
      '阿姨',
      '家长',
      '一家人',
      '全家',
    ],
    said: ['市民', '消费者'],
    exact: false,
  },
  {
    asker: ['孩子', '小孩', '小孩子', '娃', '娃娃', '小朋友', '学生', '小学生', '中学生', '儿子', '女儿'],
    // Not 市民: every public activity says it, and "适合孩子的" would gather them all (items 21 and 25 too).
    said: ['校区'],
    exact: false,
  },
  {
    asker: ['老总', '老板', '董事长', '总经理', '高管', '厂长', '企业家', '企业负责人', '负责人', '管理层'],
    said: ['总裁', '首席质量官'],
    exact: true,
  },
  {
    asker: ['个体户', '摊贩', '小摊贩', '摊主', '摆摊', '店主', '小店主', '商户', '小商贩'],
    said: ['个体工商户', '小商户'],
    exact: true,
  },
]

// Taking part or being served: "能去的", "能参加", "适合…参加", "面向…", "针对…", "给…开的班", "…能享受吗".
const JOINING =
  /参加|参与|能去|可以去|能玩|可以玩|去玩|去看|适合|面向|针对|报名|享受|给[^，,；;。？?]{1,10}(?:开|办|搞|组织)的/
// "专门给老年人办的讲座", "老年人专场": an activity for that kind alone, which only a word naming the kind itself says.
const ONLY_FOR = /专门|专场|专属|专为|专供/
/** An activity asked as held for someone: "专门给老年人办的", "给我们快递员搞的活动", "残疾人专场". */
export const HELD_FOR = new RegExp(
  `${ONLY_FOR.source}|(?:给|为|面向|针对)[^，,；;。？?\\s]{1,10}(?:办|开|搞|组织|举办|安排|准备)的`,
)

/**
 * The plan's words for the kind of person `word` names, when the folded question asks what that kind may
 * take part in or be served by; null otherwise.
 */
export function audienceWordsOf(folded: string, word: string): readonly string[] | null {
  if (!JOINING.test(folded)) return null
  // "老板们": the plural is the same kind.
  const kind = AUDIENCE_KINDS.find((each) => each.asker.includes(word.replace(/们$/, '')))
  return kind && (kind.exact || !ONLY_FOR.test(folded)) ? kind.said : null
}

// The verb of taking part, once the audience is asked: how the ask is put ("能参加哪些活动"), which a passage naming
// an activity for that audience need not say.
// 带 and 陪 of a parent taking a child ("带孩子去参加"); 专门 of one held for a kind the plan names exactly ("专门给老板
// 们开的班": 企业总裁…研修班).
const JOINING_VERB = /^(?:参加|参与|去|玩|带|陪|适合|报名|享受|面向|针对|专门|专为)$/

/** Whether a word only puts the ask of the question, when it asks what a kind of person may take part in. */
export function audienceJoiningOf(folded: string, words: readonly string[]): (word: string) => boolean {
  const asksAudience = words.some((word) => audienceWordsOf(folded, word) !== null)
  return (word) => asksAudience && JOINING_VERB.test(word)
}

/**
 * Words of a clause told before the ask that names the kind of person asked about ("家里娃上小学三年级，…有小朋友能玩的
 * 活动不", "我退休在家，…"): who the asker or their child is, as "我们是…" tells who asks; no passage need say it. The
 * kind's own word stays (the plan says it in its words).
 */
export function audienceStoryOf(folded: string): (word: string) => boolean {
  if (!JOINING.test(folded) || ONLY_FOR.test(folded)) return () => false
  const clauses = folded.split(/[，,；;。：:？?]/).filter((clause) => clause.trim() !== '')
  const isKind = (word: string) => AUDIENCE_KINDS.some((kind) => kind.asker.includes(word))
  // Said inside the clause, not as one of its words: jieba glues "家里娃上".
  const namesKind = (clause: string) => AUDIENCE_KINDS.some((kind) => kind.asker.some((word) => clause.includes(word)))
  const told = clauses.slice(0, -1).filter((clause) => namesKind(clause) && !JOINING.test(clause))
  const rest = clauses.filter((clause) => !told.includes(clause)).join('，')
  return (word) => !isKind(word) && told.some((clause) => clause.includes(word)) && !rest.includes(word)
}

// Help or teaching asked for free ("有没有免费的质量课", "免费的培训"): the plan's 公益培训 is training at no charge,
// so 公益 says 免费 there. Of anything else (免费上门检定, 打12315免费吗) 免费 keeps its own sense.
const FREE_HELP = /免费的?[^，,；;。？?\s]{0,6}(?:课|培训|讲座|班)/

// Help, a check or advice asked for free ("有没有免费给我们这种小店做质量咨询的", "能免费帮忙检测东西吗"): the plan lays
// such services on for the public and small firms in its own words (质量服务惠民便民活动; 质量咨询、质量诊断、质量帮扶).
const FREE_SERVICE = /免费[^，,；;。？?\s]{0,12}(?:帮忙|帮扶|检测|鉴定|咨询|诊断|看看|指导)/

/** The plan's words for free, when the folded question asks for free teaching or a free service; null otherwise. */
export const freeHelpWordsOf = (folded: string, word: string): readonly string[] | null => {
  if (word !== '免费') return null
  if (FREE_HELP.test(folded)) return ['公益']
  return FREE_SERVICE.test(folded) ? ['惠民便民', '帮扶'] : null
}
