import { ANSWER_SYSTEM_PROMPT } from '../../src/answer/prompts.ts'
import { createSseParser } from '../../src/web/sse.ts'
import type { ChatCompletionRequest, FakeReply } from './fake-openai.ts'

/** The question the LLM tests ask: the CCC guide answers it (section 五、怎样申请). */
export const QUESTION = 'CCC免办需要准备哪些申请材料？'

/** The number the model was given for the passage whose header contains `heading`. */
export function passageNumber(request: ChatCompletionRequest, heading: string): number {
  const user = request.messages[1]?.content ?? ''
  const line = [...user.matchAll(/^\[(\d+)\] (.*)$/gm)].find((match) => match[2]?.includes(heading))
  if (!line) throw new Error(`no passage under ${heading} in the prompt`)
  return Number(line[1])
}

/** Sentences the "五、怎样申请" passage of the CCC guide supports, cited as [n]. */
export const supported = (n: number) => [
  `申请CCC免办需要提交能证明符合免办条件的材料、责任担保书和产品符合性声明（包括型式试验报告）[${n}]。`,
  `申请人向所在地市场监管部门提出申请，申报通过CCC免办及特殊用途进口产品检测处理管理系统进行[${n}]。`,
  `获批后可在系统中查看证明，后续还要在系统里登记产品的使用、退运或销毁记录[${n}]。`,
]

/** The routing call's reply: a policy question. */
export const intentReply = (): FakeReply => ({
  content: JSON.stringify({ intent: 'policy_question', category: null, highPriority: false, confidence: 0.9 }),
})

/** The answering call, as opposed to routing or follow-up rewriting. */
export const isAnswerRequest = (request: ChatCompletionRequest) => request.messages[0]?.content === ANSWER_SYSTEM_PROMPT

type Received = { event: string; data: Record<string, unknown>; at: number }

/** POST /api/chat/stream over real HTTP, every event stamped with when it arrived. */
export async function streamChat(baseUrl: string, message: string, abortAfterFirstDelta = false) {
  const controller = new AbortController()
  const started = Date.now()
  const events: Received[] = []
  const parser = createSseParser(({ event, data }) => {
    events.push({ event, data: JSON.parse(data), at: Date.now() })
    if (abortAfterFirstDelta && event === 'delta') controller.abort()
  })
  const response = await fetch(`${baseUrl}/api/chat/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message, audience: 'enterprise' }),
    signal: controller.signal,
  })
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      parser.push(decoder.decode(value, { stream: true }))
    }
  } catch (error) {
    if (!abortAfterFirstDelta) throw error
  }
  parser.end()
  const done = events.find((event) => event.event === 'done')
  const deltas = events.filter((event) => event.event === 'delta')
  return {
    status: response.status,
    events,
    done: done?.data as Record<string, unknown> & { answer: string; mode: string; llmOutcome?: string },
    streamed: deltas.map((event) => String(event.data.text)).join(''),
    firstDeltaAt: deltas[0]?.at,
    totalMs: Date.now() - started,
    ttftMs: deltas[0] ? deltas[0].at - started : null,
  }
}
