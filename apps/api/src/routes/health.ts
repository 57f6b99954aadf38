import { Router } from 'express';
import { classifyDatabaseError, sql } from '@riskmap/db';
import { health } from '@riskmap/contract';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { loadShedding } from '../http/load-shed.js';

/** How long the health probe waits for `select 1` before calling the database unavailable. */
const PROBE_MS = 2_000;

/**
 * `GET /api/health` → `{status: 'ok', database: {backend, postgis}}`; while a part is away or saturated,
 * `{status: 'degraded', degraded: [...parts], database: {backend, state}}` — 503 when the database does not
 * answer (state `unavailable` or `timeout`), 200 when it answers but the server sheds load (`busy`,
 * `load: 'shedding'`). No connection string, database name or server error text is shown. Never shed.
 */
export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  mountRoute(router, health, async (_req, res) => {
    const state = await probe(deps);
    const shedding = loadShedding();
    if (state === 'ok' && !shedding) {
      res.json({ status: 'ok', database: { backend: deps.backend, postgis: deps.postgis } });
      return;
    }
    const degraded = [...(state === 'ok' ? [] : ['database']), ...(shedding ? ['load'] : [])];
    const down = state === 'unavailable' || state === 'timeout';
    if (down) res.set('Retry-After', String(deps.config.resilience.database.retryAfterSeconds));
    res.status(down ? 503 : 200).json({
      status: 'degraded',
      degraded,
      database: { backend: deps.backend, state, ...(state === 'ok' ? { postgis: deps.postgis } : {}) },
      ...(shedding ? { load: 'shedding' } : {}),
    });
  });
  return router;
}

async function probe(deps: AppDeps): Promise<'ok' | 'unavailable' | 'busy' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const query = sql`select 1`.execute(deps.db).then(
    () => 'ok' as const,
    (err: unknown) => {
      const kind = classifyDatabaseError(err);
      return kind === 'busy' ? ('busy' as const) : kind === 'timeout' ? ('timeout' as const) : ('unavailable' as const);
    },
  );
  const result = await Promise.race([query, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), PROBE_MS)))]);
  clearTimeout(timer);
  return result;
}
