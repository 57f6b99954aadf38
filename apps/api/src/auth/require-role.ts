import type { RequestHandler } from 'express';
import { HttpError } from '../http/http-error.js';
import { roleOf, type Role } from '../http/role.js';

/** Every signed-in role: reads everything (commander and up). */
export const SIGNED_IN: Role[] = ['commander', 'planner', 'admin'];
/** Roles that edit features. */
export const EDITORS: Role[] = ['planner', 'admin'];

/**
 * Middleware that lets a request through only with one of `roles`: 401 when anonymous, 403 otherwise.
 * @example router.post('/layers/:id', requireRole('planner', 'admin'), handler)
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const role = roleOf(req, res);
    if (roles.includes(role)) return next();
    if (role === 'public') throw new HttpError(401, 'unauthenticated', 'sign in first (POST /api/auth/login)');
    throw new HttpError(403, 'forbidden', `role ${role} may not do this (needs ${roles.join(' or ')})`, { role, allowed: roles });
  };
}
