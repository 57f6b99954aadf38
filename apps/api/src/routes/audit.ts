import { Router } from 'express';
import { z } from 'zod';
import { listAudit } from '@riskmap/db';
import { LAYER_IDS } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { SIGNED_IN, requireRole } from '../auth/require-role.js';

/** Query of `GET /api/audit`: optional layer id, feature id and limit (newest first). */
export const AuditQuery = z.object({
  layer: z.enum(LAYER_IDS).optional(),
  id: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

/**
 * `GET /api/audit?layer=&id=&limit=` → the audit history (who, when, what, before, after), newest first; commander and up.
 * @example GET /api/audit?layer=shelters&id=3
 */
export function auditRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/audit', requireRole(...SIGNED_IN), async (req, res) => {
    const q = AuditQuery.parse(req.query);
    const entries = await listAudit(deps.db, { layer: q.layer, featureId: q.id, limit: q.limit });
    res.json({ entries });
  });
  return router;
}
