import type { Citation } from '../answer/citations.ts'
import type { ChatResponse } from './turn.ts'

/**
 * What a turn tells a streaming client, in this order: `citations` (the passages the answer may
 * cite), `delta`s (the answer as it is written), `done` (the final, checked response, which may
 * differ from the deltas: the page then shows this one).
 */
export type TurnEvent =
  | { type: 'citations'; citations: Citation[] }
  | { type: 'delta'; text: string }
  | { type: 'done'; response: ChatResponse }

export type TurnEventSink = (event: TurnEvent) => void

/** Answer text in pieces of a sentence or a line: how an answer that was not generated is streamed. */
export const answerDeltas = (answer: string): string[] =>
  answer.match(/[^。！？\n]*[。！？\n]|[^。！？\n]+$/g) ?? [answer]

export type TurnEvents = {
  citations(citations: Citation[]): void
  delta(text: string): void
  /** Ends the sequence; an answer nothing was streamed of (extractive, fixed replies) goes out in pieces first. */
  done(response: ChatResponse): void
}

export function createTurnEvents(sink: TurnEventSink = () => {}): TurnEvents {
  let streamed = false
  return {
    citations: (citations) => sink({ type: 'citations', citations }),
    delta(text) {
      streamed = true
      sink({ type: 'delta', text })
    },
    done(response) {
      if (!streamed) {
        sink({ type: 'citations', citations: response.citations })
        for (const text of answerDeltas(response.answer)) sink({ type: 'delta', text })
      }
      sink({ type: 'done', response })
    },
  }
}
