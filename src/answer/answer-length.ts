/**
 * The longest answer text sent or stored. A real answer is a few hundred characters; this bounds what
 * a hostile document (one 10 MB line) or a runaway model could otherwise put into a reply and a turn.
 */
export const MAX_ANSWER_CHARS = 2_000

const TRUNCATED = '……（回答过长，已截断；完整内容请查看所引用的原文）'

/** The answer cut at the last sentence end before the limit (or at the limit), saying that it was cut. */
export function capAnswerText(text: string): string {
  if (text.length <= MAX_ANSWER_CHARS) return text
  const room = text.slice(0, MAX_ANSWER_CHARS - TRUNCATED.length)
  const sentenceEnd = Math.max(...['。', '！', '？', '\n'].map((mark) => room.lastIndexOf(mark)))
  // Cut at a sentence end only if that keeps most of the room.
  const cut = sentenceEnd > room.length / 2 ? room.slice(0, sentenceEnd + 1) : room
  return `${cut.trimEnd()}${TRUNCATED}`
}
