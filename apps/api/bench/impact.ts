/**
 * Time from request to full answer of POST /api/incidents/impact on the sample (target < 1 s):
 * a what-if at each of the 20 sample hazard sources (type from the substances; releases with a
 * north wind at 3 m/s) and a county-wide explosion, over HTTP with a commander's token, on the
 * embedded backend and, when DATABASE_URL is set, on a throwaway database on that server.
 * The first request is cold (layers read from the database); the rest hit the layer cache.
 * Run: cd apps/api && npx tsx bench/impact.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '@riskmap/config/env';
import { createUser, prepareDatabase, type DatabaseSettings } from '@riskmap/db';
import { createApp } from '../src/app.js';
import { hashPassword } from '../src/auth/password.js';
import { ChangeBus } from '../src/events/change-bus.js';

const TARGET_MS = 1000;
const ROUNDS = 5;

async function measure(label: string, settings: DatabaseSettings): Promise<void> {
  const prepared = await prepareDatabase(settings, { loadSample: true });
  const config = loadConfig({ NODE_ENV: 'test', LOAD_SAMPLE: 'false' });
  await createUser(prepared.db, { username: 'bench-commander', passwordHash: await hashPassword('bench-password'), role: 'commander' });
  const app = createApp({ db: prepared.db, backend: prepared.backend, postgis: prepared.postgis, config, changes: await ChangeBus.start(prepared.db, prepared.listen), listen: prepared.listen });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-commander', password: 'bench-password' }) });
  const { token } = (await login.json()) as { token: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const hazardSources = ((await (await fetch(`${base}/api/layers/hazard-sources`, { headers })).json()) as { features: { id: number }[] }).features;

  const bodies = [
    ...hazardSources.map((f) => ({ hazardSourceId: f.id, windFromDeg: 0, windSpeedMs: 3 })),
    { location: [115.79, 36.11], type: 'explosion', radiiM: [2_000, 10_000, 20_000] },
  ];
  const times: number[] = [];
  let cold = 0;
  let failures = 0;
  let biggest = { evacuees: 0, villages: 0, allocations: 0, serverMs: 0, totalMs: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const body of bodies) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/incidents/impact`, { method: 'POST', headers, body: JSON.stringify(body) });
      const answer = (await res.json()) as { evacuees: number; villages: unknown[]; allocations: unknown[]; timeMs: number };
      const ms = performance.now() - t0;
      if (!res.ok) failures++;
      if (process.env.VERBOSE) console.log(round, JSON.stringify(body), ms.toFixed(1), answer.evacuees, answer.timeMs);
      if (round === 0 && times.length === 0) cold = ms;
      else times.push(ms);
      if (answer.evacuees > biggest.evacuees) biggest = { evacuees: answer.evacuees, villages: answer.villages.length, allocations: answer.allocations.length, serverMs: answer.timeMs, totalMs: ms };
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  const max = times[times.length - 1]!;
  console.log(
    `impact HTTP  ${label.padEnd(9)} cold ${cold.toFixed(0)} ms; warm p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${max.toFixed(1)} ms  (${times.length} requests, ${failures} failed); ` +
      `largest (first run): ${biggest.evacuees} evacuees from ${biggest.villages} villages, ${biggest.allocations} allocations in ${biggest.totalMs.toFixed(0)} ms (server ${biggest.serverMs} ms); ` +
      `target < ${TARGET_MS} ms: ${Math.max(cold, max) < TARGET_MS && failures === 0 ? 'met' : 'NOT met'}`,
  );
  server.closeAllConnections();
  server.close();
  await prepared.close();
  if (failures > 0) process.exitCode = 1;
}

const dir = mkdtempSync(join(tmpdir(), 'riskmap-bench-'));
try {
  await measure('embedded', { backend: 'embedded', dataDir: join(dir, 'pglite') });
  const db = loadConfig().database;
  if (db.backend === 'server') {
    // A throwaway database beside the configured one, so the bench never writes to it.
    const name = `riskmap_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(db.url);
    url.pathname = `/${name}`;
    try {
      await measure('server', { backend: 'server', url: url.toString() });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else console.log('impact HTTP  server    (skipped: set DATABASE_URL to measure the PostgreSQL server beside it)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
