import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { JSON_TYPE, adminOnly, errorAnswer, invalidInput } from './common.js';
import { StoredRole } from './auth.js';

const Password = z.string().max(1000);
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

export const UserView = z.object({ id: z.number().int(), username: z.string(), role: StoredRole, townshipCode: z.string().nullable(), disabled: z.boolean() });
export const UserParams = z.object({ userId: z.coerce.number().int().positive().max(2 ** 31 - 1).describe('user id') });
const noUser = { 404: errorAnswer('no such user (code not_found)') } as const;

export const usersList = defineRoute({
  method: 'GET', path: '/api/users', access: 'admin', summary: 'Users (admin)', tags: ['users'],
  responses: { 200: { description: 'the users', contentType: JSON_TYPE, schema: z.object({ users: z.array(UserView) }) }, ...adminOnly },
  example: {},
});

export const usersCreate = defineRoute({
  method: 'POST', path: '/api/users', access: 'admin', summary: 'Create a user with a role and optional township scope (admin)', tags: ['users'],
  body: { contentType: JSON_TYPE, schema: NewUserSchema },
  responses: {
    201: { description: 'the user', contentType: JSON_TYPE, schema: z.object({ user: UserView }) },
    ...invalidInput, ...adminOnly,
    409: errorAnswer('username taken (code duplicate)'),
  },
  example: { body: {} },
});

export const usersChange = defineRoute({
  method: 'PATCH', path: '/api/users/:userId', access: 'admin', summary: 'Change a user’s role, township scope, disabled flag or password; ends their sessions (admin)', tags: ['users'],
  params: UserParams,
  body: { contentType: JSON_TYPE, schema: UserChangeSchema },
  responses: {
    200: { description: 'the user', contentType: JSON_TYPE, schema: z.object({ user: UserView }) },
    ...invalidInput, ...adminOnly, ...noUser,
    409: errorAnswer('the last enabled admin cannot be disabled or demoted (code last_admin)'),
  },
  example: { path: '/api/users/999999', body: {} },
});

export const usersUnlock = defineRoute({
  method: 'POST', path: '/api/users/:userId/unlock', access: 'admin', summary: 'Clear a user’s failed sign-ins (admin; audited)', tags: ['users'],
  params: UserParams,
  responses: {
    200: { description: 'the user and how many throttle rows were cleared', contentType: JSON_TYPE, schema: z.object({ user: UserView, cleared: z.number().int().min(0).describe('throttle rows removed, count') }) },
    ...invalidInput, ...adminOnly, ...noUser,
  },
  example: { path: '/api/users/999999/unlock' },
});

export const USER_ROUTES = [usersList, usersCreate, usersChange, usersUnlock] as const;
