import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export type ApiKeyScope = 'read' | 'read-write';

/** An API key as listed (never the key itself). */
export interface ApiKeySummary {
  id: number;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  userId: number;
  username: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (t: Date | string | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());

/**
 * Store a new key by its hash for a user; returns its id.
 * @example const id = await createApiKey(db, { keyHash, prefix: 'rmk_AbC1', name: 'QGIS 办公室', userId: 3, scope: 'read', createdBy: 1 })
 */
export async function createApiKey(
  db: Kysely<Database>,
  k: { keyHash: string; prefix: string; name: string; userId: number; scope: ApiKeyScope; createdBy: number },
): Promise<number> {
  const row = await db
    .insertInto('api_keys')
    .values({ key_hash: k.keyHash, prefix: k.prefix, name: k.name, user_id: k.userId, scope: k.scope, created_by: k.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * API keys, newest first: one user's (`userId`) or everyone's.
 * @example await listApiKeys(db, { userId: 3 })
 */
export async function listApiKeys(db: Kysely<Database>, filter: { userId?: number } = {}): Promise<ApiKeySummary[]> {
  let q = db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.name', 'k.prefix', 'k.scope', 'k.user_id', 'u.username', 'k.created_at', 'k.last_used_at', 'k.revoked_at'])
    .orderBy('k.id', 'desc');
  if (filter.userId !== undefined) q = q.where('k.user_id', '=', filter.userId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, prefix: r.prefix, scope: r.scope, userId: r.user_id, username: r.username,
    createdAt: iso(r.created_at as unknown as Date)!, lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at),
  }));
}

/**
 * Revoke a key (idempotent); returns the owner's id, or undefined for an unknown key.
 * @example await revokeApiKey(db, 7)
 */
export async function revokeApiKey(db: Kysely<Database>, id: number, now: Date = new Date()): Promise<number | undefined> {
  const row = await db.selectFrom('api_keys').select(['user_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (row.revoked_at === null) await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
  return row.user_id;
}

/** The user behind a valid key. */
export interface ApiKeyUser {
  keyId: number;
  scope: ApiKeyScope;
  userId: number;
  username: string;
  role: 'commander' | 'planner' | 'admin';
  townshipCode: string | null;
}

/**
 * The enabled user of an unrevoked key by its hash (and record its use, at most once a minute), or undefined.
 * @example const k = await apiKeyUser(db, sha256hex(key))
 */
export async function apiKeyUser(db: Kysely<Database>, keyHash: string, now: Date = new Date()): Promise<ApiKeyUser | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.scope', 'k.last_used_at', 'u.id as user_id', 'u.username', 'u.role', 'u.township_code'])
    .where('k.key_hash', '=', keyHash)
    .where('k.revoked_at', 'is', null)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { keyId: row.id, scope: row.scope, userId: row.user_id, username: row.username, role: row.role, townshipCode: row.township_code };
}
