import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { DomainConfig } from '@riskmap/config';
import { sitingRuns, sql, type Database, type Kysely, type Listen } from '@riskmap/db';
import type { SitingPool } from './siting-pool.js';
import { buildSitingTask, type SitingTask } from './build-siting-task.js';
import { SitingRequest } from './siting-request.js';
import { sitingResponse } from './siting-response.js';
import type { LayerCache } from '../services/layer-cache.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
/** A run as polled and shown (without its request); `getWithRequest` adds the request. */
export type SitingRun = sitingRuns.SitingRunView;
type RunError = { status: number; code: string; message: string; details?: unknown };

/** Beyond its time budget a solve gets this much grace (matrix building, the answer) before it is stopped. */
const GRACE = (limitMs: number) => limitMs * 0.5 + 15_000;
/** Finished runs no saved scenario references are kept this long. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A task this process prepared for a run it queued is kept this long for the process that claims the run, if it is this one. */
const PREPARED_KEEP_MS = 120_000;
const NEW_RUN = 'riskmap_siting_new';
const CANCEL_RUN = 'riskmap_siting_cancel';

export interface SitingJobsOptions {
  listen?: Listen;
  /** How often the worker records progress (and learns of a cancel), and how long a silent worker counts as alive. */
  heartbeatMs: number;
  staleMs: number;
  onError?: (err: Error) => void;
}

/**
 * Siting runs are rows (`siting_runs`): any process answers for a run and cancels it; runs are claimed
 * by one process with FOR UPDATE SKIP LOCKED and solved on its worker-thread pool. The worker beats a
 * heartbeat with its progress and learns of cancels there (and at once through NOTIFY); every process
 * marks runs whose worker fell silent for `staleMs` as failed (the process died).
 * @example const id = await jobs.start(req, task, 'planner', { here: true }); await jobs.wait(id)
 */
export class SitingJobs {
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly mine = new Map<string, Promise<void>>();
  /** Tasks built for runs this process queued: when it claims one of them, the request is not parsed and built again. */
  private readonly prepared = new Map<string, SitingTask>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unlisten: Promise<(() => Promise<void>)[]>;
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly pool: SitingPool,
    private readonly layers: LayerCache,
    private readonly domain: Readonly<DomainConfig>,
    private readonly options: SitingJobsOptions,
  ) {
    const sweep = setInterval(() => void this.sweep(), options.heartbeatMs);
    sweep.unref();
    this.timers.push(sweep);
    this.unlisten = options.listen
      ? Promise.all([
          options.listen(NEW_RUN, () => void this.claimQueued()),
          options.listen(CANCEL_RUN, (id) => (id ? this.pool.cancel(id) : undefined)),
        ]).catch((err: Error) => {
          options.onError?.(err);
          return [];
        })
      : Promise.resolve([]);
  }

  /**
   * Store a run. `here`: this process solves it now (a request answered in place); otherwise it is
   * queued for whichever process has a free worker.
   */
  async start(params: SitingRequest, task: SitingTask, owner: string, options: { here: boolean }): Promise<string> {
    const id = randomUUID();
    await sitingRuns.insert(this.db, { id, problem: params.problem, request: params, owner, timeLimitMs: task.problem.timeLimitMs ?? 10_000 });
    if (options.here) {
      const run = await sitingRuns.claim(this.db, this.worker, id);
      if (run) this.execute(run, task);
    } else {
      this.prepared.set(id, task);
      setTimeout(() => this.prepared.delete(id), PREPARED_KEEP_MS).unref();
      await sql`select pg_notify(${NEW_RUN}, ${id})`.execute(this.db);
      void this.claimQueued();
    }
    return id;
  }

  get(id: string): Promise<SitingRun | undefined> {
    return sitingRuns.get(this.db, id);
  }

  getWithRequest(id: string): Promise<sitingRuns.SitingRunRow | undefined> {
    return sitingRuns.getWithRequest(this.db, id);
  }

  /** Ask to stop a queued or running run from any process; false when it already ended or is unknown. */
  async cancel(id: string): Promise<boolean> {
    const asked = await sitingRuns.requestCancel(this.db, id);
    if (asked) await sql`select pg_notify(${CANCEL_RUN}, ${id})`.execute(this.db);
    return asked;
  }

  /** The run once it has ended (or as it is after `timeoutMs`). */
  async wait(id: string, timeoutMs = 60_000): Promise<SitingRun | undefined> {
    const deadline = Date.now() + timeoutMs;
    await this.mine.get(id);
    // Poll one small column; the run itself (with its result) is read once.
    for (;;) {
      const finished = await sitingRuns.finishedAt(this.db, id);
      if (finished === undefined) return undefined;
      if (finished !== null || Date.now() > deadline) return this.get(id);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** What `GET /api/siting/jobs/:id` answers: state, elapsed time against the budget, and the result when done. */
  view(run: SitingRun) {
    const end = run.finished_at ? new Date(run.finished_at as unknown as string).getTime() : Date.now();
    const elapsedMs = run.started_at ? Math.max(0, end - new Date(run.started_at as unknown as string).getTime()) : 0;
    return {
      id: run.id,
      problem: run.problem,
      status: run.status,
      createdBy: run.owner,
      createdAt: new Date(run.created_at as unknown as string).toISOString(),
      elapsedMs,
      timeLimitMs: run.time_limit_ms,
      progress: run.status === 'done' ? 1 : run.progress,
      /** The process that claimed the run (host:pid:instance). */
      worker: run.worker,
      ...(run.heartbeat_at ? { heartbeatAt: new Date(run.heartbeat_at as unknown as string).toISOString() } : {}),
      ...(run.result ? { result: run.result } : {}),
      ...(run.error ? { error: run.error as RunError } : {}),
    };
  }

  /** Claim queued runs while this process has a free worker. */
  private async claimQueued(): Promise<void> {
    try {
      while (!this.closed && !this.pool.saturated()) {
        const run = await sitingRuns.claim(this.db, this.worker);
        if (!run) return;
        const task = this.prepared.get(run.id) ?? null;
        this.prepared.delete(run.id);
        this.execute(run, task);
      }
    } catch (err) {
      this.options.onError?.(err as Error);
    }
  }

  /** Fail runs whose worker died, claim what is queued, forget old runs. */
  private async sweep(): Promise<void> {
    try {
      await sitingRuns.failStale(this.db, this.options.staleMs, this.worker);
      await this.claimQueued();
      if (Math.random() < 0.01) await sitingRuns.prune(this.db, KEEP_MS);
    } catch (err) {
      this.options.onError?.(err as Error);
    }
  }

  private execute(run: sitingRuns.SitingRunRow, prepared: SitingTask | null): void {
    const id = run.id;
    const timeLimitMs = run.time_limit_ms;
    let startedAt = Date.now();
    let watchdog: NodeJS.Timeout | undefined;
    const beat = setInterval(() => {
      const progress = Math.min(0.99, (Date.now() - startedAt) / timeLimitMs);
      sitingRuns.heartbeat(this.db, id, this.worker, progress).then(
        (state) => {
          if (state === 'cancel') this.pool.cancel(id);
          if (state === 'lost') this.pool.cancel(id, 'lost');
        },
        () => {}, // the database is away: the run goes on; the heartbeat resumes when it is back
      );
    }, this.options.heartbeatMs);
    beat.unref();
    const done = (async () => {
      let end: { status: 'done' | 'failed' | 'cancelled'; result?: unknown; error?: RunError };
      try {
        const task = prepared ?? (await buildSitingTask(SitingRequest.parse(run.request), this.layers, this.domain));
        const out = await this.pool.run({ jobId: id, problem: task.problem, riskWeighting: task.riskWeighting, config: { fireStations: this.domain.fireStations, shelters: this.domain.shelters } }, () => {
          startedAt = Date.now();
          watchdog = setTimeout(() => this.pool.cancel(id, 'over-time'), timeLimitMs + GRACE(timeLimitMs));
          watchdog.unref();
        });
        end = { status: 'done', result: sitingResponse(task, out, timeLimitMs, id) };
      } catch (err) {
        const e = err as Error & { status?: number; code?: string; details?: unknown; field?: string };
        end = {
          status: e.code === 'cancelled' ? 'cancelled' : 'failed',
          error: {
            status: e.name === 'InputError' ? 400 : (e.status ?? 500),
            code: e.name === 'InputError' ? 'invalid_input' : (e.code ?? 'solver_failed'),
            message: e.code === 'over-time' ? `the solve ran past its ${timeLimitMs} ms budget and was stopped` : e.message,
            ...(e.name === 'InputError' ? { details: { fields: [{ field: e.field, message: e.message }] } } : {}),
          },
        };
      } finally {
        clearInterval(beat);
        clearTimeout(watchdog);
      }
      await this.finishWithRetry(id, end);
    })().finally(() => {
      this.mine.delete(id);
      void this.claimQueued();
    });
    this.mine.set(id, done);
  }

  /** Record the end; while the database is away, try again for a while (the run is not lost). */
  private async finishWithRetry(id: string, end: Parameters<typeof sitingRuns.finish>[3]): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await sitingRuns.finish(this.db, id, this.worker, end);
        return;
      } catch (err) {
        this.options.onError?.(err as Error);
        await new Promise((r) => setTimeout(r, 500 * Math.min(8, attempt + 1)));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const fn of await this.unlisten) await fn().catch(() => {});
    this.prepared.clear();
    for (const id of this.mine.keys()) this.pool.cancel(id, 'stopped with its server');
    await Promise.allSettled([...this.mine.values()]);
  }
}
