import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.js';
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { clusterToolsAvailable, startHaproxy, startPgbouncer, type Helper } from '../support/cluster.js';
import { changedAt, json, nearestNames, openEvents, perCapita, tileEtag, type ShelterProbe } from '../support/cluster-probes.js';

/**
 * Many API processes, one truth. Three processes on one PostgreSQL database (through pgbouncer in
 * transaction mode; LISTEN on a direct connection) behind haproxy: an edit through one process, or a
 * plain SQL UPDATE, reaches the others' nearest shelters, analytics, tiles and event streams; siting
 * runs are answered and cancelled by any process; a killed worker's run is marked failed; a database
 * restart under load leaves every process serving. The same checks with one process on PGlite.
 * Figures (ms from the write to each observation) are printed, not asserted.
 */
const ADMIN = { username: 'admin', password: 'riskmap-dev-admin' };
const HEADERS = { 'content-type': 'application/json' };
const CLUSTER_ENV = { SITING_HEARTBEAT_MS: '500', SITING_STALE_MS: '3000', IMPORT_HEARTBEAT_MS: '200', IMPORT_STALE_MS: '3000', CHANGES_POLL_MS: '2000', RATE_LIMIT: 'off', LOG_LEVEL: 'warn' };

async function login(base: string): Promise<Record<string, string>> {
  const r = await json(`${base}/api/auth/login`, { method: 'POST', headers: HEADERS, body: JSON.stringify(ADMIN) });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
  return { authorization: `Bearer ${r.body.token as string}` };
}

async function probeShelter(base: string, auth: Record<string, string>): Promise<ShelterProbe & { version: number; effectiveAreaM2: number }> {
  const fc = (await json(`${base}/api/layers/shelters?status=open&limit=1`, { headers: auth })).body;
  const f = fc.features.find((x: any) => x.properties.isPublic !== false) ?? fc.features[0];
  return { id: f.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], version: f.properties.version, effectiveAreaM2: f.properties.effectiveAreaM2 };
}

/** What every process answers now for the probe: nearest names, per-capita analytics, the tile's ETag. */
async function snapshot(bases: string[], s: ShelterProbe) {
  return Promise.all(bases.map(async (b) => ({ nearest: await nearestNames(b, s), analytics: await perCapita(b), etag: await tileEtag(b, s) })));
}

/** After a write at `t0`, when each process showed it in nearest, analytics, tiles and SSE (ms). */
async function propagation(label: string, bases: string[], s: ShelterProbe, before: Awaited<ReturnType<typeof snapshot>>, logs: Awaited<ReturnType<typeof openEvents>>[], t0: number, name: string, sseMatch: (d: any) => boolean) {
  const rows = await Promise.all(
    bases.map(async (b, i) => {
      const [nearest, analytics, tile, sse] = await Promise.all([
        changedAt(() => nearestNames(b, s).then((n) => n.includes(name)), false),
        changedAt(() => perCapita(b), before[i]!.analytics),
        changedAt(() => tileEtag(b, s), before[i]!.etag),
        logs[i]!.waitFor(sseMatch),
      ]);
      return { process: i, nearest, analytics, tile, sse };
    }),
  );
  for (const r of rows) {
    console.log(`${label} → process ${r.process}: nearest ${ms(r.nearest, t0)}, analytics ${ms(r.analytics, t0)}, tile ETag ${ms(r.tile, t0)}, SSE ${ms(r.sse, t0)}`);
    expect(r).toEqual({ process: r.process, nearest: expect.any(Number), analytics: expect.any(Number), tile: expect.any(Number), sse: expect.any(Number) });
  }
}
const ms = (t: number | null, t0: number) => (t === null ? 'never' : `${t - t0} ms`);

/** A p-median instance an exact solve cannot finish within its 2-minute budget (synthetic points in the county's box). */
function grid(n: number, props: (i: number) => Record<string, unknown>) {
  let x = 7;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [115.6 + rnd() * 0.4, 35.95 + rnd() * 0.35] }, properties: props(i) })) };
}
const longJob = {
  problem: 'p-median', p: 10, exact: true, timeLimitMs: 120_000, async: true,
  demand: grid(2000, (i) => ({ id: `d${i}`, weight: 10 + (i % 97) })), candidates: grid(100, (i) => ({ id: `c${i}` })), existing: { type: 'FeatureCollection', features: [] },
};

/** Shelters in the county, enough rows that an import's commit runs for several batches of 500. */
function importCsv(prefix: string, rows = 4000): string {
  const lines = ['code,name,shelterClass,siteType,totalAreaM2,effectiveAreaM2,capacity,status,lon,lat'];
  for (let i = 0; i < rows; i += 1) lines.push(`${prefix}-${i},多进程导入,emergency,park,5000,3000,1000,built,${(115.75 + (i % 60) * 0.001).toFixed(4)},${(36.08 + Math.floor(i / 60) * 0.0005).toFixed(4)}`);
  return lines.join('\n');
}

/** Start a committing import of `prefix` rows on `base` as job `job`; resolves with its answer. */
function startImport(base: string, auth: Record<string, string>, job: string, prefix: string) {
  return json(`${base}/api/imports/shelters?dryRun=false&job=${job}`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: importCsv(prefix) }).catch((err: Error) => ({ status: 0, body: { cut: err.message } }));
}

/** Poll the job on `base` until `until` holds of its view (or it ended); the phases seen in order. */
async function watchJob(base: string, auth: Record<string, string>, job: string, until: (v: any) => boolean, tries = 3000) {
  const phases: string[] = [];
  let view: any = null;
  for (let i = 0; i < tries; i++) {
    view = (await json(`${base}/api/imports/jobs/${job}`, { headers: auth })).body;
    if (phases.at(-1) !== view.phase) phases.push(view.phase);
    if (until(view)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { view, phases };
}

/** How many of the import's first, middle and last rows are stored (all-or-nothing: 0 or 3). */
async function codesLike(base: string, auth: Record<string, string>, prefix: string): Promise<number> {
  const r = await json(`${base}/api/layers/shelters?code=${prefix}-0&code=${prefix}-2000&code=${prefix}-3999`, { headers: auth });
  expect(r.status).toBe(200);
  return r.body.features.length;
}

const canRun = privatePostgresAvailable() && clusterToolsAvailable();

describe.skipIf(!canRun)('three API processes on one PostgreSQL behind haproxy (pgbouncer, LISTEN direct)', () => {
  let pg: PrivatePostgres;
  let bouncer: Helper;
  let lb: Helper;
  const servers: RunningServer[] = [];
  let auth: Record<string, string>;
  let probe: Awaited<ReturnType<typeof probeShelter>>;
  const bases = () => servers.map((s) => s.url);

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    bouncer = await startPgbouncer(pg.url);
    const env = { ...CLUSTER_ENV, DATABASE_URL: bouncer.url, DATABASE_LISTEN_URL: pg.url };
    servers.push(await startServer(env)); // the first one migrates and loads the sample
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    lb = await startHaproxy(bases());
    auth = await login(lb.url);
    probe = await probeShelter(lb.url, auth);
  }, 300_000);
  afterAll(async () => {
    await lb?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await bouncer?.stop();
    pg?.destroy();
  });

  it('every process is up behind the balancer', async () => {
    for (let i = 0; i < 6; i++) expect((await fetch(`${lb.url}/api/health`)).status).toBe(200);
    const health = await Promise.all(bases().map((b) => json(`${b}/api/health`)));
    expect(health.map((h) => h.status)).toEqual([200, 200, 200]);
  });

  it('an edit through A shows in B and C: nearest, analytics, tiles and SSE', async () => {
    const [, b, c] = bases();
    const before = await snapshot([b!, c!], probe);
    const logs = [await openEvents(b!, auth), await openEvents(c!, auth)];
    const name = `避难场所 编辑 ${Date.now()}`;
    const t0 = Date.now();
    const r = await json(`${bases()[0]}/api/layers/shelters/${probe.id}`, {
      method: 'PATCH',
      headers: { ...HEADERS, ...auth },
      body: JSON.stringify({ version: probe.version, properties: { name, effectiveAreaM2: probe.effectiveAreaM2 - 1 } }),
    });
    expect(r.status).toBe(200);
    probe.version = r.body.properties.version;
    probe.effectiveAreaM2 -= 1;
    await propagation('API edit on A', [b!, c!], probe, before, logs, t0, name, (d) => d.layer === 'shelters' && d.id === probe.id && d.version === probe.version);
    for (const l of logs) l.close();
  });

  it('an UPDATE made with psql shows in all three', async () => {
    const before = await snapshot(bases(), probe);
    const logs = await Promise.all(bases().map((b) => openEvents(b, auth)));
    const anonymous = await openEvents(servers[1]!.url);
    const name = `避难场所 SQL ${Date.now()}`;
    const t0 = Date.now();
    pg.psql(`UPDATE shelters SET name = '${name}', effective_area_m2 = effective_area_m2 - 1, version = version + 1 WHERE id = ${probe.id}`, 'riskmap');
    probe.version += 1;
    await propagation('psql UPDATE', bases(), probe, before, logs, t0, name, (d) => d.layer === 'shelters' && d.id === probe.id && d.version === probe.version);
    // the public sees the public shelter's change too, with a public position as its id
    expect(await anonymous.waitFor((d) => d.id === probe.id && d.version === probe.version)).not.toBeNull();
    expect(anonymous.events.at(-1)!.id).toMatch(/^p\d+$/);
    for (const l of [...logs, anonymous]) l.close();
  });

  it('a siting job started on A is polled and cancelled on B', async () => {
    const [a, b, c] = bases();
    const started = await json(`${a}/api/siting`, { method: 'POST', headers: { ...HEADERS, ...auth }, body: JSON.stringify(longJob) });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const polled = await json(`${b}/api/siting/jobs/${id}`, { headers: auth });
    expect(polled.status).toBe(200);
    expect(['queued', 'running']).toContain(polled.body.status);
    const cancelled = await json(`${b}/api/siting/jobs/${id}`, { method: 'DELETE', headers: auth });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await json(`${c}/api/siting/jobs/${id}`, { headers: auth })).body.status).toBe('cancelled');
  });

  it('an import started on A shows its progress on B, and a cancel on B stops it at its next batch: nothing committed', async () => {
    const [a, b, c] = bases();
    const job = `imp-cluster-${Date.now()}`;
    // writers wait on the table while the test holds it: the import stays in its first batch until the cancel is in
    const lock = await pg.holdLock('shelters');
    let r: Awaited<ReturnType<typeof startImport>>;
    let view: any;
    let phases: string[];
    try {
      const answer = startImport(a!, auth, job, 'MPCANCEL');
      ({ view, phases } = await watchJob(b!, auth, job, (v) => v.phase === 'writing' || ['done', 'failed', 'cancelled'].includes(v.phase)));
      expect(view).toMatchObject({ id: job, phase: 'writing', total: 4000 });
      const cancelled = await json(`${b}/api/imports/jobs/${job}`, { method: 'DELETE', headers: auth });
      expect(cancelled.status).toBe(202);
      expect(cancelled.body.cancelRequested).toBe(true);
      lock.release();
      r = await answer;
    } finally {
      lock.release();
    }
    console.log(`import on A watched from B: ${phases.join(' → ')} (${view.done} of ${view.total} rows written when B cancelled); A answered ${r.status}`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('import_cancelled');
    expect(await codesLike(c!, auth, 'MPCANCEL')).toBe(0);
    expect((await json(`${c}/api/imports/jobs/${job}`, { headers: auth })).body).toMatchObject({ phase: 'cancelled', cancelRequested: true });
  });

  it('a PostgreSQL restart under load leaves all three alive, and changes flow again afterwards', async () => {
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) {
        const r = await fetch(`${lb.url}/api/shelters/nearest?lon=${probe.lon}&lat=${probe.lat}&k=3`).catch(() => null);
        statuses.push(r?.status ?? 0);
        await r?.arrayBuffer();
        const e = await fetch(`${lb.url}/api/layers/shelters?limit=5`).catch(() => null);
        statuses.push(e?.status ?? 0);
        await e?.arrayBuffer();
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    pg.restart('fast');
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await load;
    console.log(`requests during the restart: ${statuses.length}, answers ${JSON.stringify(countBy(statuses))}`);
    // only answers and 503 database_unavailable (pgbouncer's own 08P01 errors included), never a 400 or 500
    expect(statuses.filter((s) => !(s >= 200 && s < 300) && s !== 503)).toEqual([]);
    for (const s of servers) expect(s.process.exitCode, s.output().slice(-3000)).toBeNull();
    // every process serves again, reads the database, and hears NOTIFY again (the listener re-subscribed)
    for (const b of bases()) expect(await changedAt(async () => (await fetch(`${b}/api/layers/shelters?limit=1`)).status === 200, false, 20_000)).not.toBeNull();
    const before = await snapshot(bases(), probe);
    const logs = await Promise.all(bases().map((b) => openEvents(b, auth)));
    const name = `避难场所 重启后 ${Date.now()}`;
    const t0 = Date.now();
    pg.psql(`UPDATE shelters SET name = '${name}', effective_area_m2 = effective_area_m2 - 1, version = version + 1 WHERE id = ${probe.id}`, 'riskmap');
    probe.version += 1;
    await propagation('psql UPDATE after the restart', bases(), probe, before, logs, t0, name, (d) => d.id === probe.id && d.version === probe.version);
    for (const l of logs) l.close();
  });

  it('SIGKILL of the process running a job marks the job failed', async () => {
    const started = await json(`${lb.url}/api/siting`, { method: 'POST', headers: { ...HEADERS, ...auth }, body: JSON.stringify(longJob) });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    let worker: string | null = null;
    for (let i = 0; i < 200 && !worker; i++) {
      const v = (await json(`${lb.url}/api/siting/jobs/${id}`, { headers: auth })).body;
      if (v.status === 'running') worker = v.worker;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(worker).not.toBeNull();
    const victim = servers.find((s) => worker!.split(':')[1] === String(s.process.pid))!;
    expect(victim).toBeDefined();
    const t0 = Date.now();
    victim.process.kill('SIGKILL');
    const other = servers.find((s) => s !== victim)!.url;
    let view: any = null;
    for (let i = 0; i < 300; i++) {
      view = (await json(`${other}/api/siting/jobs/${id}`, { headers: auth })).body;
      if (view.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`a killed worker's job marked ${view.status} after ${Date.now() - t0} ms (SITING_STALE_MS=${CLUSTER_ENV.SITING_STALE_MS})`);
    expect(view).toMatchObject({ status: 'failed', error: { code: 'worker_lost' } });
  });

  it('SIGKILL of the process running an import: its job is marked failed by another, nothing of it committed', async () => {
    const alive = servers.filter((s) => s.process.exitCode === null && s.process.signalCode === null);
    expect(alive.length).toBeGreaterThanOrEqual(2);
    const [victim, other] = alive as [RunningServer, RunningServer];
    const job = `imp-killed-${Date.now()}`;
    const lock = await pg.holdLock('shelters'); // the import waits in its first batch: it is killed mid-commit
    let t0: number;
    try {
      const answer = startImport(victim.url, auth, job, 'MPKILL');
      const { view } = await watchJob(other.url, auth, job, (v) => v.phase === 'writing' || ['done', 'failed', 'cancelled'].includes(v.phase));
      expect(view.phase).toBe('writing');
      t0 = Date.now();
      victim.process.kill('SIGKILL');
      await answer;
    } finally {
      lock.release();
    }
    const ended = await watchJob(other.url, auth, job, (v) => v.phase !== 'writing', 600);
    console.log(`a killed process's import marked ${ended.view.phase} after ${Date.now() - t0} ms (IMPORT_STALE_MS=${CLUSTER_ENV.IMPORT_STALE_MS})`);
    expect(ended.view).toMatchObject({ phase: 'failed', error: { code: 'import_abandoned' } });
    expect(await codesLike(other.url, auth, 'MPKILL')).toBe(0);
  });
});

describe('one API process on the embedded database (PGlite): the same truths', () => {
  let server: RunningServer;
  let auth: Record<string, string>;
  let probe: Awaited<ReturnType<typeof probeShelter>>;
  beforeAll(async () => {
    server = await startServer({ ...CLUSTER_ENV, PGLITE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'riskmap-one-')), 'pglite') }, 280_000);
    auth = await login(server.url);
    probe = await probeShelter(server.url, auth);
  }, 300_000);
  afterAll(() => server?.stop());

  it('an edit shows in nearest, analytics, tiles and SSE', async () => {
    const before = await snapshot([server.url], probe);
    const logs = [await openEvents(server.url, auth)];
    const name = `避难场所 编辑 ${Date.now()}`;
    const t0 = Date.now();
    const r = await json(`${server.url}/api/layers/shelters/${probe.id}`, {
      method: 'PATCH',
      headers: { ...HEADERS, ...auth },
      body: JSON.stringify({ version: probe.version, properties: { name, effectiveAreaM2: probe.effectiveAreaM2 - 1 } }),
    });
    expect(r.status).toBe(200);
    probe.version = r.body.properties.version;
    await propagation('API edit (PGlite)', [server.url], probe, before, logs, t0, name, (d) => d.id === probe.id && d.version === probe.version);
    logs[0]!.close();
  });

  it('an import is polled and cancelled while it writes: nothing committed (a cancel that comes too late is refused, never ignored)', async () => {
    // A process of its own cannot be held at a batch (apps/api/test/import-jobs.test.ts does that in process): on a
    // loaded machine the cancel may reach it after its commit point. Then it must be refused and the import stand;
    // the next try cancels.
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4 && !outcomes.includes('cancelled'); attempt += 1) {
      const job = `imp-one-${attempt}-${Date.now()}`;
      const prefix = `ONECANCEL${attempt}`;
      const answer = startImport(server.url, auth, job, prefix);
      const { view, phases } = await watchJob(server.url, auth, job, (v) => v.phase === 'writing' || ['committing', 'done', 'failed', 'cancelled'].includes(v.phase));
      const cancel = await json(`${server.url}/api/imports/jobs/${job}`, { method: 'DELETE', headers: auth });
      const r = await answer;
      console.log(`PGlite import: ${phases.join(' → ')}; cancel answered ${cancel.status} ${cancel.body.error?.code ?? ''}; import answered ${r.status}`);
      if (cancel.status === 202) {
        expect(view.phase).toBe('writing');
        expect(r.status).toBe(409);
        expect(r.body.error.code).toBe('import_cancelled');
        expect(await codesLike(server.url, auth, prefix)).toBe(0);
        expect((await json(`${server.url}/api/imports/jobs/${job}`, { headers: auth })).body.phase).toBe('cancelled');
        outcomes.push('cancelled');
      } else {
        expect(cancel.status).toBe(409);
        expect(['import_committing', 'import_ended']).toContain(cancel.body.error.code);
        expect(r.status).toBe(201);
        expect(await codesLike(server.url, auth, prefix)).toBe(3);
        outcomes.push(cancel.body.error.code);
      }
    }
    expect(outcomes).toContain('cancelled');
  });

  it('a siting job is polled and cancelled', async () => {
    const started = await json(`${server.url}/api/siting`, { method: 'POST', headers: { ...HEADERS, ...auth }, body: JSON.stringify(longJob) });
    expect(started.status).toBe(202);
    expect(['queued', 'running']).toContain((await json(`${server.url}/api/siting/jobs/${started.body.id}`, { headers: auth })).body.status);
    const cancelled = await json(`${server.url}/api/siting/jobs/${started.body.id}`, { method: 'DELETE', headers: auth });
    expect(cancelled.body.status).toBe('cancelled');
  });
});

function countBy(xs: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
