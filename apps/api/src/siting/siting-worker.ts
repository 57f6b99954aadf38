/**
 * Worker thread that solves siting problems off the API's event loop; HiGHS is loaded once per
 * worker. Messages in: `{ jobId, problem, riskWeighting }`; out: `started`, then `done` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { loadHighs, solveSitingWith, type SitingProblem } from '@riskmap/geo';
import type { RiskWeighting } from './build-siting-task.js';
import { applyRiskWeights } from './risk-weights.js';

export interface WorkerTask {
  jobId: string;
  problem: SitingProblem;
  riskWeighting: RiskWeighting | null;
}

export type WorkerReply =
  | { jobId: string; type: 'started' }
  | { jobId: string; type: 'done'; result: unknown; totalWeight: number | null }
  | { jobId: string; type: 'failed'; error: { name: string; message: string; field?: string; allowed?: readonly unknown[] } };

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
    const result = solveSitingWith(problem, problem.exact === false ? null : await highs);
    port.postMessage({ jobId: task.jobId, type: 'done', result, totalWeight } satisfies WorkerReply);
  } catch (e) {
    const err = e as Error & { field?: string; allowed?: readonly unknown[] };
    port.postMessage({
      jobId: task.jobId,
      type: 'failed',
      error: { name: err.name, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.allowed ? { allowed: err.allowed } : {}) },
    } satisfies WorkerReply);
  }
});
