/**
 * Web storage that never throws: it can be disabled or full (private modes, strict settings), and
 * the pages should still work, just without remembering. `session` lasts while the tab is open;
 * `local` outlives it (the chat and the tickets filed from this browser).
 */
function safeStore(pick: () => Storage) {
  return {
    get(key: string): string | null {
      try {
        return pick().getItem(key)
      } catch {
        return null
      }
    },
    set(key: string, value: string): void {
      try {
        pick().setItem(key, value)
      } catch {
        // remembered for this page only
      }
    },
    remove(key: string): void {
      try {
        pick().removeItem(key)
      } catch {
        // nothing to forget
      }
    },
  }
}

export const session = safeStore(() => window.sessionStorage)
export const local = safeStore(() => window.localStorage)
