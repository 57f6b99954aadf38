import { z } from 'zod';
import { LAYER_IDS } from '@riskmap/geo';
import { defineOperation } from '../openapi/registry.js';
import { createFeatureSchema, patchFeatureSchema } from '../validation/index.js';
import { AuditQuery } from './audit.js';
import { NewUserSchema, UserChangeSchema } from './edit-users.js';

/**
 * OpenAPI registrations of the auth, user, editing, audit and events routes, from the zod schemas
 * their handlers validate with. Imported for its effect by app.ts's routers.
 */
const LayerParams = z.object({ id: z.enum(LAYER_IDS) });
const FeatureParams = z.object({ id: z.enum(LAYER_IDS), featureId: z.coerce.number().int().positive() });
const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional().describe('the version read (or send {"version": n} as the body)') });
const geojson = 'application/geo+json';
const json = 'application/json';
const editorErrors = {
  400: { description: 'invalid input; details.fields name the field (e.g. properties.status, geometry)' },
  401: { description: 'not signed in' },
  403: { description: 'not a planner or admin, or outside the planner’s township scope' },
  404: { description: 'unknown layer or feature' },
};
const conflict = { 409: { description: 'stale version (details.current is the current record), duplicate code, or deleted' } };

defineOperation({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in: sets an HttpOnly session cookie and returns a bearer token',
  tags: ['auth'],
  body: { contentType: json, schema: z.object({ username: z.string(), password: z.string() }) },
  responses: { 200: { description: 'token, expiresAt and the user', contentType: json }, 401: { description: 'wrong username or password' }, 429: { description: 'too many failed attempts (Retry-After)' } },
});
defineOperation({ method: 'post', path: '/api/auth/logout', summary: 'Sign out (ends the session)', tags: ['auth'], responses: { 204: { description: 'signed out' } } });
defineOperation({ method: 'get', path: '/api/auth/me', summary: 'The signed-in user and role (role public when anonymous)', tags: ['auth'], responses: { 200: { description: 'role and user', contentType: json } } });

const adminErrors = { 401: { description: 'not signed in' }, 403: { description: 'not an admin' } };
defineOperation({ method: 'get', path: '/api/users', summary: 'Users (admin)', tags: ['users'], responses: { 200: { description: 'the users', contentType: json }, ...adminErrors } });
defineOperation({
  method: 'post',
  path: '/api/users',
  summary: 'Create a user with a role and optional township scope (admin)',
  tags: ['users'],
  body: { contentType: json, schema: NewUserSchema },
  responses: { 201: { description: 'the user', contentType: json }, 400: { description: 'invalid input' }, ...adminErrors, 409: { description: 'username taken' } },
});
defineOperation({
  method: 'patch',
  path: '/api/users/{userId}',
  summary: 'Change a user’s role, township scope, disabled flag or password; ends their sessions (admin)',
  tags: ['users'],
  params: z.object({ userId: z.coerce.number().int().positive() }),
  body: { contentType: json, schema: UserChangeSchema },
  responses: { 200: { description: 'the user', contentType: json }, 400: { description: 'invalid input' }, ...adminErrors, 404: { description: 'no such user' } },
});

defineOperation({
  method: 'post',
  path: '/api/layers/{id}',
  summary: 'Create a feature (planner, admin): a GeoJSON Feature validated per layer, inside the county',
  tags: ['editing'],
  params: LayerParams,
  body: { contentType: geojson, schema: z.union(LAYER_IDS.map((l) => createFeatureSchema(l).describe(l))) },
  responses: { 201: { description: 'the stored feature at version 1', contentType: geojson }, ...editorErrors, ...conflict },
});
defineOperation({
  method: 'patch',
  path: '/api/layers/{id}/{featureId}',
  summary: 'Change properties and/or geometry, sending the version read (planner, admin)',
  tags: ['editing'],
  params: FeatureParams,
  body: { contentType: json, schema: z.union(LAYER_IDS.map((l) => patchFeatureSchema(l).describe(l))) },
  responses: { 200: { description: 'the feature, version + 1', contentType: geojson }, ...editorErrors, ...conflict },
});
defineOperation({
  method: 'delete',
  path: '/api/layers/{id}/{featureId}',
  summary: 'Soft-delete a feature, sending the version read (planner, admin); restorable',
  tags: ['editing'],
  params: FeatureParams,
  query: VersionQuery,
  responses: { 200: { description: 'the feature with deletedAt', contentType: geojson }, ...editorErrors, ...conflict },
});
defineOperation({
  method: 'post',
  path: '/api/layers/{id}/{featureId}/restore',
  summary: 'Restore a soft-deleted feature (planner, admin)',
  tags: ['editing'],
  params: FeatureParams,
  query: VersionQuery,
  responses: { 200: { description: 'the feature, version + 1', contentType: geojson }, ...editorErrors, ...conflict },
});
defineOperation({
  method: 'get',
  path: '/api/audit',
  summary: 'Audit history, newest first: who, when, action, before and after (commander and up)',
  tags: ['editing'],
  query: AuditQuery,
  responses: { 200: { description: 'entries', contentType: json }, 400: { description: 'invalid filter' }, 401: { description: 'not signed in' } },
});
defineOperation({
  method: 'get',
  path: '/api/events',
  summary: 'Server-Sent Events: one `change` event per edit (layer, id, action, version); resumes after Last-Event-ID',
  description: 'Anonymous clients receive changes of public layers only. A `reset` event asks the client to reload when the history it asks for is gone.',
  tags: ['editing'],
  responses: { 200: { description: 'text/event-stream', contentType: 'text/event-stream' } },
});
