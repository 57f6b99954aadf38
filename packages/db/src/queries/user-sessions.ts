import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface SessionRow {
  userId: number;
  username: string;
  role: 'commander' | 'planner' | 'admin';
  townshipCode: string | null;
  expiresAt: Date;
}

/**
 * Store a session by the hash of its token, valid until `expiresAt`.
 * @example await createSession(db, sha256hex(token), user.id, new Date(Date.now() + 12 * 3600_000))
 */
export async function createSession(db: Kysely<Database>, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

/**
 * The user of an unexpired session of an enabled user, or undefined.
 * @example const s = await sessionUser(db, sha256hex(token)) // { userId: 1, role: 'admin', … }
 */
export async function sessionUser(db: Kysely<Database>, tokenHash: string, now: Date = new Date()): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id as user_id', 'u.username', 'u.role', 'u.township_code', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  return { userId: row.user_id, username: row.username, role: row.role, townshipCode: row.township_code, expiresAt: new Date(row.expires_at) };
}

/**
 * End one session (logout); ending an unknown session does nothing.
 * @example await deleteSession(db, sha256hex(token))
 */
export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/**
 * End every session of a user (after a role change, a disable or a password change) and any expired sessions.
 * @example await deleteUserSessions(db, 3)
 */
export async function deleteUserSessions(db: Kysely<Database>, userId: number, now: Date = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('user_id', '=', userId), eb('expires_at', '<=', now)])).execute();
}

/**
 * Remove expired sessions (called at sign-in so the table does not grow without bound).
 * @example await deleteExpiredSessions(db)
 */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
