/**
 * sessionStorage that never throws: it can be disabled or full (private modes, strict settings),
 * and the pages should still work, just without remembering.
 */
export const session = {
  get(key: string): string | null {
    try {
      return window.sessionStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string): void {
    try {
      window.sessionStorage.setItem(key, value)
    } catch {
      // remembered for this page only
    }
  },
  remove(key: string): void {
    try {
      window.sessionStorage.removeItem(key)
    } catch {
      // nothing to forget
    }
  },
}
