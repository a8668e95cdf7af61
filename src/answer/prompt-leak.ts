/**
 * Whether `reply` recites `prompt`: any `window` consecutive characters of it (whitespace ignored)
 * found in the reply. A model can be talked into repeating its instructions; an answer that does
 * is dropped for the extractive one. Twenty characters is well past any phrase an answer about the
 * documents would share with the prompt by chance.
 */
export function recitesPrompt(reply: string, prompt: string, window = 20): boolean {
  const text = reply.replace(/\s+/g, '')
  const source = prompt.replace(/\s+/g, '')
  for (let start = 0; start + window <= source.length; start++) {
    if (text.includes(source.slice(start, start + window))) return true
  }
  return false
}
