import type { RequestHandler } from 'express';
import { sessionTokenOf } from '../auth/cookie.js';
import { hashSessionToken } from '../auth/token.js';
import { ImportJobs, viewOf } from '../import/import-jobs.js';

const JOB_PATH = /^\/imports\/jobs\/([\w-]{1,64})$/;

/**
 * Before sign-in (mounted ahead of `authenticate` under /api): `GET`/`DELETE /api/imports/jobs/:job` for an import
 * running in this process, asked with the very session token that started it, is answered from the job's live state
 * without a database read. On the embedded database the commit's transaction holds the one connection, so a
 * signed-in progress poll or cancel would otherwise wait until the commit ended. Anything else goes on to the
 * ordinary route (which reads the job's row).
 * @example api.use(ownImportJob(jobs)); api.use(authenticate(deps))
 */
export function ownImportJob(jobs: ImportJobs): RequestHandler {
  return (req, res, next) => {
    const m = JOB_PATH.exec(req.path);
    if (!m || (req.method !== 'GET' && req.method !== 'DELETE')) return next();
    const token = sessionTokenOf(req);
    if (!token || token.length > 200) return next();
    const job = jobs.ownJob(m[1]!, hashSessionToken(token));
    if (!job) return next();
    res.set('Cache-Control', 'no-store');
    if (req.method === 'GET') return void res.json(viewOf(job));
    void jobs.cancel(job.id, job.owner, false).then(
      (v) => res.status(202).json({ id: v.id, phase: v.phase, cancelRequested: v.cancelRequested }),
      next,
    );
  };
}
