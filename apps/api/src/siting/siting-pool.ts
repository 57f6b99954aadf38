import { availableParallelism } from 'node:os';
import { compiledWorkerUrl, WorkerPool } from '../services/worker-pool.js';
import type { WorkerTask } from './siting-worker.js';

/** What the worker sends back for a finished solve. */
export interface SolveOutput {
  result: unknown;
  totalWeight: number | null;
}

/**
 * A small pool of worker threads (1–2) that solve siting problems (the shared WorkerPool); queued tasks wait for a free
 * worker, and `cancel` terminates the worker running a task (a fresh one replaces it).
 * @example const out = await sitingPool().run(task, () => {}); out.result
 */
export class SitingPool extends WorkerPool<WorkerTask, SolveOutput> {
  constructor(size: number) {
    super({
      size,
      name: 'siting',
      url: compiledWorkerUrl(import.meta.url, './siting-worker.js', '../../dist/siting/siting-worker.js'),
      output: (m) => ({ result: m.result, totalWeight: m.totalWeight }),
    });
  }
}

let shared: SitingPool | null = null;

/**
 * The process-wide siting pool: one worker per core, at most two.
 * @example await sitingPool().run({ jobId, problem, riskWeighting: null, config: domain })
 */
export function sitingPool(): SitingPool {
  shared ??= new SitingPool(Math.min(2, Math.max(1, availableParallelism())));
  return shared;
}
