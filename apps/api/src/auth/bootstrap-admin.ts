import { createUser, findUserByUsername, type Database, type Kysely } from '@riskmap/db';
import { hashPassword } from './password.js';

/**
 * Create the first admin from configuration when no user of that name exists; an existing user is left
 * as it is (its password may have been changed since). Returns true when it created the admin.
 * @example await ensureFirstAdmin(db, config.admin) // true on the first start, false afterwards
 */
export async function ensureFirstAdmin(db: Kysely<Database>, admin: { username: string; password: string } | undefined): Promise<boolean> {
  if (!admin) return false;
  if (await findUserByUsername(db, admin.username)) return false;
  try {
    await createUser(db, { username: admin.username, passwordHash: await hashPassword(admin.password), role: 'admin' });
    return true;
  } catch (err) {
    if (await findUserByUsername(db, admin.username)) return false;
    throw err;
  }
}
