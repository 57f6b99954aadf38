import { Router } from 'express';
import { auditList } from '@riskmap/contract';
import { listAudit } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { HttpError } from '../http/http-error.js';
import { roleOf } from '../http/role.js';

/**
 * `GET /api/audit?layer=&id=&limit=` → the audit history (who, when, what, before, after), newest first; commander and up.
 * @example GET /api/audit?layer=shelters&id=3
 */
export function auditRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, auditList, async (req, res, { query: q }) => {
    if (q.layer === 'users' && roleOf(req, res) !== 'admin') throw new HttpError(403, 'forbidden', 'the audit of user changes is for admins', { field: 'layer' });
    const entries = await listAudit(deps.db, { layer: q.layer, featureId: q.id, limit: q.limit });
    res.json({ entries: roleOf(req, res) === 'admin' ? entries : entries.filter((e) => e.layer !== 'users') });
  });
  return router;
}
