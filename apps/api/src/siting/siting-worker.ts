/**
 * Worker thread that solves siting problems off the API's event loop; HiGHS is loaded once per
 * worker. Messages in: `{ jobId, problem, riskWeighting, config }`; out: `started`, then `done` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { applyRiskWeights, loadHighs, solveSitingWith, type SitingConfig, type SitingProblem } from '@riskmap/geo';
import type { RiskWeighting } from './build-siting-task.js';
import { failureOf, type PoolReply } from '../services/worker-pool.js';

export interface WorkerTask {
  jobId: string;
  problem: SitingProblem;
  riskWeighting: RiskWeighting | null;
  /** The site's configuration the solve takes its defaults from (turn-out, speeds, detour, distances, target). */
  config: SitingConfig;
}

export type WorkerReply = PoolReply<{ result: unknown; totalWeight: number | null }>;

const highs = loadHighs().catch(() => null);

parentPort?.on('message', async (task: WorkerTask) => {
  const port = parentPort!;
  port.postMessage({ jobId: task.jobId, type: 'started' } satisfies WorkerReply);
  try {
    const { problem } = task;
    let totalWeight: number | null = null;
    if (problem.kind !== 'shelter-gap') {
      if (task.riskWeighting) applyRiskWeights(problem.demand, task.riskWeighting);
      totalWeight = problem.demand.reduce((s, d) => s + d.weight * (d.riskWeight ?? 1), 0);
    }
    const result = solveSitingWith(problem, problem.exact === false ? null : await highs, task.config);
    port.postMessage({ jobId: task.jobId, type: 'done', result, totalWeight } satisfies WorkerReply);
  } catch (e) {
    port.postMessage({ jobId: task.jobId, type: 'failed', error: failureOf(e) } satisfies WorkerReply);
  }
});
