import type { Kysely } from 'kysely';
import type { Database, User } from '../schema.js';

export type StoredRole = User['role'];

/** A user without the password hash: what may leave the database layer for display. */
export type UserSummary = Omit<User, 'password_hash'>;

const SUMMARY = ['id', 'username', 'role', 'township_code', 'disabled', 'created_at', 'updated_at'] as const;

/**
 * Insert a user with an already-computed password hash; returns it without the hash.
 * @example await createUser(db, { username: 'li', passwordHash, role: 'planner', townshipCode: '371521101' })
 */
export async function createUser(
  db: Kysely<Database>,
  user: { username: string; passwordHash: string; role: StoredRole; townshipCode?: string | null },
): Promise<UserSummary> {
  return db
    .insertInto('users')
    .values({ username: user.username, password_hash: user.passwordHash, role: user.role, township_code: user.townshipCode ?? null })
    .returning(SUMMARY)
    .executeTakeFirstOrThrow();
}

/**
 * The user with this username (including the password hash, for verification), or undefined.
 * @example const u = await findUserByUsername(db, 'admin')
 */
export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Every user ordered by id, without password hashes.
 * @example const users = await listUsers(db)
 */
export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  return db.selectFrom('users').select(SUMMARY).orderBy('id').execute();
}

/**
 * Change a user's role, township scope, disabled flag or password hash; returns the user, or undefined when absent.
 * @example await updateUser(db, 3, { role: 'commander', township_code: null })
 */
export async function updateUser(
  db: Kysely<Database>,
  id: number,
  changes: { role?: StoredRole; township_code?: string | null; disabled?: boolean; password_hash?: string },
): Promise<UserSummary | undefined> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returning(SUMMARY)
    .executeTakeFirst();
}

/**
 * True when a (not deleted) township with this code exists: the scope a user may be restricted to.
 * @example await townshipExists(db, '371521001') // true
 */
export async function townshipExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db.selectFrom('admin_areas').select('id').where('code', '=', code).where('level', '=', 'township').where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/**
 * How many enabled admins there are other than user `exceptId` (to refuse removing the last one).
 * @example if ((await otherEnabledAdmins(db, id)) === 0) throw …
 */
export async function otherEnabledAdmins(db: Kysely<Database>, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
