import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ImportJobsTable } from '../schema.js';

export type ImportJobRow = Selectable<ImportJobsTable>;
export type ImportPhase = ImportJobRow['phase'];
export type ImportEnd = { phase: 'done' | 'failed' | 'cancelled'; done?: number; total?: number; cancelRequested?: boolean; result?: unknown; error?: unknown };

/**
 * Store a job as `worker`'s, in phase reading. An id the same owner used for a job that has ended is taken again
 * (the import screen sends a re-check under the same id); false when the id belongs to a running job or to
 * someone else.
 */
export async function start(db: Kysely<Database>, job: { id: string; owner: string; layer: string; dryRun: boolean; worker: string }): Promise<boolean> {
  const row = await db
    .insertInto('import_jobs')
    .values({ id: job.id, owner: job.owner, layer: job.layer, dry_run: job.dryRun, worker: job.worker, result: null, error: null, finished_at: null })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({
          layer: job.layer,
          dry_run: job.dryRun,
          worker: job.worker,
          phase: 'reading',
          done: 0,
          total: 0,
          cancel_requested: false,
          result: null,
          error: null,
          created_at: sql`now()`,
          heartbeat_at: sql`now()`,
          finished_at: null,
        })
        .where('import_jobs.owner', '=', job.owner)
        .where('import_jobs.finished_at', 'is not', null),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The working process's progress and heartbeat; answers whether someone asked to cancel, or 'lost' when the job is
 * no longer this worker's running job (another process marked it failed).
 */
export async function progress(db: Kysely<Database>, id: string, worker: string, p: { phase: ImportPhase; done: number; total: number }): Promise<'continue' | 'cancel' | 'lost'> {
  const row = await db
    .updateTable('import_jobs')
    // a heartbeat sent before the commit point must not take the row back out of `committing`
    .set({ phase: sql<ImportPhase>`case when phase = 'committing' then phase else ${p.phase} end`, done: p.done, total: p.total, heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('worker', '=', worker)
    .where('finished_at', 'is', null)
    .returning('cancel_requested')
    .executeTakeFirst();
  return !row ? 'lost' : row.cancel_requested ? 'cancel' : 'continue';
}

/** Record the end of a job this worker holds; false when it no longer holds it. */
export async function finish(db: Kysely<Database>, id: string, worker: string, end: ImportEnd): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({
      phase: end.phase,
      ...(end.done === undefined ? {} : { done: end.done }),
      ...(end.total === undefined ? {} : { total: end.total }),
      ...(end.cancelRequested ? { cancel_requested: true } : {}),
      result: end.result === undefined ? null : JSON.stringify(end.result),
      error: end.error === undefined ? null : JSON.stringify(end.error),
      heartbeat_at: sql`now()`,
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('worker', '=', worker)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function get(db: Kysely<Database>, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Ask a running job to stop, from any process. `accepted` only while the job runs and has not reached its commit
 * point (`beginCommit`): one row update decides between the two, so an accepted cancel is always honoured.
 * Answers the row as it is now (undefined when unknown).
 */
export async function requestCancel(db: Kysely<Database>, id: string): Promise<{ accepted: boolean; row: ImportJobRow } | undefined> {
  const row = await db
    .updateTable('import_jobs')
    .set({ cancel_requested: true })
    .where('id', '=', id)
    .where('finished_at', 'is', null)
    .where('phase', '<>', 'committing')
    .returningAll()
    .executeTakeFirst();
  if (row) return { accepted: true, row };
  const now = await get(db, id);
  return now ? { accepted: false, row: now } : undefined;
}

/**
 * The working process reaches its commit point: the row enters `committing` unless a cancel was asked first
 * (false: the import must roll back). Run outside the import's transaction (its own connection).
 */
export async function beginCommit(db: Kysely<Database>, id: string, worker: string): Promise<boolean> {
  const row = await db
    .updateTable('import_jobs')
    .set({ phase: 'committing', heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('worker', '=', worker)
    .where('finished_at', 'is', null)
    .where('cancel_requested', '=', false)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

const lostError = (message: string) => JSON.stringify({ status: 500, code: 'import_abandoned', message });

/**
 * Mark jobs whose process has not written their row for `staleMs` as failed (the process died); returns their ids.
 * The calling process passes its own worker name as `exceptWorker`: its own jobs are alive even when a stalled event
 * loop delayed their heartbeats.
 */
export async function failStale(db: Kysely<Database>, staleMs: number, exceptWorker?: string): Promise<string[]> {
  const rows = await db
    .updateTable('import_jobs')
    .set({ phase: 'failed', error: lostError(`the process running this import stopped answering for more than ${staleMs} ms; nothing of it was written`), finished_at: sql`now()` })
    .where('finished_at', 'is', null)
    .where('heartbeat_at', '<', sql<any>`now() - make_interval(secs => ${staleMs / 1000})`)
    .$if(exceptWorker !== undefined, (q) => q.where((eb) => eb.or([eb('worker', 'is', null), eb('worker', '<>', exceptWorker!)])))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Mark every running job except `worker`'s as failed: the embedded database has one process, so they were left by one that died. */
export async function failAllOthers(db: Kysely<Database>, worker: string): Promise<string[]> {
  const rows = await db
    .updateTable('import_jobs')
    .set({ phase: 'failed', error: lostError('the server stopped while this import ran; nothing of it was written'), finished_at: sql`now()` })
    .where('finished_at', 'is', null)
    .where('worker', '<>', worker)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Forget jobs that ended more than `keepMs` ago. */
export async function prune(db: Kysely<Database>, keepMs: number): Promise<void> {
  await db.deleteFrom('import_jobs').where('finished_at', '<', sql<any>`now() - make_interval(secs => ${keepMs / 1000})`).execute();
}
