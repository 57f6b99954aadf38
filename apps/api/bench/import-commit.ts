/**
 * Import commit time (POST /api/imports/shelters?dryRun=false, CSV, all rows new) for 5,000 and 50,000 rows on the
 * embedded backend, and on a private database of the PostgreSQL server when DATABASE_URL is set; meanwhile two
 * connections ask GET /api/shelters/nearest, whose p99 shows whether the commit blocks other requests.
 * Run: npm run bench (or: cd apps/api && npx tsx bench/import-commit.ts; IMPORT_BENCH_ROWS=5000 for the short run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '@riskmap/config/env';
import { prepareDatabase, sql, type DatabaseSettings } from '@riskmap/db';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';
import { ensureFirstAdmin } from '../src/auth/bootstrap-admin.js';

const SIZES = (process.env.IMPORT_BENCH_ROWS ?? '5000,50000').split(',').map(Number);

function csv(rows: number, run: string, at: [number, number]): string {
  const lines = ['编号,名称,场所类别,场地类型,总面积,有效面积,可容纳人数,状态,经度,纬度'];
  for (let i = 0; i < rows; i++) {
    const dx = ((i * 7919) % 2000) / 2000 - 0.5; // ±0.5 of 0.02° around a stored shelter: inside the county
    const dy = ((i * 104729) % 2000) / 2000 - 0.5;
    lines.push(`B${run}-${i},基准测试场所${i},紧急避难场所,公园,1000,600,300,规划中,${(at[0] + dx * 0.02).toFixed(6)},${(at[1] + dy * 0.02).toFixed(6)}`);
  }
  return lines.join('\n');
}

async function measure(label: string, settings: DatabaseSettings): Promise<void> {
  const prepared = await prepareDatabase(settings, { loadSample: true });
  const config = loadConfig({ NODE_ENV: 'test', IMPORT_MAX_BYTES: String(64 * 1024 * 1024) });
  await ensureFirstAdmin(prepared.db, config.admin);
  const app = createApp({ db: prepared.db, backend: prepared.backend, postgis: prepared.postgis, config, changes: await ChangeBus.start(prepared.db, prepared.listen) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: config.admin!.username, password: config.admin!.password }) });
    const { token } = (await login.json()) as { token: string };
    const one = await prepared.db.selectFrom('shelters').select([sql<number>`ST_X(geom)`.as('lon'), sql<number>`ST_Y(geom)`.as('lat')]).orderBy('id').executeTakeFirstOrThrow();
    const at: [number, number] = [Number(one.lon), Number(one.lat)];
    for (const n of SIZES) {
      const body = csv(n, `${n}`, at);
      const load = autocannon({ url, connections: 2, duration: 600, requests: [{ method: 'GET', path: '/api/shelters/nearest?lon=115.79&lat=36.11&k=3' }] });
      const t0 = performance.now();
      const r = await fetch(`${url}/api/imports/shelters?dryRun=false&format=csv`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
      const ms = performance.now() - t0;
      load.stop();
      const result = await load;
      const answer = (await r.json()) as { imported?: number; error?: { message: string } };
      console.log(
        `import commit   ${label.padEnd(9)} ${String(n).padStart(6)} rows  ${(ms / 1000).toFixed(1).padStart(6)} s (${((ms / n) * 1000).toFixed(0)} µs/row, HTTP ${r.status}, imported ${answer.imported ?? answer.error?.message})  nearest during it: p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms (${result.requests.total} requests, non-2xx ${result.non2xx})`,
      );
      if (r.status !== 201) process.exitCode = 1;
    }
  } finally {
    server.closeAllConnections();
    server.close();
    await prepared.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'riskmap-bench-'));
try {
  await measure('embedded', { backend: 'embedded', dataDir: join(dir, 'pglite') });
  const db = loadConfig().database;
  if (db.backend === 'server') {
    const name = `riskmap_bench_import_${process.pid}`;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(db.url);
      u.pathname = `/${name}`;
      await measure('server', { ...db, url: u.toString() });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else console.log('import commit   server    (skipped: set DATABASE_URL to measure the PostgreSQL server)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
