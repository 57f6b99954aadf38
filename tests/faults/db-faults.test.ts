import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { startServer, type RunningServer } from '../support/server.js';
import { clusterToolsAvailable, startPgbouncer, type Helper } from '../support/cluster.js';
import { newTally, runClients } from './drill-client.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const ADMIN = { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'fault-drill-password' };

describe.skipIf(!privatePostgresAvailable())('database faults on the server backend (a private cluster)', () => {
  let pg: PrivatePostgres;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  });
  afterAll(async () => {
    await server?.stop();
    pg?.destroy();
  });

  it('waits for a database that is down at start-up, with a clear log line, then serves', async () => {
    pg.stop('fast');
    setTimeout(() => pg.start(), 8_000);
    server = await startServer({ DATABASE_URL: pg.url, DB_STARTUP_RETRY_SECONDS: '60', LOG_LEVEL: 'info', ...ADMIN });
    expect(server.output()).toMatch(/the database is not reachable yet; retrying in .* \(giving up in \d+ s, DB_STARTUP_RETRY_SECONDS\)/);
    expect(server.output()).not.toMatch(/riskmap:riskmap/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('stays up through terminated backends, a restart and a crash stop while 50 clients read and write: only 503s, no lost acknowledged write', async () => {
    const url = server!.url;
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN.ADMIN_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const first = (await (await fetch(`${url}/api/layers/shelters?limit=1`)).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
    const lonLat = first.features[0]!.geometry.coordinates;
    const tally = newTally();
    let done = false;
    const clients = runClients({ url, token, clients: 50, lonLat, until: () => done, tag: 'drill' }, tally);
    const healthDuringOutage: unknown[] = [];
    await sleep(1_500);
    pg.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'riskmap' AND pid <> pg_backend_pid()");
    await sleep(1_500);
    pg.restart('fast');
    await sleep(1_500);
    pg.stop('immediate');
    const down = await fetch(`${url}/api/health`);
    healthDuringOutage.push({ status: down.status, retryAfter: down.headers.get('retry-after'), body: await down.json() });
    await sleep(2_000);
    pg.start();
    await sleep(3_000);
    done = true;
    await clients;

    expect(server!.process.exitCode).toBeNull();
    const statuses = Object.fromEntries(tally.statuses);
    console.log('fault drill statuses', statuses, 'acknowledged writes', tally.acknowledged.length, 'health while down', JSON.stringify(healthDuringOutage));
    expect(tally.hangs).toBe(0);
    expect(tally.otherErrors).toEqual([]);
    expect(tally.unexpected).toEqual([]);
    expect(tally.missingRetryAfter).toBe(0);
    expect(statuses[503]).toBeGreaterThan(0);
    expect(tally.acknowledged.length).toBeGreaterThan(0);
    expect(healthDuringOutage[0]).toMatchObject({ status: 503, retryAfter: expect.any(String), body: { status: 'degraded', degraded: expect.arrayContaining(['database']), database: { backend: 'server', state: 'unavailable' } } });
    expect(JSON.stringify(healthDuringOutage)).not.toMatch(/riskmap:|127\.0\.0\.1|ECONN|5432|database "/);

    // The pool reconnected by itself; every acknowledged create is stored.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const codes = tally.acknowledged.map((c) => `'${c}'`).join(',');
    const stored = Number(pg.psql(`SELECT count(*) FROM shelters WHERE code IN (${codes}) AND deleted_at IS NULL`, 'riskmap').trim());
    expect(stored).toBe(tally.acknowledged.length);
  });

  // pgbouncer answers for a server that is restarting with its own errors (SQLSTATE 08P01: "server login has been
  // failing, try again later (server_login_retry)", "server conn crashed?", …); they are database faults too.
  it.skipIf(!clusterToolsAvailable())('through pgbouncer (transaction pooling), a restart and terminated backends give only 2xx/503, no lost acknowledged write', async () => {
    let bouncer: Helper | undefined;
    let pooled: RunningServer | undefined;
    try {
      bouncer = await startPgbouncer(pg.url);
      pooled = await startServer({ DATABASE_URL: bouncer.url, DATABASE_LISTEN_URL: pg.url, RATE_LIMIT: 'off', ...ADMIN });
      const url = pooled.url;
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN.ADMIN_PASSWORD }) });
      const { token } = (await login.json()) as { token: string };
      const tally = newTally();
      let done = false;
      const clients = runClients({ url, token, clients: 24, lonLat: [115.79, 36.11], until: () => done, tag: 'bouncer' }, tally);
      await sleep(1_000);
      pg.restart('fast');
      await sleep(1_000);
      pg.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'riskmap' AND pid <> pg_backend_pid()");
      await sleep(1_000);
      pg.stop('immediate');
      await sleep(1_500);
      pg.start();
      await sleep(2_500);
      done = true;
      await clients;

      const statuses = Object.fromEntries(tally.statuses);
      console.log('pgbouncer drill statuses', statuses, 'acknowledged writes', tally.acknowledged.length);
      expect(pooled.process.exitCode).toBeNull();
      expect(tally.unexpected).toEqual([]);
      expect(tally.otherErrors).toEqual([]);
      expect(tally.hangs).toBe(0);
      expect(tally.missingRetryAfter).toBe(0);
      expect(statuses[503]).toBeGreaterThan(0);
      await expect.poll(async () => (await fetch(`${url}/api/health`)).status).toBe(200);
      const codes = tally.acknowledged.map((c) => `'${c}'`).join(',') || "''";
      const stored = Number(pg.psql(`SELECT count(*) FROM shelters WHERE code IN (${codes}) AND deleted_at IS NULL`, 'riskmap').trim());
      expect(stored).toBe(tally.acknowledged.length);
    } finally {
      await pooled?.stop();
      await bouncer?.stop();
    }
  });
});
