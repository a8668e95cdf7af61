import { aboutConsequence } from './answer-types.ts'

/**
 * The state the asker tells a thing is in, asking what holds now: "刚买的秤还要检吗", "修好以后能接着用吗",
 * "免办证明批下来以后去哪看", "样品测完了能送人吗". The documents answer in the passage on that state (新秤
 * "经强检合格后才能投入使用", "维修后重新检定", "获批后可在系统中查看证明", "退运或销毁"), not in the one
 * that merely names the thing. A state is a kind, not a sentence: how askers tell it, how a passage says it.
 */
export type State = {
  kind: 'new' | 'failed' | 'passed' | 'repaired' | 'approved' | 'finished'
  told: RegExp
  said: RegExp
}

const STATES: State[] = [
  // New, not yet in use: a passage says what must come before first use (出厂 marks, 投入使用, a run-in).
  {
    kind: 'new',
    // Said with where it came from between: "刚从网上买的", "刚在批发市场买回来".
    told: /刚买|新买|新购|新进|刚进|买回来|刚到货|没用过|刚(?:搭|建|弄|做)好|刚建立|刚[从在][^，。？?]{1,6}买[的了回]/,
    said: /投入使用|出厂|首次使用|运行[^，。；]{0,6}(?:个月|再)/,
  },
  // Failed its check: a passage on that state makes it the topic of a rule ("不合格的，必须停止使用"), where
  // one naming it in passing lists it among others ("没有…申请检定或者检定不合格的，不得使用").
  {
    kind: 'failed',
    // Spoken with the check in it: "没检过关", "检没过".
    told: /没通过|未通过|不通过|没(?:检|验)?过关|检没过|不合格|没合格|不达标/,
    said: /(?:^|[,;:。\n]|-\s)\s*(?:检定|检验|抽查)?不合格的/,
  },
  // …or passed it ("检完合格了", "检过了", "检好了秤上有什么标志", "检完秤上会贴个啥": done, as a question opens with
  // it): the passage whose rule is about what passed ("检定合格的，会在秤体上粘贴…").
  {
    kind: 'passed',
    told: /(?<![不没未])合格了|检完合格|(?<![没不未])通过了|检[过完好]了|检[过完好](?:以后|之后|后)|^检完/,
    said: /(?:^|[,;:。\n]|-\s)\s*(?:检定|检验|抽查)?合格的/,
  },
  {
    kind: 'repaired',
    // Done, not hoped for: "修好以后", "修完了", not "多久能修好".
    told: /(?:修好|修完|修理好|维修好|修复)(?:了|以后|后|之后)|修过|维修后/,
    said: /(?:维修|修复|修理|修好)(?:后|以后)/,
  },
  {
    kind: 'approved',
    // Done, not the goal: "证书拿到以后", "批下来了", not "多久能拿到证", "拿证要多久".
    told: /批下来|获批|批准(?:了|以后|后)|(?:拿到|拿|获)了?(?:证|证明|证书)(?:了|以后|后|之后)|(?:证|证明|证书)(?:拿到|到手|下来)(?:了|以后|后)/,
    said: /获批后|批准后|拿到证明后|取得[^，。；]{0,8}证明后|获证(?:以)?后/,
  },
  // Done with or left over: a passage says what becomes of it (退运, 销毁, 展后处理).
  {
    kind: 'finished',
    told: /测完|用完|用不完|没用完|做完|展完|(?:展会|展览|测试|试验)(?:结束|完)|剩下|剩余/,
    said: /用不完|退运|销毁|展后/,
  },
]

/**
 * The states a folded question tells. Told before a penalty asked ("用检定不合格的秤会被怎么罚"), a state is
 * the offence, and the section on consequences answers for every state.
 */
export const statesOf = (folded: string): State[] =>
  aboutConsequence(folded) ? [] : STATES.filter((state) => state.told.test(folded))

/** Share of the states told that a folded text speaks of (0 when none is told). */
export const statesSaid = (states: readonly State[], folded: string): number =>
  states.length === 0 ? 0 : states.filter((state) => state.said.test(folded)).length / states.length
