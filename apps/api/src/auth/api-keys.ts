import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';

/** Every API key starts with this, so it is recognisable (and distinguishable from a session token). */
export const API_KEY_PREFIX = 'rmk_';

/**
 * A new API key: the prefix and 32 random bytes, base64url (47 characters); shown once, stored hashed.
 * @example const key = newApiKey() // 'rmk_…'
 */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The sha256 (hex) of an API key: what the api_keys table stores. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * The API key a request carries: `X-API-Key: …` or `Authorization: Bearer rmk_…`, else undefined.
 * @example apiKeyOf(req) // 'rmk_…'
 */
export function apiKeyOf(req: Request): string | undefined {
  const header = req.get('x-api-key')?.trim();
  if (header) return header;
  const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
}
