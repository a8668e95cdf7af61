import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

/** 32 symbols without 0/O or 1/I, so a token read out over the phone or copied by hand survives. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const LENGTH = 8

/** A fresh 8-character token (40 random bits); it is shown once and only its hash is stored. */
export function generateLookupToken(): string {
  let token = ''
  for (let i = 0; i < LENGTH; i += 1) token += ALPHABET[randomInt(ALPHABET.length)]
  return token
}

/** Tolerates what people do to tokens: lower case, full-width letters, spaces, a hyphen in the middle. */
export const normaliseLookupToken = (token: string): string =>
  token.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '')

export const hashLookupToken = (token: string): string =>
  createHash('sha256')
    .update(`lookup:${normaliseLookupToken(token)}`)
    .digest('hex')

/** Constant-time comparison of a presented token with the stored hash. */
export function verifyLookupToken(presented: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex')
  const actual = Buffer.from(hashLookupToken(presented), 'hex')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
