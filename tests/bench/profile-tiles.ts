/**
 * Where a cold thinned tile's time goes: 100,000 risk points (BENCH_POINTS) in a private PostgreSQL with auto_explain
 * logging every statement over 100 ms with its plan and timing, then the county's tiles at zooms 8–11 fetched cold and
 * again from the cache. Prints each tile's time and the slow statements' plans.
 * Run: cd tests && npx tsx bench/profile-tiles.ts (about a minute). Bounded: BENCH_TIMEOUT_S (default 300).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_ADMIN } from '../support/browser.js';
import { privatePostgresAvailable, startPrivatePostgres } from '../support/private-postgres.js';
import { startServer } from '../support/server.js';

const POINTS = Number(process.env.BENCH_POINTS ?? 100_000);
if (!privatePostgresAvailable()) {
  console.log('profile-tiles skipped: needs PostgreSQL 15 + PostGIS');
  process.exit(0);
}
const pg = await startPrivatePostgres();
let stop = async () => {};
const guard = setTimeout(() => void stop().finally(() => (pg.destroy(), process.exit(1))), Number(process.env.BENCH_TIMEOUT_S ?? 300) * 1000);
try {
  const dataDir = pg.psql('show data_directory').trim();
  appendFileSync(join(dataDir, 'postgresql.conf'), "\nsession_preload_libraries = 'auto_explain'\nauto_explain.log_min_duration = '100ms'\nauto_explain.log_analyze = on\nauto_explain.log_nested_statements = on\n");
  pg.psql('select pg_reload_conf()');
  const server = await startServer({ DATABASE_URL: pg.url, ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password, RATE_LIMIT: 'off', LOG_LEVEL: 'warn' }, 240_000);
  stop = async () => void (await server.stop());
  const have = Number(pg.psql('select count(*) from risk_points', 'riskmap'));
  const columns = pg.psql("select string_agg(quote_ident(column_name), ',' order by ordinal_position) from information_schema.columns where table_name = 'risk_points' and column_name not in ('id', 'code', 'name', 'geom', 'created_at', 'updated_at')", 'riskmap').trim();
  pg.psql(`set session_replication_role = replica; select setseed(0.42); insert into risk_points (code, name, geom, ${columns})
    select r.code || '-B' || g, '压力测试点 ' || r.name || ' ' || g, ST_SetSRID(ST_Translate(r.geom, (random() - 0.5) * 0.02, (random() - 0.5) * 0.02), 4326), ${columns.split(',').map((c) => `r.${c}`).join(',')}
    from risk_points r cross join generate_series(1, ${Math.ceil(POINTS / have) - 1}) g order by r.id, g limit ${Math.max(0, POINTS - have)}; analyze risk_points`, 'riskmap');
  const cookie = (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(E2E_ADMIN) })).headers.get('set-cookie')?.split(';')[0] ?? '';
  const logFile = join(dataDir, '..', 'log');
  const logStart = readFileSync(logFile, 'utf8').length;
  for (const [z, x, y] of [[8, 210, 100], [9, 420, 200], [10, 841, 401], [11, 1682, 802], [12, 3365, 1604]] as const) {
    for (const pass of ['cold', 'cached']) {
      const t0 = Date.now();
      const r = await fetch(`${server.url}/tiles/risk-points/${z}/${x}/${y}.mvt`, { headers: { cookie } });
      const bytes = (await r.arrayBuffer()).byteLength;
      console.log(`[profile-tiles] ${z}/${x}/${y} ${pass}: ${r.status}, ${bytes} bytes, ${Date.now() - t0} ms`);
    }
  }
  const log = readFileSync(logFile, 'utf8').slice(logStart);
  if (process.env.PROFILE_PLANS !== '0') console.log(log.split('\n').filter((l) => !/^\s*$/.test(l)).slice(0, Number(process.env.PROFILE_LINES ?? 400)).join('\n'));
} finally {
  await stop();
  pg.destroy();
  clearTimeout(guard);
}
