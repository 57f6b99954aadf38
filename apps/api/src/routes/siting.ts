import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { EDITORS, requireRole } from '../auth/require-role.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import type { LayerCache } from '../services/layer-cache.js';
import { buildSitingTask } from '../siting/build-siting-task.js';
import { SitingJobs } from '../siting/siting-jobs.js';
import { sitingPool } from '../siting/siting-pool.js';
import { SitingRequest } from '../siting/siting-request.js';
import { sitingScenariosRouter } from './siting-scenarios.js';

/** Instances up to this many demand × candidate pairs (and budgets up to SYNC_TIME_LIMIT_MS) are answered in the request. */
export const SYNC_PAIR_LIMIT = 400_000;
export const SYNC_TIME_LIMIT_MS = 30_000;

/**
 * Facility siting for planners: `POST /api/siting` solves on a worker thread and answers 200 (small
 * instances) or 202 with a job (large ones, `async: true`, or while every worker is busy); jobs at `/api/siting/jobs/:id`
 * (GET progress, DELETE cancel); saved scenarios at `/api/siting/scenarios`.
 * @example api.use(sitingRouter(deps, layers))
 */
export function sitingRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  const editors = requireRole(...EDITORS);
  const pool = sitingPool();
  const jobs = new SitingJobs(pool);

  router.post('/siting', editors, async (req, res) => {
    const body = SitingRequest.parse(req.body);
    const task = await buildSitingTask(body, layers, deps.config.domain);
    // A request never waits behind other solves: when every worker is busy it gets a job instead.
    const busy = pool.saturated();
    const job = jobs.start(body, task, userOf(res)!.username);
    const sync = !body.async && !busy && task.pairs <= SYNC_PAIR_LIMIT && job.timeLimitMs <= SYNC_TIME_LIMIT_MS;
    if (!sync) {
      res.status(202).location(`/api/siting/jobs/${job.id}`).json(jobs.view(job));
      return;
    }
    await job.done;
    if (job.error) throw new HttpError(job.error.status, job.error.code, job.error.message, job.error.details);
    res.json(job.result);
  });

  router.get('/siting/jobs/:id', editors, (req, res) => {
    const job = jobs.get(String(req.params.id));
    if (!job) throw new HttpError(404, 'not_found', `no siting job ${req.params.id} (finished jobs are kept for an hour)`);
    res.json(jobs.view(job));
  });

  router.delete('/siting/jobs/:id', editors, async (req, res) => {
    const job = jobs.get(String(req.params.id));
    if (!job) throw new HttpError(404, 'not_found', `no siting job ${req.params.id}`);
    if (!jobs.cancel(job.id)) throw new HttpError(409, 'finished', `job ${job.id} already finished (${job.status})`, { status: job.status });
    await job.done;
    res.json(jobs.view(job));
  });

  router.use(sitingScenariosRouter(deps, jobs));
  return router;
}
