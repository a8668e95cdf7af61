import type { ChatResponse } from './api-types.ts'
import { local } from './storage.ts'

/**
 * The conversation as this browser saw it, so a reload (or Back from the lookup page) shows it
 * again. Kept with the session id; "新对话" forgets both. Only the newest turns are kept.
 */
export type TranscriptEntry = { role: 'user'; text: string } | { role: 'assistant'; response: ChatResponse }

const KEY = 'qd.chat.transcript'
const LIMIT = 40

export function loadTranscript(): TranscriptEntry[] {
  try {
    const parsed = JSON.parse(local.get(KEY) ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as TranscriptEntry[]) : []
  } catch {
    return []
  }
}

export function appendTranscript(...entries: TranscriptEntry[]): void {
  local.set(KEY, JSON.stringify([...loadTranscript(), ...entries].slice(-LIMIT)))
}

export const forgetTranscript = (): void => local.remove(KEY)
