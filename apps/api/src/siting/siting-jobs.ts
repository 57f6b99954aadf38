import { randomUUID } from 'node:crypto';
import type { SitingPool } from './siting-pool.js';
import type { SitingTask } from './build-siting-task.js';
import type { SitingRequest } from './siting-request.js';
import { sitingResponse, type SitingResponse } from './siting-response.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A siting run: its request, its state, and its answer once done. */
export interface SitingJob {
  id: string;
  problem: SitingRequest['problem'];
  params: SitingRequest;
  createdBy: string;
  status: JobStatus;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  timeLimitMs: number;
  result: SitingResponse | null;
  error: { status: number; code: string; message: string; details?: unknown } | null;
  done: Promise<void>;
}

/** Finished jobs are kept this long for polling and saving as a scenario. */
const KEEP_MS = 60 * 60 * 1000;
const MAX_JOBS = 200;
/** Beyond its time budget a solve gets this much grace (matrix building, the answer) before it is stopped. */
const GRACE = (limitMs: number) => limitMs * 0.5 + 15_000;

/**
 * The siting runs of one app: starts them on the pool, tracks progress, cancels, and forgets them
 * an hour after they finish.
 * @example const job = jobs.start(req, task, 'planner'); await job.done; job.result
 */
export class SitingJobs {
  private readonly jobs = new Map<string, SitingJob>();

  constructor(private readonly pool: SitingPool) {}

  start(params: SitingRequest, task: SitingTask, createdBy: string): SitingJob {
    this.prune();
    const id = randomUUID();
    const timeLimitMs = task.problem.timeLimitMs ?? 10_000;
    const job: SitingJob = {
      id, problem: params.problem, params, createdBy, status: 'queued', createdAt: Date.now(), startedAt: null, finishedAt: null,
      timeLimitMs, result: null, error: null, done: Promise.resolve(),
    };
    let watchdog: NodeJS.Timeout | undefined;
    const onStart = () => {
      job.status = 'running';
      job.startedAt = Date.now();
      watchdog = setTimeout(() => this.pool.cancel(id, 'over-time'), timeLimitMs + GRACE(timeLimitMs));
      watchdog.unref();
    };
    job.done = this.pool
      .run({ jobId: id, problem: task.problem, riskWeighting: task.riskWeighting }, onStart)
      .then((out) => {
        job.result = sitingResponse(task, out, timeLimitMs, id);
        job.status = 'done';
      })
      .catch((e: Error & { status?: number; code?: string; details?: unknown; field?: string }) => {
        job.status = e.code === 'cancelled' ? 'cancelled' : 'failed';
        job.error = {
          status: e.name === 'InputError' ? 400 : (e.status ?? 500),
          code: e.name === 'InputError' ? 'invalid_input' : (e.code ?? 'solver_failed'),
          message: e.code === 'over-time' ? `the solve ran past its ${timeLimitMs} ms budget and was stopped` : e.message,
          ...(e.name === 'InputError' ? { details: { fields: [{ field: e.field, message: e.message }] } } : {}),
        };
      })
      .finally(() => {
        clearTimeout(watchdog);
        job.finishedAt = Date.now();
      });
    this.jobs.set(id, job);
    return job;
  }

  get(id: string): SitingJob | undefined {
    return this.jobs.get(id);
  }

  /** Cancel a queued or running job; false when it already finished or is unknown. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.finishedAt !== null) return false;
    return this.pool.cancel(id);
  }

  /** What `GET /api/siting/jobs/:id` answers: state, elapsed time against the budget, and the result when done. */
  view(job: SitingJob) {
    const now = job.finishedAt ?? Date.now();
    const elapsedMs = job.startedAt === null ? 0 : now - job.startedAt;
    const progress = job.status === 'done' ? 1 : job.status === 'running' ? Math.min(0.99, elapsedMs / job.timeLimitMs) : 0;
    return {
      id: job.id,
      problem: job.problem,
      status: job.status,
      createdBy: job.createdBy,
      createdAt: new Date(job.createdAt).toISOString(),
      elapsedMs,
      timeLimitMs: job.timeLimitMs,
      progress,
      ...(job.result ? { result: job.result } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    while (this.jobs.size >= MAX_JOBS && finished.length > 0) this.jobs.delete(finished.shift()!.id);
  }
}
