import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost as OWASP's Password Storage Cheat Sheet asks (2024): N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const N = SCRYPT.N;
const R = SCRYPT.r;
const P = SCRYPT.p;
const KEY_LENGTH = 64;
/** scrypt needs 128·N·r·p bytes; node refuses above maxmem (32 MiB by default). */
const MAX_MEM = 2 * 128 * N * R * P;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * A salted scrypt hash of a password as `scrypt$N$r$p$salt$hash` (base64); the password is never stored.
 * @example const stored = await hashPassword('correct horse battery staple')
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True when `password` matches a hash from hashPassword (constant-time comparison); false for a malformed hash.
 * @example await verifyPassword('correct horse battery staple', stored) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * True when a stored hash uses weaker parameters than today's (then re-hash it after a successful sign-in).
 * @example if (needsRehash(user.password_hash)) await updateUser(db, user.id, { password_hash: await hashPassword(pw) })
 */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < N || Number(r) < R || Number(p) < P;
}

/** A hash of a random password, verified against when the username is unknown so both paths take as long. */
export const DUMMY_HASH = await hashPassword(randomBytes(18).toString('base64'));
