import { Worker, type TransferListItem } from 'node:worker_threads';
import { InputError } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';

/** What every pooled worker answers for a task: `started` (optional), then `done` with its output or `failed`. */
export type PoolReply<Out> =
  | { jobId: string; type: 'started' }
  | ({ jobId: string; type: 'done' } & Out)
  | { jobId: string; type: 'failed'; error: { name: string; message: string; field?: string; allowed?: readonly unknown[] } };

export interface WorkerPoolOptions<Task, Out> {
  /** Worker threads at most (spawned when first needed). */
  size: number;
  /** The compiled worker module. */
  url: URL;
  /** Passed to every worker as its `workerData`. */
  workerData?: unknown;
  /** Tasks allowed to wait for a worker; one more is refused with 503 `overloaded` (undefined: unbounded). */
  maxQueue?: number;
  /** Retry-After (s) of that 503. */
  retryAfterSeconds?: number;
  /** What the refusal names. */
  name?: string;
  /** The output of a `done` reply. */
  output: (reply: { jobId: string; type: 'done' } & Out) => Out;
  /**
   * The message posted for a task to one worker, and what it transfers; `memory` is that worker's own record (empty for
   * a fresh worker), e.g. which data it already holds so it is not posted again. Default: the task itself.
   */
  prepare?: (task: Task, memory: Map<string, unknown>) => { message: unknown; transfer?: TransferListItem[] };
}

interface Pending<Task, Out> {
  task: Task;
  onStart: () => void;
  resolve: (out: Out) => void;
  reject: (e: Error) => void;
}

interface Slot<Task, Out> {
  worker: Worker;
  job: Pending<Task, Out> | null;
  memory: Map<string, unknown>;
}

/** The compiled worker: `distPath` in dist when vitest/tsx runs the sources, else next to the caller in dist. */
export function compiledWorkerUrl(callerUrl: string, srcPath: string, distPath: string): URL {
  return callerUrl.endsWith('.ts') ? new URL(distPath, callerUrl) : new URL(srcPath, callerUrl);
}

/**
 * A small pool of worker threads; queued tasks wait for a free worker (a bounded queue refuses the rest with 503
 * `overloaded` + Retry-After), and `cancel` terminates the worker running a task (a fresh one replaces it). A worker
 * that crashes fails its task and is replaced. Used by siting (solves) and analytics (serialized answers).
 * @example const pool = new WorkerPool({ size: 1, url, maxQueue: 8, output: (m) => m }); await pool.run(task)
 */
export class WorkerPool<Task extends { jobId: string }, Out> {
  private readonly slots: Slot<Task, Out>[] = [];
  private readonly queue: Pending<Task, Out>[] = [];
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions<Task, Out>) {}

  /** Tasks waiting for a worker, and tasks running. */
  get waiting(): number {
    return this.queue.length;
  }
  get running(): number {
    return this.slots.filter((s) => s.job !== null).length;
  }

  /** Run `task` on a worker; `onStart` fires when a worker takes it. Rejects at once with 503 when the queue is full. */
  run(task: Task, onStart: () => void = () => {}): Promise<Out> {
    return new Promise((resolve, reject) => {
      const { maxQueue, retryAfterSeconds = 1, name = 'worker' } = this.options;
      const free = this.slots.some((s) => s.job === null) || this.slots.length < this.options.size;
      if (this.closed) return reject(new HttpError(503, 'overloaded', `the ${name} pool is shutting down`, { retryAfterSeconds }));
      if (!free && maxQueue !== undefined && this.queue.length >= maxQueue) {
        return reject(
          new HttpError(503, 'overloaded', `every ${name} worker is busy and ${maxQueue} requests are waiting; try again in ${retryAfterSeconds} s`, {
            retryAfterSeconds,
            queue: maxQueue,
          }),
        );
      }
      this.queue.push({ task, onStart, resolve, reject });
      this.dispatch();
    });
  }

  /** Stop a queued or running task (rejects its promise with 409 `reason`); false when unknown. */
  cancel(jobId: string, reason = 'cancelled'): boolean {
    const q = this.queue.findIndex((p) => p.task.jobId === jobId);
    if (q >= 0) {
      this.queue.splice(q, 1)[0]!.reject(new HttpError(409, reason, `job ${jobId} was ${reason}`));
      return true;
    }
    const slot = this.slots.find((s) => s.job?.task.jobId === jobId);
    if (!slot) return false;
    this.replace(slot, new HttpError(409, reason, `job ${jobId} was ${reason}`));
    return true;
  }

  /** True when a new task would wait: every worker busy (or none left to spawn) and tasks already queued or all slots taken. */
  saturated(): boolean {
    return this.running + this.queue.length >= this.options.size;
  }

  /** Refuse new tasks, fail the queued ones and terminate the workers (running tasks fail). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new HttpError(503, 'overloaded', 'the worker pool is shutting down', { retryAfterSeconds: 1 }));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (s) => {
        const job = s.job;
        s.job = null;
        await s.worker.terminate();
        job?.reject(new Error('the worker pool was closed'));
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      try {
        const { message, transfer } = this.options.prepare ? this.options.prepare(job.task, slot.memory) : { message: job.task, transfer: undefined };
        slot.worker.postMessage(message, transfer);
      } catch (e) {
        slot.job = null;
        slot.memory.clear();
        job.reject(e as Error);
      }
    }
  }

  private spawn(): Slot<Task, Out> {
    const worker = new Worker(this.options.url, { workerData: this.options.workerData });
    worker.unref();
    const slot: Slot<Task, Out> = { worker, job: null, memory: new Map() };
    worker.on('message', (m: PoolReply<Out>) => {
      const job = slot.job;
      if (!job || job.task.jobId !== m.jobId) return;
      if (m.type === 'started') return job.onStart();
      slot.job = null;
      if (m.type === 'done') job.resolve(this.options.output(m));
      else job.reject(m.error.name === 'InputError' ? new InputError(m.error.message, m.error.field ?? 'body', m.error.allowed) : new Error(m.error.message));
      this.dispatch();
    });
    worker.on('error', (e) => this.replace(slot, e));
    worker.on('exit', () => {
      if (this.slots.includes(slot)) this.replace(slot, new Error(`${this.options.name ?? 'pool'} worker exited`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Drop a slot's worker (terminating it), fail its task, and let the queue continue on a fresh one. */
  private replace(slot: Slot<Task, Out>, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.reject(error);
    this.dispatch();
  }
}

/** The error a worker posts for a thrown error (InputError keeps its field and allowed values). */
export function failureOf(e: unknown): { name: string; message: string; field?: string; allowed?: readonly unknown[] } {
  const err = e as Error & { field?: string; allowed?: readonly unknown[] };
  return { name: err.name, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.allowed ? { allowed: err.allowed } : {}) };
}
