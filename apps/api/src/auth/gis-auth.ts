import type { Request, Response } from 'express';
import { apiKeyUser } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import type { SessionUser } from '../http/role.js';
import { apiKeyOf, hashApiKey } from './api-keys.js';
import { basicCredentials } from './basic-auth.js';
import { verifyCredentials } from './verify-credentials.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The user of a request signed in the way GIS clients do: HTTP Basic over the login, or a personal API key
 * (`X-API-Key` or `Authorization: Bearer rmk_…`). Undefined when the request carries neither; wrong
 * credentials are a 401 (never silently anonymous), a throttled address 429, and a read-only key used to
 * change something 403.
 * @example const user = await gisClientUser(deps, req, res)
 */
export async function gisClientUser(deps: AppDeps, req: Request, res: Response): Promise<SessionUser | undefined> {
  const basic = basicCredentials(req);
  if (basic === null) throw new HttpError(401, 'invalid_credentials', 'malformed HTTP Basic credentials');
  if (basic) {
    const r = await verifyCredentials(deps.db, basic.username, basic.password, req.ip ?? '', deps.config.gis.basicAuthCacheS, deps.config.login);
    if (r.ok) {
      res.locals.authMethod = 'basic';
      return r.user;
    }
    if (r.retryAfterS) {
      res.set('Retry-After', String(r.retryAfterS));
      throw new HttpError(429, 'too_many_attempts', 'too many failed sign-ins; try again later', { retryAfterS: r.retryAfterS });
    }
    throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
  }
  const key = apiKeyOf(req);
  if (!key) return undefined;
  const k = key.length <= 200 ? await apiKeyUser(deps.db, hashApiKey(key)) : undefined;
  if (!k) throw new HttpError(401, 'invalid_api_key', 'unknown or revoked API key');
  if (k.scope === 'read' && !READ_METHODS.has(req.method)) {
    throw new HttpError(403, 'read_only_key', 'this API key may only read; create a read-write key to make changes');
  }
  res.locals.authMethod = 'api-key';
  res.locals.apiKeyId = k.keyId;
  return { id: k.userId, username: k.username, role: k.role, townshipCode: k.townshipCode };
}
