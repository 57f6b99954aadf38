import { Router } from 'express';
import { sitingJobCancel, sitingJobGet, sitingRun } from '@riskmap/contract';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import type { LayerCache } from '../services/layer-cache.js';
import { buildSitingTask } from '../siting/build-siting-task.js';
import { SitingJobs } from '../siting/siting-jobs.js';
import { sitingPool } from '../siting/siting-pool.js';
import { sitingScenariosRouter } from './siting-scenarios.js';

/** Instances up to this many demand × candidate pairs (and budgets up to SYNC_TIME_LIMIT_MS) are answered in the request. */
export const SYNC_PAIR_LIMIT = 400_000;
export const SYNC_TIME_LIMIT_MS = 30_000;

/**
 * Facility siting for planners: `POST /api/siting` solves on a worker thread and answers 200 (small
 * instances) or 202 with a job (large ones, `async: true`, or while every worker is busy); jobs at `/api/siting/jobs/:id`
 * (GET progress, DELETE cancel) are rows in the database, so any process answers and cancels them;
 * saved scenarios at `/api/siting/scenarios`.
 * @example api.use(sitingRouter(deps, layers))
 */
export function sitingRouter(deps: AppDeps, layers: LayerCache): Router & { jobs: SitingJobs } {
  const router = Object.assign(Router(), { jobs: null as unknown as SitingJobs });
  const pool = sitingPool();
  const jobs = new SitingJobs(deps.db, pool, layers, deps.config.domain, {
    ...(deps.listen ? { listen: deps.listen } : {}),
    heartbeatMs: deps.config.cluster.sitingHeartbeatMs,
    staleMs: deps.config.cluster.sitingStaleMs,
  });
  router.jobs = jobs;

  mountRoute(router, sitingRun, async (_req, res, { body }) => {
    const task = await buildSitingTask(body, layers, deps.config.domain);
    // A request never waits behind other solves: when every worker is busy it gets a job instead.
    const timeLimitMs = task.problem.timeLimitMs ?? 10_000;
    const sync = !body.async && !pool.saturated() && task.pairs <= SYNC_PAIR_LIMIT && timeLimitMs <= SYNC_TIME_LIMIT_MS;
    const id = await jobs.start(body, task, userOf(res)!.username, { here: sync });
    if (!sync) {
      const run = await jobs.get(id);
      res.status(202).location(`/api/siting/jobs/${id}`).json(jobs.view(run!));
      return;
    }
    const run = (await jobs.wait(id, timeLimitMs + SYNC_TIME_LIMIT_MS))!;
    const error = run.error as { status: number; code: string; message: string; details?: unknown } | null;
    if (error) throw new HttpError(error.status, error.code, error.message, error.details);
    res.json(run.result);
  });

  mountRoute(router, sitingJobGet, async (_req, res, { params }) => {
    const run = await jobs.get(uuidParam(params.id));
    if (!run) throw new HttpError(404, 'not_found', `no siting job ${params.id} (finished jobs are kept for a day)`);
    res.json(jobs.view(run));
  });

  mountRoute(router, sitingJobCancel, async (_req, res, { params }) => {
    const id = uuidParam(params.id);
    const run = await jobs.get(id);
    if (!run) throw new HttpError(404, 'not_found', `no siting job ${params.id}`);
    const user = userOf(res)!;
    if (user.role !== 'admin' && run.owner !== user.username) {
      throw new HttpError(403, 'not_owner', `job ${id} was started by ${run.owner}; only they or an admin may cancel it`, { field: 'id' });
    }
    if (!(await jobs.cancel(id))) throw new HttpError(409, 'finished', `job ${id} already finished (${run.status})`, { status: run.status });
    res.json(jobs.view((await jobs.wait(id, 10_000))!));
  });

  router.use(sitingScenariosRouter(deps, jobs));
  return router;
}

/** A job id is a UUID; anything else is unknown (and never reaches the database as a malformed uuid). */
function uuidParam(raw: unknown): string {
  const id = String(raw);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new HttpError(404, 'not_found', `no siting job ${id}`);
  return id;
}
