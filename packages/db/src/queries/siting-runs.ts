import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, SitingRunsTable } from '../schema.js';

export type SitingRunRow = Selectable<SitingRunsTable>;
/** A run as its progress and answer are shown: everything but the stored request (which is up to the JSON limit, ~11.5 MB at 80,000 × 1,000). */
export type SitingRunView = Omit<SitingRunRow, 'request'>;
export type RunStatus = SitingRunRow['status'];
const VIEW_COLUMNS = ['id', 'problem', 'owner', 'status', 'progress', 'time_limit_ms', 'result', 'error', 'worker', 'cancel_requested', 'created_at', 'started_at', 'heartbeat_at', 'finished_at'] as const satisfies readonly (keyof SitingRunView)[];

/** Store a new queued run. */
export async function insert(db: Kysely<Database>, run: { id: string; problem: string; request: unknown; owner: string; timeLimitMs: number }): Promise<void> {
  await db
    .insertInto('siting_runs')
    .values({ id: run.id, problem: run.problem, request: JSON.stringify(run.request), owner: run.owner, time_limit_ms: run.timeLimitMs, result: null, error: null, worker: null, started_at: null, heartbeat_at: null, finished_at: null })
    .execute();
}

/**
 * Claim the oldest queued run (or the one with `id`) for `worker`: FOR UPDATE SKIP LOCKED, so two
 * processes never take the same run. Undefined when there is nothing to claim.
 */
export async function claim(db: Kysely<Database>, worker: string, id?: string): Promise<SitingRunRow | undefined> {
  let pick = db.selectFrom('siting_runs').select('id').where('status', '=', 'queued').where('cancel_requested', '=', false);
  if (id) pick = pick.where('id', '=', id);
  pick = pick.orderBy('created_at').limit(1).forUpdate().skipLocked();
  return db
    .updateTable('siting_runs')
    .set({ status: 'running', worker, started_at: sql`now()`, heartbeat_at: sql`now()` })
    .where('id', '=', (eb) => eb.selectFrom(pick.as('p')).select('p.id'))
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** The worker is alive: record progress; answers whether someone asked to cancel, or 'lost' when the run is no longer this worker's. */
export async function heartbeat(db: Kysely<Database>, id: string, worker: string, progress: number): Promise<'continue' | 'cancel' | 'lost'> {
  const row = await db
    .updateTable('siting_runs')
    .set({ heartbeat_at: sql`now()`, progress })
    .where('id', '=', id)
    .where('worker', '=', worker)
    .where('status', '=', 'running')
    .returning('cancel_requested')
    .executeTakeFirst();
  return !row ? 'lost' : row.cancel_requested ? 'cancel' : 'continue';
}

/** Record the end of a run this worker holds (done with its result, failed or cancelled with an error). */
export async function finish(db: Kysely<Database>, id: string, worker: string, end: { status: 'done' | 'failed' | 'cancelled'; result?: unknown; error?: unknown }): Promise<boolean> {
  const r = await db
    .updateTable('siting_runs')
    .set({
      status: end.status,
      progress: end.status === 'done' ? 1 : sql`progress`,
      result: end.result === undefined ? null : JSON.stringify(end.result),
      error: end.error === undefined ? null : JSON.stringify(end.error),
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('worker', '=', worker)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The run without its request: what polling, waiting and cancelling read. */
export async function get(db: Kysely<Database>, id: string): Promise<SitingRunView | undefined> {
  return db.selectFrom('siting_runs').select(VIEW_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The run with the request it was started from (a saved scenario keeps both). */
export async function getWithRequest(db: Kysely<Database>, id: string): Promise<SitingRunRow | undefined> {
  return db.selectFrom('siting_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the run has ended (null while it is queued or running; undefined when unknown): one small column, for waiting. */
export async function finishedAt(db: Kysely<Database>, id: string): Promise<SitingRunRow['finished_at'] | undefined> {
  const row = await db.selectFrom('siting_runs').select('finished_at').where('id', '=', id).executeTakeFirst();
  return row ? row.finished_at : undefined;
}

/**
 * Ask to stop a run from any process: a queued run is cancelled at once; a running one is flagged and
 * its worker stops it at its next heartbeat. False when the run already ended (or is unknown).
 */
export async function requestCancel(db: Kysely<Database>, id: string): Promise<boolean> {
  const error = JSON.stringify({ status: 409, code: 'cancelled', message: `job ${id} was cancelled` });
  const queued = await db
    .updateTable('siting_runs')
    .set({ status: 'cancelled', cancel_requested: true, finished_at: sql`now()`, error })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (Number(queued.numUpdatedRows) === 1) return true;
  const running = await db.updateTable('siting_runs').set({ cancel_requested: true }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
  return Number(running.numUpdatedRows) === 1;
}

/**
 * Mark runs whose worker has been silent for `staleMs` as failed (the process died); returns their ids. The calling
 * process passes its own worker name as `exceptWorker`: it knows its own runs are alive, and a stalled event loop
 * (a long main-thread step on a loaded machine) that delayed its own heartbeats must not make it fail them.
 */
export async function failStale(db: Kysely<Database>, staleMs: number, exceptWorker?: string): Promise<string[]> {
  const error = JSON.stringify({ status: 500, code: 'worker_lost', message: `the process running this job stopped answering for more than ${staleMs} ms; start it again` });
  const rows = await db
    .updateTable('siting_runs')
    .set({ status: 'failed', error, finished_at: sql`now()` })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleMs / 1000})`)
    .$if(exceptWorker !== undefined, (q) => q.where((eb) => eb.or([eb('worker', 'is', null), eb('worker', '<>', exceptWorker!)])))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Forget finished runs older than `keepMs` that no saved scenario references. */
export async function prune(db: Kysely<Database>, keepMs: number): Promise<void> {
  await db
    .deleteFrom('siting_runs')
    .where('finished_at', '<', sql<Date>`now() - make_interval(secs => ${keepMs / 1000})`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('siting_scenarios').select('id').whereRef('siting_scenarios.run_id', '=', 'siting_runs.id'))))
    .execute();
}
