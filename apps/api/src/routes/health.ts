import { Router } from 'express';
import { sql } from '@riskmap/db';
import type { AppDeps } from '../deps.js';

/** `GET /api/health` → status, backend and PostGIS version; 503 when the database does not answer. */
export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      await sql`select 1`.execute(deps.db);
      res.json({ status: 'ok', database: { backend: deps.backend, postgis: deps.postgis } });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', database: { backend: deps.backend, error: (err as Error).message } });
    }
  });
  return router;
}
