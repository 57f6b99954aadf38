import { createUser, deleteUserSessions, findUserByUsername, updateUser, writeAudit, type Database, type Kysely } from '@riskmap/db';
import { hashPassword, verifyPassword } from './password.js';

/** What ensureFirstAdmin did: created the admin, rotated its password (or re-enabled it), or nothing. */
export type AdminBootstrap = 'created' | 'rotated' | false;

/**
 * Create the configured admin when no user of that name exists. With `rotate` (ADMIN_PASSWORD given), an existing
 * user of that name is made an enabled admin with exactly that password: a changed password is replaced, its
 * sessions end, and the rotation is audited (never the secret). Without `rotate` (the development default) an
 * existing user is left as it is.
 * @example await ensureFirstAdmin(db, config.admin) // 'created' on the first start, false afterwards
 */
export async function ensureFirstAdmin(db: Kysely<Database>, admin: { username: string; password: string; rotate?: boolean } | undefined): Promise<AdminBootstrap> {
  if (!admin) return false;
  const existing = await findUserByUsername(db, admin.username);
  if (!existing) {
    try {
      const user = await createUser(db, { username: admin.username, passwordHash: await hashPassword(admin.password), role: 'admin' });
      await writeAudit(db, { actor: 'system', action: 'user_create', layer: 'users', featureId: user.id, before: null, after: { username: user.username, role: 'admin', source: 'ADMIN_USERNAME' } });
      return 'created';
    } catch (err) {
      if (await findUserByUsername(db, admin.username)) return false;
      throw err;
    }
  }
  if (!admin.rotate) return false;
  const samePassword = await verifyPassword(admin.password, existing.password_hash);
  if (samePassword && existing.role === 'admin' && !existing.disabled) return false;
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, existing.id, { role: 'admin', disabled: false, ...(samePassword ? {} : { password_hash: await hashPassword(admin.password) }) });
    if (!samePassword) await deleteUserSessions(trx, existing.id);
    await writeAudit(trx, {
      actor: 'system',
      action: 'admin_rotate',
      layer: 'users',
      featureId: existing.id,
      before: { role: existing.role, disabled: existing.disabled },
      after: { role: 'admin', disabled: false, passwordChanged: !samePassword, source: 'ADMIN_PASSWORD' },
    });
  });
  return 'rotated';
}
