import { paraphrasesOf } from '../text/paraphrases.ts'
import { CLAUSE_BREAK } from '../text/sentences.ts'
import type { Concept } from './concepts.ts'

/**
 * An "A还是B" question — "打电话还是发短信", "是上网查还是打电话问发证的机构", "一年一检还是两年一检",
 * "找海关办还是找市场监管局办" — asks which of its alternatives holds. It is settled by a sentence that names
 * one of them, not by a passage that only shares the question's topic (how a complaint's result is sent is
 * not told by the table of time limits that says 告知投诉人).
 */

// "还是" then the second alternative, to the end of the question: an either/or is the last thing asked.
// "这张证还是有效的吗", "那还是得去检吧" ask yes/no with 还是 as "still", and end in 吗 or 吧.
const SECOND = /还是([^，,。？?！!；;]+)[？?。！!]*$/u
const YES_NO = /[吗吧嘛][？?。！!]*$/u
// "也能做9001吗，还是只有大厂才行", "内审是必须做的吗 还是认证公司审就行": a yes/no asked first, then its
// other side offered; the answer to the yes/no settles it, so it is no either/or.
const ASKED_FIRST = /[吗吧嘛][？?，,。！!\s]*$/u

/** One alternative of an either/or: its text as asked and the words that tell it from the other. */
export type Alternative = { text: string; words: Concept[] }

/** The two alternatives' texts, or null when the question is no either/or. */
export function alternativeTextsOf(folded: string): [string, string] | null {
  const second = SECOND.exec(folded)
  if (!second || YES_NO.test(folded)) return null
  const before = folded.slice(0, second.index).replace(/[，,]$/u, '')
  if (ASKED_FIRST.test(before)) return null
  // The first alternative is the clause before 还是 ("怎么联系我，打电话还是…"), or the one before its comma
  // ("是只看材料，还是会派人…"), from its opening 是 on ("投诉交上去以后…，是打电话通知我还是…").
  const clause = before.split(CLAUSE_BREAK).at(-1) ?? ''
  const first = clause.slice(clause.lastIndexOf('是') + 1)
  const other = (second[1] ?? '').replace(/^是/u, '')
  return first && other ? [first, other] : null
}

/**
 * The words that tell each alternative from the other: those of its text that the other does not say
 * and that the rest of the question does not already name, whole or in part ("查" of 怎么查真假，是上网查还是…; "举报" of
 * 举报商家要写真名还是可以匿名举报). Words that only say how the question is put, or ask a fact, are left
 * out. Empty when the question is no either/or or its alternatives differ in no word.
 */
export function alternativesOf(folded: string, concepts: Concept[]): Alternative[] {
  const texts = alternativeTextsOf(folded)
  if (!texts) return []
  const [first, second] = texts
  const rest = folded.replace(first, '').replace(second, '')
  const telling = (own: string, other: string): Alternative => ({
    text: own,
    words: concepts.filter(
      (concept) =>
        !concept.filler &&
        !concept.asks &&
        own.includes(concept.word) &&
        !other.includes(concept.word) &&
        !rest.includes(concept.word) &&
        // "认证通过了，证书是寄来还是去认证机构领": the 认证 of 认证机构 is what the question is about, not the choice.
        !concept.parts.some((part) => part.length > 1 && rest.includes(part)),
    ),
  })
  const alternatives = [telling(first, second), telling(second, first)]
  return alternatives.every((alternative) => alternative.words.length > 0) ? alternatives : []
}

/**
 * Whether a folded text names an alternative: one of its words, a glossary synonym, or — for a word the
 * documents never use (发短信) or a verb around a thing (打电话) — a part of it (短信, 电话).
 */
export const namesAnAlternative = (alternatives: Alternative[], folded: string): boolean =>
  alternatives.some(({ words }) =>
    words.some(
      (concept) =>
        concept.alternatives.some((term) => folded.includes(term)) ||
        paraphrasesOf(concept.word).some((term) => folded.includes(term)) ||
        (concept.parts.length > 0 &&
          (concept.known
            ? concept.parts.every((part) => folded.includes(part))
            : concept.parts.some((part) => part.length > 1 && folded.includes(part)))),
    ),
  )
