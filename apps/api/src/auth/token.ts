import { createHash, randomBytes } from 'node:crypto';

/**
 * A new session token: 32 random bytes, base64url (43 characters).
 * @example const token = newSessionToken()
 */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The sha256 (hex) of a session token: what the sessions table stores instead of the token.
 * @example await sessionUser(db, hashSessionToken(token))
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
