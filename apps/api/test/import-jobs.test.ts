import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@riskmap/config/env';
import { testBackends } from '@riskmap/db/testing';
import { sql } from '@riskmap/db';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { ImportJobs } from '../src/import/import-jobs.js';
import { startTestApp, type TestApp, type TestRole } from './harness.js';
import { tokenFor } from './edit-helpers.js';
import { insertInto, queryGate } from './query-gate.js';

const ROWS = 1000;
const ENV = { IMPORT_HEARTBEAT_MS: '100' };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function csv(prefix: string, rows: number): string {
  const lines = ['code,name,shelterClass,siteType,totalAreaM2,effectiveAreaM2,capacity,status,lon,lat'];
  for (let i = 0; i < rows; i += 1) lines.push(`${prefix}-${i},进度导入,emergency,park,5000,3000,1000,built,${(115.75 + (i % 60) * 0.001).toFixed(4)},${(36.08 + Math.floor(i / 60) * 0.0005).toFixed(4)}`);
  return lines.join('\n');
}

/** A second app instance on the same database (optionally through a gated `db`): its own import jobs, sharing only the rows. */
async function secondInstance(a: TestApp, db: TestApp['t']['db'] = a.t.db): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ NODE_ENV: 'test', LOAD_SAMPLE: 'false', ...ENV });
  const changes = await ChangeBus.start(a.t.db, a.t.listen, { pollMs: 1_000 });
  const app = createApp({ db, backend: a.t.backend, postgis: '3', config, changes, listen: a.t.listen });
  await (app.locals.importJobs as ImportJobs).ready;
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await (app.locals.sitingJobs as { close(): Promise<void> }).close();
      await (app.locals.importJobs as ImportJobs).close();
      await changes.close();
    },
  };
}

describe.each(testBackends())('import jobs as rows on the %s backend', (backend) => {
  let a: TestApp;
  let b: { url: string; close(): Promise<void> } | undefined;
  /** The instance that did not get the upload (on the embedded database, one process: the same one). */
  const other = () => b?.url ?? a.url;
  const call = async (base: string, method: string, path: string, role: TestRole, body?: string) => {
    const r = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${await tokenFor(a, role)}`, ...(body ? { 'content-type': 'text/csv' } : {}) }, ...(body ? { body } : {}) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null, retryAfter: Number(r.headers.get('retry-after') ?? 0) };
  };
  /** As a client should: a 503 (overloaded, database busy) is asked again after its Retry-After, for up to a minute. */
  const callUntilServed = async (base: string, method: string, path: string, role: TestRole, body?: string) => {
    const until = Date.now() + 60_000;
    for (;;) {
      const r = await call(base, method, path, role, body);
      if (r.status !== 503 || Date.now() > until) return r;
      await sleep(Math.max(100, Math.min(2_000, r.retryAfter * 1_000)));
    }
  };
  const imported = async (prefix: string) => Number((await a.t.db.selectFrom('shelters').select((eb) => eb.fn.countAll().as('n')).where('code', 'like', `${prefix}-%`).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    a = await startTestApp(backend, 'sample', ENV);
    // the embedded database is one process; two instances on the server database stand for two processes
    if (backend === 'server') b = await secondInstance(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /**
   * An import run by an instance whose database answers are held at `gate` (a slow step at a known point, on the
   * real database), watched and cancelled from `watcher`: the other instance on the server database, the same one
   * on the embedded database (one process; its transaction holds the one connection).
   */
  const gatedImport = async (gate: ReturnType<typeof queryGate>, job: string, prefix: string, rows: number) => {
    const up = await secondInstance(a, a.t.db.withPlugin(gate.plugin));
    const watcher = backend === 'server' ? a.url : up.url;
    const answer = call(up.url, 'POST', `/api/imports/shelters?dryRun=false&job=${job}`, 'planner', csv(prefix, rows));
    const phases = new Set<string>();
    /** Poll the job from the watcher until `until` says so (the import is held, so the phase cannot run past it). */
    const watch = async (until: (phase: string) => boolean) => {
      for (;;) {
        const seen = (await call(watcher, 'GET', `/api/imports/jobs/${job}`, 'planner')).body;
        phases.add(seen.phase);
        if (until(seen.phase)) return seen;
        await sleep(25);
      }
    };
    return { up, watcher, answer, phases, watch };
  };

  it('shows the progress of an import started on one instance on the other, and its cancel stops the commit there', async () => {
    const job = `imp-cancel-${backend}`;
    const gate = queryGate(insertInto('shelters')); // the first batch of rows is written, then held
    const run = await gatedImport(gate, job, 'JOBX', ROWS);
    try {
      await gate.reached;
      const seen = await run.watch((phase) => phase === 'writing');
      expect(seen).toMatchObject({ id: job, phase: 'writing', total: ROWS });
      const cancelled = await call(run.watcher, 'DELETE', `/api/imports/jobs/${job}`, 'planner');
      expect(cancelled.status).toBe(202);
      expect(cancelled.body).toMatchObject({ id: job, cancelRequested: true });
      gate.release();
      const r = await run.answer;
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'import_cancelled', message: '已取消导入，未写入任何记录' });
      expect(await imported('JOBX')).toBe(0);
      const after = await call(run.watcher, 'GET', `/api/imports/jobs/${job}`, 'planner');
      expect(after.body).toMatchObject({ id: job, phase: 'cancelled', cancelRequested: true, error: { code: 'import_cancelled' } });
      console.log(`${backend}: phases seen from the watching instance ${[...run.phases].join(' → ')}; cancelled at ${seen.done} of ${seen.total} rows`);
    } finally {
      gate.release();
      await run.up.close();
    }
  });

  it('refuses a cancel once the import is committing, and the import stands: an accepted cancel is always honoured', async () => {
    const job = `imp-late-${backend}`;
    const gate = queryGate(insertInto('audit_log', 'import')); // every row is written; held just before COMMIT
    const run = await gatedImport(gate, job, 'JOBL', 300);
    try {
      await gate.reached;
      await run.watch((phase) => phase === 'committing');
      const late = await call(run.watcher, 'DELETE', `/api/imports/jobs/${job}`, 'planner');
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'import_committing', details: { field: 'job', phase: 'committing' } });
      gate.release();
      const r = await run.answer;
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ created: 300 });
      expect(await imported('JOBL')).toBe(300);
      expect((await call(run.watcher, 'GET', `/api/imports/jobs/${job}`, 'planner')).body).toMatchObject({ id: job, phase: 'done', cancelRequested: false, done: 300 });
      const ended = await call(run.watcher, 'DELETE', `/api/imports/jobs/${job}`, 'planner');
      expect(ended.status).toBe(409);
      expect(ended.body.error).toMatchObject({ code: 'import_ended', details: { phase: 'done' } });
    } finally {
      gate.release();
      await run.up.close();
      await a.t.db.deleteFrom('shelters').where('code', 'like', 'JOBL-%').execute();
    }
  });

  it('answers an ended job from its row, only to its owner or an admin; the id is the owner’s', async () => {
    const job = `imp-done-${backend}`;
    const r = await callUntilServed(a.url, 'POST', `/api/imports/shelters?dryRun=true&job=${job}`, 'planner', csv('JOBD', 3));
    expect(r.status).toBe(200);
    expect((await call(other(), 'GET', `/api/imports/jobs/${job}`, 'planner')).body).toMatchObject({ id: job, phase: 'done', cancelRequested: false });
    expect((await call(other(), 'GET', `/api/imports/jobs/${job}`, 'admin')).body.phase).toBe('done');
    // someone else's job is not theirs to see, cancel or reuse
    expect((await call(other(), 'GET', `/api/imports/jobs/${job}`, 'scoped-planner')).body.phase).toBe('waiting');
    expect((await call(other(), 'DELETE', `/api/imports/jobs/${job}`, 'scoped-planner')).status).toBe(404);
    const taken = await call(other(), 'POST', `/api/imports/shelters?dryRun=true&job=${job}`, 'scoped-planner', csv('JOBD', 3));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('job_in_use');
    // the owner sends the same id again (the import screen's re-check) and it runs again
    expect((await call(other(), 'POST', `/api/imports/shelters?dryRun=true&job=${job}`, 'planner', csv('JOBD', 3))).status).toBe(200);
    expect((await call(a.url, 'DELETE', `/api/imports/jobs/nope-${backend}`, 'planner')).status).toBe(404);
  });

  it('marks a job whose process died as failed (embedded: at the next start; server: after IMPORT_STALE_MS of silence)', async () => {
    const job = `imp-dead-${backend}`;
    await a.t.db
      .insertInto('import_jobs')
      .values({ id: job, owner: 'planner', layer: 'shelters', dry_run: false, worker: 'gone:1:dead', phase: 'writing', done: 500, total: 2000, result: null, error: null, finished_at: null, heartbeat_at: sql<Date>`now() - interval '10 minutes'` })
      .execute();
    expect((await call(other(), 'GET', `/api/imports/jobs/${job}`, 'planner')).body.phase).toBe('writing');
    const restarted = new ImportJobs(a.t.db, { heartbeatMs: 100, staleMs: 60_000, singleProcess: backend === 'embedded' });
    await restarted.ready;
    await restarted.close();
    expect((await call(other(), 'GET', `/api/imports/jobs/${job}`, 'planner')).body).toMatchObject({ phase: 'failed', done: 500, error: { code: 'import_abandoned' } });
  });
});
