import { askingClausesOf } from '../query/asking-clauses.ts'
import { type Concept, isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import { tellsRecourse } from '../query/recourse.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { namesAnAct } from '../text/segment.ts'
import { saysConcept } from './evidence.ts'

// Where or with whom the asker is to do an errand: "要申请仲裁的话该去哪个机构申请", "投诉编号在哪里能查到处理
// 进度", "找谁申诉". Not where something happened or was done ("晶体管是在哪里发明的", "他在哪家公司工作").
const WHERE = /[去到]哪|找谁|向谁|在哪[里儿]?(?:能|可以)|(?:能|可以|要|该|得)在哪/

/**
 * The doings of a clause that asks where or with whom they are done (仲裁, 处理): verbs the documents use.
 * A verb they never use is left to coverage: it may say in other words a doing a guide describes (转给
 * for 转让). A yes/no clause ("能参加吗") is not taken: the doing is often what the passage's matter implies.
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

/**
 * A doing asked where or with whom to do that the passage does not speak of (by the word, a glossary
 * alternative or all its parts): the passage tells of the matter (申请人, 证书编号) but not of that doing
 * (仲裁, 处理进度), so quoting it would answer around the question.
 */
export function unsaidDoing(question: PreparedQuestion, chunk: ChunkRecord): Concept | undefined {
  // A buyer asking whom to turn to about the other side ("少了一两多，可以找谁反映") is answered by the redress
  // the passage tells them (可以通过12315举报), in whatever verb they asked it.
  if (question.english || (question.asksRecourse && tellsRecourse(chunk.analysis.own))) return undefined
  return doingsAskedWhere(question).find((concept) => !saysConcept(concept, chunk.analysis.context))
}
