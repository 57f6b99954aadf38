import { Router } from 'express';
import { z } from 'zod';
import { createSession, deleteExpiredSessions, deleteSession, findUserByUsername } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { roleOf, userOf } from '../http/role.js';
import { sessionCookie } from '../auth/cookie.js';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import { LoginLimiter } from '../auth/rate-limit.js';
import { hashSessionToken, newSessionToken } from '../auth/token.js';

/** How long a session lasts. */
export const SESSION_TTL_S = 12 * 3600;

const Login = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

/**
 * `POST /api/auth/login` (cookie + bearer token), `POST /api/auth/logout`, `GET /api/auth/me`.
 * @example app.use('/api', authRouter(deps))
 */
export function authRouter(deps: AppDeps, limiter = new LoginLimiter()): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const { username, password } = Login.parse(req.body ?? {});
    const keys = [`ip:${req.ip}`, `user:${username}`];
    const wait = limiter.blockedFor(keys);
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'too_many_attempts', 'too many failed sign-ins; try again later', { retryAfterS: Math.ceil(wait / 1000) });
    }
    const user = await findUserByUsername(deps.db, username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      limiter.fail(keys);
      throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    }
    limiter.reset(`user:${username}`);
    await deleteExpiredSessions(deps.db);
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_S * 1000);
    await createSession(deps.db, hashSessionToken(token), user.id, expiresAt);
    res.append('Set-Cookie', sessionCookie(token, SESSION_TTL_S, req.secure));
    res.json({
      token,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, username: user.username, role: user.role, townshipCode: user.township_code },
    });
  });

  router.post('/auth/logout', async (_req, res) => {
    const tokenHash = res.locals.sessionTokenHash as string | undefined;
    if (tokenHash) await deleteSession(deps.db, tokenHash);
    res.append('Set-Cookie', sessionCookie('', 0, _req.secure));
    res.status(204).end();
  });

  router.get('/auth/me', (req, res) => {
    res.json({ role: roleOf(req, res), user: userOf(res) ?? null });
  });

  return router;
}
