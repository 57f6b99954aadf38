import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import type { WorkerReply, WorkerTask } from './siting-worker.js';

/** What the worker sends back for a finished solve. */
export interface SolveOutput {
  result: unknown;
  totalWeight: number | null;
}

interface Pending {
  task: WorkerTask;
  onStart: () => void;
  resolve: (out: SolveOutput) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

/** The compiled worker: next to this file in dist, or in dist when vitest/tsx runs the sources. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/siting/siting-worker.js', here) : new URL('./siting-worker.js', here);
}

/**
 * A small pool of worker threads (1–2) that solve siting problems; queued tasks wait for a free
 * worker, and `cancel` terminates the worker running a task (a fresh one replaces it).
 * @example const out = await sitingPool().run(task, () => {}); out.result
 */
export class SitingPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];

  constructor(private readonly size: number) {}

  /** Solve `task` on a worker; `onStart` fires when a worker takes it. */
  run(task: WorkerTask, onStart: () => void = () => {}): Promise<SolveOutput> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, onStart, resolve, reject });
      this.dispatch();
    });
  }

  /** Stop a queued or running task (rejects its promise with 409 `cancelled`); false when unknown. */
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
    const busy = this.slots.filter((s) => s.job !== null).length;
    return busy + this.queue.length >= this.size;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage(job.task);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl());
    worker.unref();
    const slot: Slot = { worker, job: null };
    worker.on('message', (m: WorkerReply) => {
      const job = slot.job;
      if (!job || job.task.jobId !== m.jobId) return;
      if (m.type === 'started') return job.onStart();
      slot.job = null;
      if (m.type === 'done') job.resolve({ result: m.result, totalWeight: m.totalWeight });
      else job.reject(m.error.name === 'InputError' ? new InputError(m.error.message, m.error.field ?? 'body', m.error.allowed) : new Error(m.error.message));
      this.dispatch();
    });
    worker.on('error', (e) => this.replace(slot, e));
    worker.on('exit', () => {
      if (this.slots.includes(slot)) this.replace(slot, new Error('siting worker exited'));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Drop a slot's worker (terminating it), fail its task, and let the queue continue on a fresh one. */
  private replace(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.reject(error);
    this.dispatch();
  }
}

let shared: SitingPool | null = null;

/**
 * The process-wide siting pool: one worker per core, at most two.
 * @example await sitingPool().run({ jobId, problem, riskWeighting: null })
 */
export function sitingPool(): SitingPool {
  shared ??= new SitingPool(Math.min(2, Math.max(1, availableParallelism())));
  return shared;
}
