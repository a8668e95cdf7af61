import { type Alternative, namesAnAlternative } from '../query/either-or.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { namesADoing } from '../text/segment.ts'
import { CLAUSE_BREAK } from '../text/sentences.ts'
import { askedConcepts, coverageOfFolded, saysConcept } from './evidence.ts'
import { EITHER_OR_ASKED } from './tuning.ts'

/**
 * The sentences of a passage that settle an "A还是B" question: they name one of its alternatives (电话,
 * 短信; 一年; 海关) together with what the question asks it of — the things it names outside the
 * alternatives (the matter, what is done with it and when) that the document's title does not already say
 * for every passage of it. "实名举报的，…告知
 * 方式…常见的有电话、短信" settles 实名举报以后怎么联系我，打电话还是发短信; it does not settle how a complaint's
 * result is sent, nor does "投诉人的姓名、电话号码" (电话 as a number to give, without the result asked of).
 * Empty when the question is no either/or.
 */
export function settlingSentences<S extends { folded: string }>(
  question: PreparedQuestion,
  chunk: ChunkRecord,
  sentences: readonly S[],
): S[] {
  const { alternatives } = question
  if (alternatives.length === 0) return []
  const condition = conditionOf(question.folded, alternatives)
  const told = askedConcepts(question.concepts).filter(
    (concept) =>
      concept.known &&
      !concept.filler &&
      !alternatives.some((alternative) => alternative.text.includes(concept.word)) &&
      !condition.includes(concept.word) &&
      !saysConcept(concept, chunk.analysis.names),
  )
  // What is done (拿去, 修好, 处理) is said in the document's own verbs, if at all: the things are what place the sentence.
  const asked = told.filter((concept) => !namesADoing(concept.word))
  const choosing = asksWhichToChoose(alternatives)
  return sentences.filter((sentence) => {
    if (!namesAnAlternative(alternatives, sentence.folded)) return false
    // The heading places the sentence too: "五、要不要交费" for 免费还是要交检定费.
    const placed = `${chunk.analysis.heading}\n${sentence.folded}`
    if (asked.length === 0 || coverageOfFolded(asked, placed) >= EITHER_OR_ASKED) return true
    return choosing && told.some((concept) => coverageOfFolded([concept], sentence.folded) >= 1)
  })
}

// A clause putting the case the choice is asked in ("厂里要是出了质量安全问题，到底是老板负总责还是总监负责"), or the
// words before the choice in its own clause ("那出了质量问题到底是老板负全责，还是…"): the rule that settles it says
// whom it holds in general (主要负责人…负全面责任), not the case.
const CONDITION = /要是|如果|假如|万一|一旦|倘若|出了[^，,]{0,6}(?:问题|事)/
const conditionOf = (folded: string, alternatives: Alternative[]): string =>
  folded
    .split(CLAUSE_BREAK)
    .map((clause) => {
      const at = Math.min(...alternatives.map((alternative) => clause.indexOf(alternative.text)).filter((i) => i >= 0))
      return Number.isFinite(at) ? clause.slice(0, at) : clause
    })
    .filter((before) => CONDITION.test(before))
    .join('，')

// Which of two to choose ("该选投诉还是举报", "应该走举报还是投诉", "选投诉还是选举报"): a sentence telling when one is
// chosen ("想要退货、退款、赔偿，属于投诉；") settles it when it says a word of the asker's case, the doings included
// (赔偿 of "我不要赔偿就想让他们被查处"), though not the rest of the story (超市卖过期食品): the choice is judged by the
// rule's terms, as an owner's case is by a scope's.
const CHOOSING = /^(?:应该|应当|该|要|得)?(?:选择?|走)/u

const asksWhichToChoose = (alternatives: Alternative[]): boolean =>
  alternatives.length > 0 && CHOOSING.test(alternatives[0]!.text)
