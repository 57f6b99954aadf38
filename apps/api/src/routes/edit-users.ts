import { Router } from 'express';
import { usersChange, usersCreate, usersList, usersUnlock } from '@riskmap/contract';
import { createUser, deleteUserSessions, listUsers, otherEnabledAdmins, townshipExists, unlockLogin, updateUser, writeAudit, type UserSummary } from '@riskmap/db';
import { passwordProblem } from '@riskmap/config';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { hashPassword } from '../auth/password.js';
import { mountRoute } from '../http/mount-route.js';
import { userOf } from '../http/role.js';

const view = (u: UserSummary) => ({ id: u.id, username: u.username, role: u.role, townshipCode: u.township_code, disabled: u.disabled });

/**
 * Admin-only user management: `GET /api/users`, `POST /api/users`, `PATCH /api/users/:userId` (role, township scope, disabled, password).
 * @example app.use('/api', usersRouter(deps))
 */
export function usersRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, usersList, async (_req, res) => {
    res.json({ users: (await listUsers(deps.db)).map(view) });
  });

  mountRoute(router, usersCreate, async (_req, res, { body }) => {
    checkPassword(body.password, body.username);
    await checkTownship(deps, body.townshipCode);
    try {
      const passwordHash = await hashPassword(body.password);
      const user = await deps.db.transaction().execute(async (trx) => {
        const created = await createUser(trx, { username: body.username, passwordHash, role: body.role, townshipCode: body.townshipCode ?? null });
        await writeAudit(trx, { actor: userOf(res)!.username, action: 'user_create', layer: 'users', featureId: created.id, before: null, after: view(created) });
        return created;
      });
      res.status(201).json({ user: view(user) });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new HttpError(409, 'duplicate', `username "${body.username}" is taken`, { field: 'username', params: { username: body.username } });
      throw err;
    }
  });

  mountRoute(router, usersChange, async (_req, res, { params: { userId: id }, body }) => {
    const before = (await listUsers(deps.db)).find((u) => u.id === id);
    if (body.password !== undefined) checkPassword(body.password, before?.username);
    await checkTownship(deps, body.townshipCode);
    if ((body.disabled || (body.role && body.role !== 'admin')) && (await otherEnabledAdmins(deps.db, id)) === 0 && (await isEnabledAdmin(deps, id))) {
      throw new HttpError(409, 'last_admin', 'this is the last enabled admin; make another admin first', { field: body.disabled ? 'disabled' : 'role' });
    }
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    const user = await deps.db.transaction().execute(async (trx) => {
      const changed = await updateUser(trx, id, {
        ...(body.role ? { role: body.role } : {}),
        ...(body.townshipCode !== undefined ? { township_code: body.townshipCode } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      });
      if (!changed) return undefined;
      await deleteUserSessions(trx, id);
      await writeAudit(trx, {
        actor: userOf(res)!.username,
        action: 'user_update',
        layer: 'users',
        featureId: id,
        before: before ? view(before) : null,
        after: { ...view(changed), ...(passwordHash ? { passwordReset: true } : {}) },
      });
      return changed;
    });
    if (!user) throw new HttpError(404, 'not_found', `no user ${id}`, { field: 'userId' });
    res.json({ user: view(user) });
  });

  mountRoute(router, usersUnlock, async (_req, res, { params: { userId: id } }) => {
    const user = (await listUsers(deps.db)).find((u) => u.id === id);
    if (!user) throw new HttpError(404, 'not_found', `no user ${id}`, { field: 'userId' });
    const cleared = await deps.db.transaction().execute(async (trx) => {
      const n = await unlockLogin(trx, user.username);
      await writeAudit(trx, { actor: userOf(res)!.username, action: 'login_unlock', layer: 'users', featureId: id, before: null, after: { username: user.username, cleared: n } });
      return n;
    });
    res.json({ user: view(user), cleared });
  });

  return router;
}

function checkPassword(password: string, username: string | undefined): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new HttpError(400, 'invalid_input', `password: too weak (${problem})`, { fields: [{ field: 'password', message: problem, key: 'weak_password' }] });
}

async function isEnabledAdmin(deps: AppDeps, id: number): Promise<boolean> {
  return (await listUsers(deps.db)).some((u) => u.id === id && u.role === 'admin' && !u.disabled);
}

async function checkTownship(deps: AppDeps, code: string | null | undefined): Promise<void> {
  if (code && !(await townshipExists(deps.db, code))) {
    throw new HttpError(400, 'invalid_input', `townshipCode: no township "${code}"`, { fields: [{ field: 'townshipCode', message: 'unknown township', params: { townshipCode: code } }] });
  }
}
