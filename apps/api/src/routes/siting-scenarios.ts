import { Router } from 'express';
import { z } from 'zod';
import { createScenario, deleteScenario, getScenario, listScenarios } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { EDITORS, requireRole, SIGNED_IN } from '../auth/require-role.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import type { SitingJobs } from '../siting/siting-jobs.js';
import { SitingRequest } from '../siting/siting-request.js';

const name = z.string().trim().min(1, 'required').max(200);
export const SaveScenario = z.union([
  z.strictObject({ name, runId: z.string().uuid() }),
  z.strictObject({
    name,
    params: SitingRequest,
    result: z.looseObject({ problem: SitingRequest.shape.problem, chosen: z.array(z.union([z.string(), z.number()])) }),
  }),
]);
const ScenarioQuery = z.object({ problem: SitingRequest.shape.problem.optional() });
const Id = z.object({ id: z.coerce.number().int().positive() });

/**
 * Named siting scenarios for the planning workspace: save a run (by its `runId`, or its params and
 * result), list, read and delete. Planners and admins write; every signed-in role reads.
 * @example router.use(sitingScenariosRouter(deps, jobs))
 */
export function sitingScenariosRouter(deps: AppDeps, jobs: SitingJobs): Router {
  const router = Router();

  router.post('/siting/scenarios', requireRole(...EDITORS), async (req, res) => {
    const body = SaveScenario.parse(req.body);
    let params: unknown;
    let result: unknown;
    let problem: string;
    if ('runId' in body) {
      const job = jobs.get(body.runId);
      if (!job) throw new HttpError(404, 'not_found', `no siting run ${body.runId} (runs are kept for an hour)`, { field: 'runId' });
      if (!job.result) throw new HttpError(409, 'not_finished', `run ${body.runId} has no result (${job.status})`, { status: job.status });
      [params, result, problem] = [job.params, job.result, job.problem];
    } else {
      if (body.result.problem !== body.params.problem) {
        throw new HttpError(400, 'invalid_input', 'result.problem must match params.problem', { fields: [{ field: 'result.problem', message: 'does not match params.problem' }] });
      }
      [params, result, problem] = [body.params, body.result, body.params.problem];
    }
    const saved = await createScenario(deps.db, { name: body.name, problem, params, result, createdBy: userOf(res)!.username });
    res.status(201).location(`/api/siting/scenarios/${saved.id}`).json(saved);
  });

  router.get('/siting/scenarios', requireRole(...SIGNED_IN), async (req, res) => {
    const q = ScenarioQuery.parse(req.query);
    res.json({ scenarios: await listScenarios(deps.db, q) });
  });

  router.get('/siting/scenarios/:id', requireRole(...SIGNED_IN), async (req, res) => {
    const { id } = Id.parse(req.params);
    const s = await getScenario(deps.db, id);
    if (!s) throw new HttpError(404, 'not_found', `no siting scenario ${id}`);
    res.json(s);
  });

  router.delete('/siting/scenarios/:id', requireRole(...EDITORS), async (req, res) => {
    const { id } = Id.parse(req.params);
    if (!(await deleteScenario(deps.db, id))) throw new HttpError(404, 'not_found', `no siting scenario ${id}`);
    res.status(204).end();
  });

  return router;
}
