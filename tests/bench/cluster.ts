/**
 * Many processes, one database: the public finder (GET /api/shelters/nearest, autocannon, 20
 * connections) through haproxy in front of 1 and of 3 API processes on one PostgreSQL (pgbouncer,
 * transaction mode), side by side in one run; and the time from a plain SQL UPDATE (a client of its
 * own, as psql is) to the SSE event on another process. A private PostgreSQL cluster is started for it (never the shared server).
 * Run: npm run bench (or: cd tests && npx tsx bench/cluster.ts); BENCH_SECONDS (default 6) per side.
 * On a 2-core machine the absolute figures are capped by the cores; the ratio is the point.
 */
import { startServer, type RunningServer } from '../support/server.js';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/private-postgres.js';
import { clusterToolsAvailable, startHaproxy, startPgbouncer } from '../support/cluster.js';
import { openEvents } from '../support/cluster-probes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
// autocannon (a dependency of @riskmap/api's benchmarks) ships no types
const autocannon = ((await import('autocannon' as string)) as { default: (o: object) => Promise<Result> }).default;

if (!privatePostgresAvailable() || !clusterToolsAvailable()) {
  console.log('cluster bench skipped: needs PostgreSQL 15 + PostGIS, haproxy and pgbouncer (infra/install-system-packages.sh)');
  process.exit(0);
}

const pg = await startPrivatePostgres();
const pgUrl = pg.url;
const bouncer = await startPgbouncer(pg.url);
const servers: RunningServer[] = [];
const helpers: { stop(): Promise<void> }[] = [bouncer];
try {
  const env = { DATABASE_URL: bouncer.url, DATABASE_LISTEN_URL: pg.url, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' };
  servers.push(await startServer(env, 280_000));
  servers.push(...(await Promise.all([startServer(env, 280_000), startServer(env, 280_000)])));
  const one = await startHaproxy([servers[0]!.url]);
  const three = await startHaproxy(servers.map((s) => s.url));
  helpers.push(one, three);

  const requests = Array.from({ length: 200 }, (_, i) => ({
    method: 'GET' as const,
    path: `/api/shelters/nearest?lon=${(115.62 + ((i * 37) % 100) * 0.0045).toFixed(5)}&lat=${(35.95 + ((i * 61) % 100) * 0.0035).toFixed(5)}&k=3`,
  }));
  for (const s of servers) await fetch(`${s.url}${requests[0]!.path}`); // warm each index
  const run = async (url: string) => autocannon({ url, connections: 20, duration: SECONDS, requests });
  const r1 = await run(one.url);
  const r3 = await run(three.url);
  const line = (label: string, r: Result) =>
    `finder via haproxy  ${label}  ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  (${r.requests.total} requests, non-2xx ${r.non2xx}, errors ${r.errors})`;
  console.log(line('1 process  ', r1));
  console.log(line('3 processes', r3));
  console.log(`finder throughput 3 ÷ 1 processes: ${(r3.requests.average / r1.requests.average).toFixed(2)}×, p99 ${r1.latency.p99} → ${r3.latency.p99} ms (2-core machine: the cores cap the gain)`);

  // SQL UPDATE → SSE event on another process (NOTIFY → LISTEN → change table read → stream)
  const id = Number(pg.psql('SELECT min(id) FROM shelters WHERE is_public AND deleted_at IS NULL', 'riskmap').trim());
  const admin = await (await fetch(`${servers[1]!.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'riskmap-dev-admin' }) })).json();
  const events = await openEvents(servers[1]!.url, { authorization: `Bearer ${admin.token as string}` });
  // a plain SQL UPDATE from a client of its own (what psql does), outside the API; timed from its commit's return
  const { default: pgLib } = await import('pg');
  const sqlClient = new pgLib.Client({ connectionString: pgUrl });
  await sqlClient.connect();
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await sqlClient.query('UPDATE shelters SET capacity = capacity + 1, version = version + 1 WHERE id = $1 RETURNING version', [id]);
    const t0 = Date.now();
    const version = Number(r.rows[0].version);
    const at = await events.waitFor((d) => d.id === id && d.version === version, 10_000);
    times.push(at === null ? Number.NaN : at - t0);
  }
  await sqlClient.end();
  events.close();
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`SQL UPDATE outside the API (own client, autocommit) → SSE event on another process: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms over ${times.length} updates (from the commit's return to the event's arrival)`);
  if (r1.non2xx + r3.non2xx + r1.errors + r3.errors > 0 || times.some(Number.isNaN)) process.exitCode = 1;
} finally {
  for (const h of helpers.reverse()) await h.stop();
  await Promise.all(servers.map((s) => s.stop()));
  pg.destroy();
}
