import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { IsoTime, JSON_TYPE, errorAnswer, invalidInput, signInFirst } from './common.js';

/** Body of `POST /api/api-keys`: a name, a scope and (admin only) the user the key acts as. */
export const NewApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(100).describe('what the key is for, e.g. "QGIS 规划科"'),
  scope: z.enum(['read', 'read-write']).default('read').describe('read: GET only; read-write: also edits (as the user\'s role allows)'),
  userId: z.number().int().positive().optional().describe('admin only: create the key for this user (default: yourself)'),
});
export const KeyIdParams = z.object({ keyId: z.coerce.number().int().positive().describe('API key id') });

export const ApiKeyView = z.object({
  id: z.number().int(), name: z.string(), prefix: z.string().describe('first characters of the key, to tell keys apart'),
  scope: z.enum(['read', 'read-write']), userId: z.number().int(), username: z.string(),
  createdAt: IsoTime, lastUsedAt: IsoTime.nullable(), revokedAt: IsoTime.nullable(),
});
const tags = ['API keys'];
const withKey = { 403: errorAnswer('called with an API key (code session_required), or for another user without admin (code forbidden)') } as const;

export const apiKeysList = defineRoute({
  method: 'GET', path: '/api/api-keys', access: 'signed-in', summary: 'API keys: your own (admin: everyone\'s)', tags,
  responses: { 200: { description: 'the keys, newest first (never the keys themselves)', contentType: JSON_TYPE, schema: z.object({ keys: z.array(ApiKeyView) }) }, ...signInFirst, ...withKey },
  example: {},
});

export const apiKeysCreate = defineRoute({
  method: 'POST', path: '/api/api-keys', access: 'signed-in', summary: 'Create a personal API key for QGIS, ArcGIS or GDAL (shown once)', tags,
  description: 'Send it as `X-API-Key: <key>` or `Authorization: Bearer <key>`. Only its hash is stored; it cannot be shown again.',
  body: { contentType: JSON_TYPE, schema: NewApiKeySchema },
  responses: {
    201: { description: 'the key (only now) and its summary', contentType: JSON_TYPE, schema: z.object({ key: z.string().describe('the secret key, rmk_…; shown only this once'), apiKey: ApiKeyView }) },
    ...invalidInput, ...signInFirst, ...withKey,
  },
  example: { body: {} },
});

export const apiKeysRevoke = defineRoute({
  method: 'DELETE', path: '/api/api-keys/:keyId', access: 'signed-in', summary: 'Revoke an API key (your own; admin: any)', tags, params: KeyIdParams,
  responses: { 204: { description: 'revoked (also when it already was)' }, ...invalidInput, ...signInFirst, ...withKey, 404: errorAnswer('unknown key, or not yours (code not_found)') },
  example: { path: '/api/api-keys/999999' },
});

export const API_KEY_ROUTES = [apiKeysList, apiKeysCreate, apiKeysRevoke] as const;
