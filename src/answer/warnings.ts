import { isMatter } from '../query/concepts.ts'
import type { PreparedQuestion } from '../query/prepare-question.ts'
import type { ChunkRecord } from '../retrieval/chunks-repo.ts'
import { foldText } from '../text/fold.ts'
import { coverageOfFolded } from './evidence.ts'

// A section that warns of a trap (六、警惕“买证”“包过”陷阱, 谨防…骗局): what it tells are the trap's doings.
const WARNING = /警惕|谨防|提防|防骗|陷阱|骗局/

/**
 * A passage warning of a trap gives no fact of the matter asked about: the 3000元 a firm paid a go-between for a
 * certificate that does not exist is the scam's price, not what "9001认证要多少钱" or "认证机构一般收多少" asks (the
 * go-between and the bodies it names are the warning's actors). It answers a fact asked of the trap its heading
 * names ("买证要花多少钱").
 */
export function warnsOfOtherTrap(question: PreparedQuestion, chunk: ChunkRecord): boolean {
  const heading = foldText(chunk.section)
  if (!WARNING.test(heading)) return false
  return !question.concepts.some(
    (concept) => isMatter(concept) && concept.word.length > 1 && coverageOfFolded([concept], heading) >= 1,
  )
}
