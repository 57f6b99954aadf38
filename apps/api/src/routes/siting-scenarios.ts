import { Router } from 'express';
import { sitingScenarioDelete, sitingScenarioGet, sitingScenarioList, sitingScenarioSave } from '@riskmap/contract';
import { createScenario, deleteScenario, getScenario, listScenarios } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import type { SitingJobs } from '../siting/siting-jobs.js';

/**
 * Named siting scenarios for the planning workspace: save a run (by its `runId`, or its params and
 * result), list, read and delete. Planners and admins write; every signed-in role reads.
 * @example router.use(sitingScenariosRouter(deps, jobs))
 */
export function sitingScenariosRouter(deps: AppDeps, jobs: SitingJobs): Router {
  const router = Router();

  mountRoute(router, sitingScenarioSave, async (_req, res, { body }) => {
    let params: unknown;
    let result: unknown;
    let problem: string;
    if ('runId' in body) {
      const run = await jobs.getWithRequest(body.runId);
      if (!run) throw new HttpError(404, 'not_found', `no siting run ${body.runId} (runs are kept for a day)`, { field: 'runId' });
      if (!run.result) throw new HttpError(409, 'not_finished', `run ${body.runId} has no result (${run.status})`, { status: run.status });
      [params, result, problem] = [run.request, run.result, run.problem];
    } else {
      if (body.result.problem !== body.params.problem) {
        throw new HttpError(400, 'invalid_input', 'result.problem must match params.problem', { fields: [{ field: 'result.problem', message: 'does not match params.problem' }] });
      }
      [params, result, problem] = [body.params, body.result, body.params.problem];
    }
    const runId = 'runId' in body ? body.runId : null;
    const saved = await createScenario(deps.db, { name: body.name, problem, params, result, createdBy: userOf(res)!.username, runId });
    res.status(201).location(`/api/siting/scenarios/${saved.id}`).json(saved);
  });

  mountRoute(router, sitingScenarioList, async (_req, res, { query: q }) => {
    res.json({ scenarios: await listScenarios(deps.db, q) });
  });

  mountRoute(router, sitingScenarioGet, async (_req, res, { params: { id } }) => {
    const s = await getScenario(deps.db, id);
    if (!s) throw new HttpError(404, 'not_found', `no siting scenario ${id}`);
    res.json(s);
  });

  mountRoute(router, sitingScenarioDelete, async (_req, res, { params: { id } }) => {
    const user = userOf(res)!;
    const s = await getScenario(deps.db, id);
    if (!s) throw new HttpError(404, 'not_found', `no siting scenario ${id}`);
    if (user.role !== 'admin' && s.createdBy !== user.username) {
      throw new HttpError(403, 'not_owner', `scenario ${id} was saved by ${s.createdBy}; only they or an admin may delete it`, { field: 'id' });
    }
    if (!(await deleteScenario(deps.db, id))) throw new HttpError(404, 'not_found', `no siting scenario ${id}`);
    res.status(204).end();
  });

  return router;
}
