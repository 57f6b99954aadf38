import { Router } from 'express';
import { authLogin, authLogout, authMe } from '@riskmap/contract';
import { clearLoginFailures, createSession, deleteExpiredSessions, deleteSession, findUserByUsername, loginWait, recordLoginFailure, updateUser } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { mountRoute } from '../http/mount-route.js';
import { roleOf, userOf } from '../http/role.js';
import { sessionCookie } from '../auth/cookie.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../auth/password.js';
import { hashSessionToken, newSessionToken } from '../auth/token.js';

/** How long a session lasts. */
export const SESSION_TTL_S = 12 * 3600;

/**
 * `POST /api/auth/login` (cookie + bearer token), `POST /api/auth/logout`, `GET /api/auth/me`.
 * @example app.use('/api', authRouter(deps))
 */
export function authRouter(deps: AppDeps): Router {
  const router = Router();

  mountRoute(router, authLogin, async (req, res, { body: { username, password } }) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = await loginWait(deps.db, username, address, deps.config.login);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw new HttpError(429, 'too_many_attempts', `too many failed sign-ins; try again in ${wait} s`, { field: 'password', retryAfterS: wait });
    }
    const user = await findUserByUsername(deps.db, username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await recordLoginFailure(deps.db, username, address, deps.config.login);
      throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    }
    await clearLoginFailures(deps.db, username, address);
    if (needsRehash(user.password_hash)) await updateUser(deps.db, user.id, { password_hash: await hashPassword(password) });
    await deleteExpiredSessions(deps.db);
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_S * 1000);
    await createSession(deps.db, hashSessionToken(token), user.id, expiresAt);
    res.append('Set-Cookie', sessionCookie(token, SESSION_TTL_S, req.secure || deps.config.http.secureCookies));
    res.json({
      token,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, username: user.username, role: user.role, townshipCode: user.township_code },
    });
  });

  mountRoute(router, authLogout, async (_req, res) => {
    const tokenHash = res.locals.sessionTokenHash as string | undefined;
    if (tokenHash) await deleteSession(deps.db, tokenHash);
    res.append('Set-Cookie', sessionCookie('', 0, _req.secure || deps.config.http.secureCookies));
    res.status(204).end();
  });

  mountRoute(router, authMe, (req, res) => {
    res.json({ role: roleOf(req, res), user: userOf(res) ?? null });
  });

  return router;
}
