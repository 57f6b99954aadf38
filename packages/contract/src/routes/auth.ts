import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { IsoTime, JSON_TYPE, errorAnswer, invalidInput } from './common.js';

export const StoredRole = z.enum(['commander', 'planner', 'admin']);
export const Role = z.enum(['public', 'commander', 'planner', 'admin']);

/** The signed-in user as the session knows it. */
export const SessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: StoredRole,
  townshipCode: z.string().nullable().describe('the township a planner’s edits are limited to, or null'),
}).loose();

export const LoginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

export const authLogin = defineRoute({
  method: 'POST',
  path: '/api/auth/login',
  access: 'anyone',
  summary: 'Sign in: sets an HttpOnly session cookie and returns a bearer token',
  tags: ['auth'],
  body: { contentType: JSON_TYPE, schema: LoginBody },
  responses: {
    200: {
      description: 'signed in',
      contentType: JSON_TYPE,
      schema: z.object({ token: z.string(), tokenType: z.literal('Bearer'), expiresAt: IsoTime.describe('when the session ends (12 h after sign-in), ISO time'), user: SessionUserSchema }),
    },
    ...invalidInput,
    401: errorAnswer('wrong username or password (code invalid_credentials)'),
    429: errorAnswer('too many failed sign-ins; details.retryAfterS seconds (code too_many_attempts, Retry-After)'),
  },
  example: { body: {} },
});

export const authLogout = defineRoute({
  method: 'POST',
  path: '/api/auth/logout',
  access: 'anyone',
  summary: 'Sign out (ends the session, clears the cookie)',
  tags: ['auth'],
  responses: { 204: { description: 'signed out' } },
  example: { endsSession: true },
});

export const authMe = defineRoute({
  method: 'GET',
  path: '/api/auth/me',
  access: 'anyone',
  summary: 'The signed-in user and role (role public and user null when anonymous)',
  tags: ['auth'],
  responses: { 200: { description: 'role and user', contentType: JSON_TYPE, schema: z.object({ role: Role, user: SessionUserSchema.nullable() }) } },
  example: {},
});

export const AUTH_ROUTES = [authLogin, authLogout, authMe] as const;
