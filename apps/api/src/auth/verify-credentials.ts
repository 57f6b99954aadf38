import { createHash } from 'node:crypto';
import { clearLoginFailures, findUserByUsername, loginWait, recordLoginFailure, type Database, type Kysely, type LoginThrottlePolicy } from '@riskmap/db';
import type { SessionUser } from '../http/role.js';
import { DUMMY_HASH, verifyPassword } from './password.js';

/** The outcome of checking a username and password. */
export type CredentialCheck = { ok: true; user: SessionUser } | { ok: false; retryAfterS?: number };

const remembered = new Map<string, { passwordHash: string; until: number }>();

/**
 * The one check of a username and password for HTTP Basic: throttled by the same database-held back-off as the
 * sign-in form (per username + address, and per address; shared by every API process — a blocked caller gets
 * `retryAfterS` and no verification), the scrypt verification, and an
 * enabled account (read on every request, so disabling a user takes effect at once). A success is remembered
 * for `cacheS` seconds (keyed by a hash of both, valid only while the stored hash is unchanged), since GIS
 * clients send the password with each of hundreds of requests and scrypt is deliberately slow.
 * @example const r = await verifyCredentials(db, 'planner', 'pw', '10.0.0.5', 60, config.login); if (r.ok) res.locals.user = r.user
 */
export async function verifyCredentials(
  db: Kysely<Database>,
  username: string,
  password: string,
  address: string,
  cacheS: number,
  policy: LoginThrottlePolicy,
  now = Date.now(),
): Promise<CredentialCheck> {
  const key = createHash('sha256').update(username).update('\0').update(password).digest('hex');
  const wait = await loginWait(db, username, address, policy, new Date(now));
  if (wait > 0) return { ok: false, retryAfterS: wait };
  const row = await findUserByUsername(db, username);
  const hit = remembered.get(key);
  // a remembered success holds only while the stored hash is unchanged (a new password or re-hash ends it)
  const valid = hit && hit.until > now && row && hit.passwordHash === row.password_hash ? true : await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !valid || row.disabled) {
    await recordLoginFailure(db, username, address, policy, new Date(now));
    return { ok: false };
  }
  if (!hit || hit.until <= now) await clearLoginFailures(db, username, address);
  const user: SessionUser = { id: row.id, username: row.username, role: row.role, townshipCode: row.township_code };
  if (cacheS > 0) {
    if (remembered.size > 1000) remembered.clear();
    remembered.set(key, { passwordHash: row.password_hash, until: now + cacheS * 1000 });
  }
  return { ok: true, user };
}

