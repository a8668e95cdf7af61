/**
 * Everyday words and the words an encyclopedia or a document says them with: "谁开的" is answered by
 * "创始人…", "在哪里去世" by "病逝于…", "写过什么书" by "著有…". The bureau's own terms are in its
 * glossary (knowledge/glossary.json); these are plain Chinese, true of any folder of text. Used to pick
 * the sentence that answers, and by coverage (src/answer/evidence.ts): "邗沟是谁挖的" is answered by "开凿邗沟".
 */
const GROUPS: readonly string[][] = [
  ['去世', '逝世', '病逝', '过世', '死', '卒', '殁', '身故'],
  ['出生', '生于', '诞生', '降生'],
  ['开', '创办', '创建', '创立', '创始', '开办', '开设', '建立', '成立'],
  ['写', '著', '撰', '编写', '编著', '写成'],
  ['发明', '发现', '研制', '制成', '首创'],
  // Not 修好: an everyday word for a repair ("秤修好以后") far more often than for a building finished.
  ['建', '建成', '修建', '建造', '落成', '竣工', '通车', '建好'],
  ['叫', '称', '名为', '又名', '别称', '俗称', '简称', '号称', '誉为'],
  ['印', '刊行', '刊印', '印刷', '出版', '印出'],
  ['得', '获得', '夺得', '荣获', '赢得', '拿到', '拿'],
  ['赢', '胜', '击败', '战胜'],
  ['提议', '奏请', '建议', '倡议', '提出'],
  ['出发', '启程', '起程', '出使'],
  ['入海', '注入', '汇入'],
  ['流出', '发源', '源于', '源头'],
  ['传到', '传入', '传至', '引入', '引进'],
  ['上班', '工作', '任职'],
  ['女人', '女性', '女子'],
  ['老店', '总店', '本店'],
  ['开始', '始于', '起初', '最初', '始凿', '首次'],
  ['最早', '最初', '首次', '第一次', '一开始', '起初', '早期', '当初', '头一次', '头一回'],
  ['评', '列入', '入选'],
  ['搬', '迁', '迁往', '迁至', '迁到', '搬到'],
  ['翻', '翻译', '译'],
  ['导演', '执导'],
  ['挖', '开凿', '开挖', '挖掘', '凿'],
  ['歪', '倾斜', '偏斜'],
  ['上岸', '登陆'],
  ['变弱', '减弱', '衰减'],
  ['变强', '增强', '加强'],
  ['变成', '变为', '转为'],
  ['春天', '春季'],
  ['夏天', '夏季'],
  ['秋天', '秋季'],
  ['冬天', '冬季'],
  ['叶子', '叶片'],
  ['片子', '影片', '电影'],
  ['蛋', '卵', '产卵'],
  ['老家', '故乡', '家乡', '籍贯'],
  ['爸爸', '父亲'],
  ['妈妈', '母亲'],
  ['老婆', '妻子'],
  ['打仗', '作战'],
  ['一辈子', '一生', '终生', '毕生'],
  ['房子', '房屋'],
  // "他们怎么联系我", "几天会有回音": how the office tells the asker, "告知举报人".
  ['联系', '告知', '通知', '答复', '回复', '回音'],
  // "用掉了要去哪里报一下", "要不要报备": telling an office of a use is what a guide writes as 登记 (在系统中登记使用).
  ['报', '报备', '上报', '登记'],
  // "到厂里来": where an audit or a check is done, "审核组到企业现场".
  ['厂里', '厂区', '企业现场'],
  ['记', '记载', '记录', '记述', '记下'],
  ['关', '囚禁', '幽禁', '软禁', '关押'],
  // Not 销售: the trade a business is in ("销售单位"), not a sale of goods held ("能不能卖给客户": "不得出售").
  ['卖', '卖掉', '卖出', '出售', '售出', '变卖'],
  ['送给', '送人', '赠送', '赠给', '提供给'],
  // "帮我爸去投诉": doing it for another is what a document calls 代为 (委托他人代为投诉); 替 is the glossary's.
  ['帮', '代为'],
  // "零件给客户修车用": a repair as a garage says it is what a guide writes as 维修 (直接用于最终用户维修的产品).
  ['修车', '维修', '修理'],
  // "我作为顾客能做点什么": the buyer is what the guides call a 消费者.
  ['顾客', '消费者'],
  // A dynasty as people say it and as a history writes it: "汉朝的时候" is "汉代", "唐朝" is "唐代".
  ...[...'夏商周秦汉晋隋唐宋辽金元明清'].map((dynasty) => [`${dynasty}朝`, `${dynasty}代`]),
]

/**
 * The words a text may say `word` with, the word among them; just the word when none is listed. One
 * character stands for a word only when it is the word asked: "开" of "谁开的" is said by "创办", but
 * "成立" is not said by every "开始" or "展开".
 */
export function paraphrasesOf(word: string): readonly string[] {
  return PARAPHRASES.get(word) ?? [word]
}

// Looked up for every word of the question against every sentence of every candidate: built once.
const PARAPHRASES = new Map<string, readonly string[]>(
  GROUPS.flatMap((group) =>
    group.map((word) => [word, [word, ...group.filter((term) => term !== word && term.length > 1)]] as const),
  ),
)
