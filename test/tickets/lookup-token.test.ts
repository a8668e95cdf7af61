import { describe, expect, it } from 'vitest'
import {
  generateLookupToken,
  hashLookupToken,
  normaliseLookupToken,
  verifyLookupToken,
} from '../../src/tickets/lookup-token.ts'

describe('lookup tokens', () => {
  it('are 8 readable characters without 0, O, 1 or I', () => {
    const tokens = Array.from({ length: 200 }, generateLookupToken)
    for (const token of tokens) expect(token).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(new Set(tokens).size).toBe(tokens.length)
  })

  it('verify against the stored hash, tolerating case, spaces and a hyphen', () => {
    const token = 'K7M2-QX9P'.replace('-', '')
    const stored = hashLookupToken(token)
    expect(stored).not.toContain(token)
    expect(verifyLookupToken('k7m2-qx9p', stored)).toBe(true)
    expect(verifyLookupToken(' K7M2 QX9P ', stored)).toBe(true)
    expect(verifyLookupToken('K7M2QX9Q', stored)).toBe(false)
    expect(verifyLookupToken('', stored)).toBe(false)
  })

  it('normalise full-width input', () => {
    expect(normaliseLookupToken('ｋ７ｍ２ｑｘ９ｐ')).toBe('K7M2QX9P')
  })
})
