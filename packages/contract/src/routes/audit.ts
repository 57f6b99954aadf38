import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { LAYER_IDS } from '../enums-facilities.js';
import { IsoTime, JSON_TYPE, errorAnswer, invalidInput, signInFirst } from './common.js';

/** Query of `GET /api/audit`: optional layer id, feature id and limit (newest first). */
export const AuditQuery = z.object({
  layer: z.enum([...LAYER_IDS, 'users']).optional(),
  id: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: IsoTime,
  actor: z.string().describe('username of who made the change'),
  action: z.string().describe('create, update, delete, restore, import, user_create …'),
  layer: z.string(),
  featureId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditList = defineRoute({
  method: 'GET',
  path: '/api/audit',
  access: 'signed-in',
  summary: 'Audit history, newest first: who, when, action, before and after (commander and up)',
  tags: ['editing'],
  query: AuditQuery,
  responses: {
    200: { description: 'entries', contentType: JSON_TYPE, schema: z.object({ entries: z.array(AuditEntrySchema) }) },
    ...invalidInput,
    ...signInFirst,
    403: errorAnswer('the audit of user changes is for admins (code forbidden)'),
  },
  example: { path: '/api/audit?layer=shelters' },
});

export const AUDIT_ROUTES = [auditList] as const;
