import { Router } from 'express';
import { z } from 'zod';
import { createUser, deleteUserSessions, listUsers, otherEnabledAdmins, townshipExists, updateUser, type UserSummary } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { hashPassword } from '../auth/password.js';
import { requireRole } from '../auth/require-role.js';

const StoredRole = z.enum(['commander', 'planner', 'admin']);
const Password = z.string().min(8, 'at least 8 characters').max(1000);
const TownshipCode = z.string().min(1).max(32).nullable();

/** Body of `POST /api/users` (admin): a new signed-in user; public is the anonymous role and is never stored. */
export const NewUserSchema = z.strictObject({
  username: z.string().min(1).max(100).regex(/^[^\s]+$/, 'no spaces'),
  password: Password,
  role: StoredRole,
  townshipCode: TownshipCode.optional(),
});

/** Body of `PATCH /api/users/:userId` (admin): any of role, township scope, disabled, password. */
export const UserChangeSchema = z.strictObject({
  role: StoredRole.optional(),
  townshipCode: TownshipCode.optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});

const view = (u: UserSummary) => ({ id: u.id, username: u.username, role: u.role, townshipCode: u.township_code, disabled: u.disabled });

/**
 * Admin-only user management: `GET /api/users`, `POST /api/users`, `PATCH /api/users/:userId` (role, township scope, disabled, password).
 * @example app.use('/api', usersRouter(deps))
 */
export function usersRouter(deps: AppDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/users', admin, async (_req, res) => {
    res.json({ users: (await listUsers(deps.db)).map(view) });
  });

  router.post('/users', admin, async (req, res) => {
    const body = NewUserSchema.parse(req.body ?? {});
    await checkTownship(deps, body.townshipCode);
    try {
      const user = await createUser(deps.db, { username: body.username, passwordHash: await hashPassword(body.password), role: body.role, townshipCode: body.townshipCode ?? null });
      res.status(201).json({ user: view(user) });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new HttpError(409, 'duplicate', `username "${body.username}" is taken`, { field: 'username' });
      throw err;
    }
  });

  router.patch('/users/:userId', admin, async (req, res) => {
    const id = z.coerce.number().int().positive().parse(req.params.userId);
    const body = UserChangeSchema.parse(req.body ?? {});
    await checkTownship(deps, body.townshipCode);
    if ((body.disabled || (body.role && body.role !== 'admin')) && (await otherEnabledAdmins(deps.db, id)) === 0 && (await isEnabledAdmin(deps, id))) {
      throw new HttpError(409, 'last_admin', 'this is the last enabled admin; make another admin first', { field: body.disabled ? 'disabled' : 'role' });
    }
    const user = await updateUser(deps.db, id, {
      ...(body.role ? { role: body.role } : {}),
      ...(body.townshipCode !== undefined ? { township_code: body.townshipCode } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      ...(body.password ? { password_hash: await hashPassword(body.password) } : {}),
    });
    if (!user) throw new HttpError(404, 'not_found', `no user ${id}`, { field: 'userId' });
    await deleteUserSessions(deps.db, id);
    res.json({ user: view(user) });
  });

  return router;
}

async function isEnabledAdmin(deps: AppDeps, id: number): Promise<boolean> {
  return (await listUsers(deps.db)).some((u) => u.id === id && u.role === 'admin' && !u.disabled);
}

async function checkTownship(deps: AppDeps, code: string | null | undefined): Promise<void> {
  if (code && !(await townshipExists(deps.db, code))) {
    throw new HttpError(400, 'invalid_input', `townshipCode: no township "${code}"`, { fields: [{ field: 'townshipCode', message: 'unknown township' }] });
  }
}
