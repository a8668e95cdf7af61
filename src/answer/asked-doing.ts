import { ASKING_CLAUSE, askingClausesOf } from '../query/asking-clauses.ts'
import { type Concept, isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { tellsRecourse } from '../query/recourse.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { namesAnAct } from '../text/segment.ts'
import { saysConcept } from './evidence.ts'
import { asksAnAspect } from './unsaid-aspect.ts'

// Where or with whom the asker is to do an errand: "要申请仲裁的话该去哪个机构申请", "投诉编号在哪里能查到处理
// 进度", "找谁申诉". Not where something happened or was done ("晶体管是在哪里发明的", "他在哪家公司工作").
const WHERE = /[去到]哪|找谁|向谁|在哪[里儿]?(?:能|可以)|(?:能|可以|要|该|得)在哪/

/**
 * The doings of a clause that asks where or with whom they are done (仲裁, 处理): verbs the documents use.
 * A verb they never use is taken only as the clause's last word (`doingNeverNamed`), since it may say in
 * other words a doing a guide describes (转给 for 转让). A yes/no clause ("能参加吗") is not taken for a verb
 * they use: the doing is often what the passage's matter implies.
 */
function doingsAskedWhere(question: PreparedQuestion): Concept[] {
  const clauses = askingClausesOf(question.folded).filter((clause) => WHERE.test(clause))
  return question.concepts.filter(
    (concept) =>
      isMatter(concept) &&
      !concept.scene &&
      concept.known &&
      concept.word.length > 1 &&
      namesAnAct(concept.word) &&
      clauses.some((clause) => clause.includes(concept.word)),
  )
}

// Whether or where the asker may do something: the doing asked follows ("还能撤回吗", "去哪里补发", "能向谁申诉");
// a verb before it tells the asker's case (弄丢了, 写错了, 不服). Not where a thing was done ("在哪里印出来的").
// A how-to (怎么续期, 怎么预约) is left to the procedure gate: its verb is often an everyday word for a step the
// guide describes in its own.
const MAY_DO = /能|可以|[去到]哪|找谁|向谁/
// So is whether there is any of it, put as 有…吗 with no question word ("质量月期间商场有打折吗"): a doing no document
// names is none a passage offers. Not "有啥讲究", "配多少有讲究吗" (they ask what), nor "会有事吗" (a verdict); and
// an aspect asked so ("有英文讲解吗") is the aspect gate's to name (unsaid-aspect.ts).
const THERE_IS = /(?<=^[^啥什么哪谁几多怎]*)(?<![所没还具拥])有(?=[^，,。？?啥什么哪谁几多怎]{2,8}[吗么嘛][?？]?$)/
// Asked as a choice of yes and no, too ("能不能让老板自己兼着").
const ASKS_MAY_DO = new RegExp(`${ASKING_CLAUSE.source}|能不能|可不可以`)

// The result or direction a verb takes (找回来, 转过去, 借给).
const COMPLEMENT = '[给过回来去掉上下好完成到走出起开]'
// Said alone (回来 of 找回来, 去 of 转过去), it is part of the verb before it, no doing of its own.
const ONLY_COMPLEMENT = new RegExp(`^${COMPLEMENT}+$`)
// A verb with its complement (转给, 撤回来, 改过来): its head may be a doing the passage says in a word of its
// own (转给 for 转让), so the passage saying the head says it.
const HEADED = new RegExp(`^(.)${COMPLEMENT}`)

/**
 * The doing a clause asks whether or where the asker may do, when no document ever names it (补办, 撤回, 申诉,
 * 复议, 复检): the guides describe their procedures by name, so a doing none of them names is one no passage
 * describes, however well the passage covers the thing it is done to (免办证明, 投诉, 秤). Only the clause's last
 * word is taken: a verb followed by what it serves (拿来卖菜, 借给兄弟公司用, 获得赔偿) is a means to a doing the
 * documents may well treat.
 */
function doingNeverNamed(question: PreparedQuestion): Concept | undefined {
  const said = question.concepts.filter((concept) => !concept.filler && !ONLY_COMPLEMENT.test(concept.word))
  for (const clause of askingClausesOf(question.folded, ASKS_MAY_DO)) {
    const may = clause.search(MAY_DO)
    const there = may < 0 ? clause.search(THERE_IS) : -1
    const at = may >= 0 ? may : there >= 0 && !asksAnAspect(question) ? there : -1
    if (at < 0) continue
    const tail = clause.slice(at)
    const end = (concept: Concept) => {
      const found = tail.lastIndexOf(concept.word)
      return found < 0 ? -1 : found + concept.word.length
    }
    const last = said.reduce<Concept | undefined>(
      (latest, concept) => (end(concept) > (latest ? end(latest) : -1) ? concept : latest),
      undefined,
    )
    if (last && !last.known && !last.scene && last.word.length > 1 && namesAnAct(last.word)) return last
  }
  return undefined
}

const saysHead = (concept: Concept, folded: string): boolean => {
  const head = HEADED.exec(concept.word)?.[1]
  return head !== undefined && folded.includes(head)
}

/**
 * A doing asked where or with whom to do that the passage does not speak of (by the word, a glossary
 * alternative or all its parts), or whether or where to do that no document names (撤回, 补发): the passage
 * tells of the matter (申请人, 证书编号, 投诉) but not of that doing (仲裁, 处理进度, 撤回), so quoting it would
 * answer around the question.
 */
export function unsaidDoing(question: PreparedQuestion, chunk: ChunkRecord): Concept | undefined {
  // A buyer asking whom to turn to about the other side ("少了一两多，可以找谁反映") is answered by the redress
  // the passage tells them (可以通过12315举报), in whatever verb they asked it.
  if (question.english || (question.asksRecourse && tellsRecourse(chunk.analysis.own))) return undefined
  const folded = chunk.analysis.context
  const unsaid = doingsAskedWhere(question).find((concept) => !saysConcept(concept, folded))
  if (unsaid) return unsaid
  const neverNamed = doingNeverNamed(question)
  return neverNamed && !saysConcept(neverNamed, folded) && !saysHead(neverNamed, folded) ? neverNamed : undefined
}
