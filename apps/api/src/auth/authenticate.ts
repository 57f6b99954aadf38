import type { RequestHandler } from 'express';
import { sessionUser } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../http/role.js';
import { sessionTokenOf } from './cookie.js';
import { hashSessionToken } from './token.js';
import { wantsBasicChallenge } from './basic-auth.js';
import { gisClientUser } from './gis-auth.js';

/**
 * Middleware that sets `res.locals.user` (a SessionUser) from HTTP Basic or an API key (gis-auth.ts), else
 * from a valid session cookie or bearer token;
 * a missing, expired or unknown token leaves the request anonymous (role public).
 * @example api.use(authenticate(deps))
 */
export function authenticate(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    if (wantsBasicChallenge(req)) res.locals.basicChallenge = true;
    const gisUser = await gisClientUser(deps, req, res);
    if (gisUser) {
      res.locals.user = gisUser;
      return next();
    }
    const token = sessionTokenOf(req);
    if (!token || token.length > 200) return next();
    const session = await sessionUser(deps.db, hashSessionToken(token));
    if (session) {
      const user: SessionUser = { id: session.userId, username: session.username, role: session.role, townshipCode: session.townshipCode };
      res.locals.user = user;
      res.locals.sessionTokenHash = hashSessionToken(token);
    }
    next();
  };
}
