import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import { InvalidInputError } from '../errors.ts'

/**
 * Passwords are kept as scrypt hashes: `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), so that a
 * later change of cost still verifies the hashes made before it. N = 2^15, r = 8 needs 32 MiB and
 * about 0.1 s per attempt: cheap for one sign-in, ruinous for guessing at a stolen table.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_BYTES = 16

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

const derive = (password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r, else Node refuses the parameters.
    const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 }
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })

/** Says what is wrong with a new password, or nothing. */
export function checkNewPassword(password: string): void {
  if (password.length < PASSWORD_MIN) throw new InvalidInputError(`密码至少 ${PASSWORD_MIN} 个字符，请设置更长的密码。`)
  if (password.length > PASSWORD_MAX) throw new InvalidInputError(`密码请控制在 ${PASSWORD_MAX} 个字符以内。`)
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

// Compared against when the account does not exist or has no password, so that the answer takes
// as long as for a real account and the timing does not tell which names exist.
const DECOY = hashPassword(randomBytes(16).toString('hex'))

/** Whether `password` matches `stored` (null: no such account or no password yet — always false). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? (await DECOY)).split('$')
  const [scheme, N, r, p, salt, key] = parts
  if (parts.length !== 6 || scheme !== 'scrypt') return false
  const expected = Buffer.from(key!, 'base64url')
  const actual = await derive(password, Buffer.from(salt!, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) })
  return stored !== null && expected.length === actual.length && timingSafeEqual(expected, actual)
}
