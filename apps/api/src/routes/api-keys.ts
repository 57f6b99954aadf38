import { Router, type Request, type Response } from 'express';
import { apiKeysCreate, apiKeysList, apiKeysRevoke } from '@riskmap/contract';
import { createApiKey, listApiKeys, listUsers, revokeApiKey } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf, type SessionUser } from '../http/role.js';
import { hashApiKey, newApiKey } from '../auth/api-keys.js';
import { mountRoute } from '../http/mount-route.js';

/** Key management needs a signed-in session or Basic login: an API key cannot mint or revoke keys. */
function manager(_req: Request, res: Response): SessionUser {
  if (res.locals.authMethod === 'api-key') throw new HttpError(403, 'session_required', 'API keys are managed after signing in, not with an API key');
  return userOf(res)!;
}

/**
 * `GET/POST /api/api-keys`, `DELETE /api/api-keys/:keyId`: personal API keys, named and scoped, created and
 * revoked by their user or an admin.
 * @example app.use('/api', apiKeysRouter(deps))
 */
export function apiKeysRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, apiKeysList, async (req, res) => {
    const me = manager(req, res);
    res.set('Cache-Control', 'no-store').json({ keys: await listApiKeys(deps.db, me.role === 'admin' ? {} : { userId: me.id }) });
  });

  mountRoute(router, apiKeysCreate, async (req, res, { body }) => {
    const me = manager(req, res);
    const userId = body.userId ?? me.id;
    if (userId !== me.id && me.role !== 'admin') throw new HttpError(403, 'forbidden', 'only an admin creates keys for other users', { field: 'userId' });
    if (userId !== me.id && !(await listUsers(deps.db)).some((u) => u.id === userId && !u.disabled)) {
      throw new HttpError(400, 'invalid_input', `userId: no enabled user ${userId}`, { fields: [{ field: 'userId', message: 'no such enabled user' }] });
    }
    const key = newApiKey();
    const id = await createApiKey(deps.db, { keyHash: hashApiKey(key), prefix: key.slice(0, 10), name: body.name, userId, scope: body.scope, createdBy: me.id });
    const apiKey = (await listApiKeys(deps.db, { userId })).find((k) => k.id === id)!;
    res.status(201).set('Cache-Control', 'no-store').json({ key, apiKey });
  });

  mountRoute(router, apiKeysRevoke, async (req, res, { params: { keyId } }) => {
    const me = manager(req, res);
    const owner = (await listApiKeys(deps.db, me.role === 'admin' ? {} : { userId: me.id })).find((k) => k.id === keyId);
    if (!owner) throw new HttpError(404, 'not_found', `no API key ${keyId}${me.role === 'admin' ? '' : ' of yours'}`, { field: 'keyId' });
    await revokeApiKey(deps.db, keyId);
    res.status(204).end();
  });

  return router;
}
