import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { importJobs, sql, type Database, type Kysely, type Listen } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';

export type ImportPhase = importJobs.ImportPhase;

/** The live state of an import this process runs (its row is written from it at a bounded rate). */
export interface ImportJob {
  id: string;
  owner: string;
  phase: ImportPhase;
  total: number;
  done: number;
  cancelRequested: boolean;
  /** Another process marked the job failed (this one looked dead): stop like a cancel. */
  lost?: boolean;
}

const tooLate = (id: string, phase: string) =>
  phase === 'committing'
    ? new HttpError(409, 'import_committing', `the import "${id}" is committing; it can no longer be cancelled`, { field: 'job', phase: 'committing' })
    : new HttpError(409, 'import_ended', `the import "${id}" has ended (${phase}); there is nothing to cancel`, { field: 'job', phase });

/** What the progress route answers. */
export interface ImportJobView {
  id: string;
  phase: ImportPhase | 'waiting';
  total: number;
  done: number;
  cancelRequested: boolean;
  error?: { code: string; message: string };
}

export interface ImportJobsOptions {
  /** How often a running job writes its row (progress, heartbeat) and reads the cancel request. */
  heartbeatMs: number;
  /** A job whose row was not written for this long is marked failed (its process died). */
  staleMs: number;
  /** One process only (embedded database): every unfinished job left in the table at start is a dead process's. */
  singleProcess: boolean;
  listen?: Listen;
  onError?: (err: Error) => void;
}

const CANCEL = 'riskmap_import_cancel';
/** Ended jobs are kept this long, then forgotten. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Import jobs are rows (`import_jobs`): any process answers a job's progress and takes its cancel. The process
 * doing an import keeps its live state here and writes it to the row every `heartbeatMs` (one write in flight at
 * most, outside the import's transaction); the reply carries the cancel request, and a NOTIFY brings a cancel at
 * once, so the work stops at its next batch. Silent jobs are marked failed after `staleMs` (on the embedded
 * database: every unfinished job at start).
 * @example const job = await jobs.start('imp-1', 'planner', 'shelters', false); ...; await jobs.finish(job, 'done')
 */
export class ImportJobs {
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly mine = new Map<string, { job: ImportJob; beat: NodeJS.Timeout; session?: string }>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unlisten: Promise<(() => Promise<void>)[]>;
  /** Settled once the jobs left by dead processes are marked failed (at start). */
  readonly ready: Promise<void>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ImportJobsOptions,
  ) {
    this.ready = (async () => {
      await (options.singleProcess ? importJobs.failAllOthers(db, this.worker) : importJobs.failStale(db, options.staleMs));
      await importJobs.prune(db, KEEP_MS);
    })().catch((err: Error) => options.onError?.(err));
    if (!options.singleProcess) {
      const sweep = setInterval(() => void this.sweep(), Math.max(options.heartbeatMs, Math.min(options.staleMs / 2, 30_000)));
      sweep.unref();
      this.timers.push(sweep);
    }
    this.unlisten = options.listen
      ? Promise.all([options.listen(CANCEL, (id) => (id ? this.cancelHere(id) : undefined))]).catch((err: Error) => {
          options.onError?.(err);
          return [];
        })
      : Promise.resolve([]);
  }

  /**
   * Store the job's row and start its heartbeat; 409 job_in_use when the id is running or someone else's.
   * `session`: the hash of the uploader's session token (see `ownJob`).
   */
  async start(id: string, owner: string, layer: string, dryRun: boolean, session?: string): Promise<ImportJob> {
    await this.ready;
    if (this.mine.has(id) || !(await importJobs.start(this.db, { id, owner, layer, dryRun, worker: this.worker }))) {
      throw new HttpError(409, 'job_in_use', `the import job id "${id}" is in use; choose another`, { field: 'job' });
    }
    const job: ImportJob = { id, owner, phase: 'reading', total: 0, done: 0, cancelRequested: false };
    let writing = false;
    const beat = setInterval(() => {
      if (writing) return;
      writing = true;
      importJobs
        .progress(this.db, id, this.worker, { phase: job.phase, done: job.done, total: job.total })
        .then(
          (state) => {
            if (state === 'cancel') job.cancelRequested = true;
            if (state === 'lost' && this.mine.has(id)) job.lost = true;
          },
          () => {}, // the database is away: the import finds out itself; the heartbeat resumes when it is back
        )
        .finally(() => (writing = false));
    }, this.options.heartbeatMs);
    beat.unref();
    this.mine.set(id, { job, beat, ...(session ? { session } : {}) });
    return job;
  }

  /** The job as the caller may see it: this process's live state when it runs it, else its row; undefined when unknown or not the caller's. */
  async view(id: string, owner: string, isAdmin: boolean): Promise<ImportJobView | undefined> {
    const here = this.mine.get(id)?.job;
    if (here) return here.owner === owner || isAdmin ? viewOf(here) : undefined;
    const row = await importJobs.get(this.db, id);
    if (!row || (row.owner !== owner && !isAdmin)) return undefined;
    const error = row.error as { code?: string; message?: string } | null;
    return {
      id: row.id,
      phase: row.phase,
      total: row.total,
      done: row.done,
      cancelRequested: row.cancel_requested,
      ...(error?.code ? { error: { code: error.code, message: error.message ?? '' } } : {}),
    };
  }

  /**
   * Ask a running import to stop, from any process: it rolls back at its next batch, before anything is committed.
   * An accepted cancel is always honoured; once the import has reached its commit point the answer is 409
   * import_committing (its result stands), and for an ended job 409 import_ended.
   */
  async cancel(id: string, owner: string, isAdmin: boolean): Promise<ImportJobView> {
    const here = this.mine.get(id)?.job;
    if (here && (here.owner === owner || isAdmin)) {
      if (here.phase === 'committing') throw tooLate(id, here.phase);
      here.cancelRequested = true;
      // the row too, without waiting: on the embedded database the import's transaction holds the one connection
      void importJobs.requestCancel(this.db, id).catch(() => {});
      return viewOf(here);
    }
    const row = await importJobs.get(this.db, id);
    if (!row || (row.owner !== owner && !isAdmin)) throw new HttpError(404, 'unknown_job', `no import job "${id}"`, { field: 'job' });
    const asked = await importJobs.requestCancel(this.db, id);
    if (!asked) throw new HttpError(404, 'unknown_job', `no import job "${id}"`, { field: 'job' });
    if (!asked.accepted) throw tooLate(id, asked.row.phase);
    await sql`select pg_notify(${CANCEL}, ${id})`.execute(this.db);
    return (await this.view(id, owner, isAdmin))!;
  }

  /**
   * The commit point, inside the import's transaction once every batch is written: a cancel asked until now rolls
   * the import back (409 import_cancelled); from now on a cancel is refused (import_committing). With several
   * processes the job's row decides, in one update that a concurrent cancel cannot slip past; on the embedded
   * database (one process, whose transaction holds the one connection) the live state does.
   */
  async commitPoint(job: ImportJob | undefined): Promise<void> {
    if (!job) return;
    ImportJobs.check(job);
    job.phase = 'committing'; // at once: a cancel served from here on is refused, never accepted and ignored
    if (!this.options.singleProcess && !(await importJobs.beginCommit(this.db, job.id, this.worker))) {
      job.cancelRequested = true;
      ImportJobs.check(job);
    }
  }

  /**
   * The job, when it runs in this process and `session` is the hash of the token its upload was signed in with:
   * its owner's progress and cancel need no database read (on the embedded database the import's transaction holds
   * the one connection, so signing a request in would wait for the commit).
   */
  ownJob(id: string, session: string): ImportJob | undefined {
    const entry = this.mine.get(id);
    return entry?.session !== undefined && entry.session === session ? entry.job : undefined;
  }

  /** Throws 409 import_cancelled when the job was asked to stop (call between batches, inside the transaction). */
  static check(job: ImportJob | undefined): void {
    if (job?.cancelRequested || job?.lost) {
      job.phase = 'cancelled';
      throw new HttpError(409, 'import_cancelled', 'the import was cancelled; nothing was written', { field: 'job' });
    }
  }

  /** Record the end of the job in its row (done with a summary, failed or cancelled with the error). */
  async finish(job: ImportJob, phase: 'done' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: HttpError | Error } = {}): Promise<void> {
    const entry = this.mine.get(job.id);
    if (entry) clearInterval(entry.beat);
    if (job.phase === 'cancelled') phase = 'cancelled';
    job.phase = phase;
    const e = outcome.error as (HttpError & { status?: number }) | undefined;
    const error = e ? { status: e.status ?? 500, code: (e as HttpError).code ?? 'import_failed', message: e.message } : undefined;
    try {
      await importJobs.finish(this.db, job.id, this.worker, { phase, done: job.done, total: job.total, cancelRequested: job.cancelRequested, result: outcome.result, error });
    } catch (err) {
      this.options.onError?.(err as Error);
    } finally {
      this.mine.delete(job.id);
    }
  }

  /** A cancel asked on another process (NOTIFY): flag the job if it runs here. */
  private cancelHere(id: string): void {
    const here = this.mine.get(id)?.job;
    if (here) here.cancelRequested = true;
  }

  private async sweep(): Promise<void> {
    try {
      await importJobs.failStale(this.db, this.options.staleMs, this.worker);
      if (Math.random() < 0.01) await importJobs.prune(this.db, KEEP_MS);
    } catch (err) {
      this.options.onError?.(err as Error);
    }
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const { beat } of this.mine.values()) clearInterval(beat);
    for (const fn of await this.unlisten) await fn().catch(() => {});
  }
}

export function viewOf(job: ImportJob): ImportJobView {
  return { id: job.id, phase: job.phase, total: job.total, done: job.done, cancelRequested: job.cancelRequested };
}
