/**
 * Nearest-3 shelters over HTTP (GET /api/shelters/nearest, 10 connections, autocannon) on the
 * embedded backend, and on the PostgreSQL server beside it when DATABASE_URL is set.
 * Run: npm run bench (or: cd apps/api && npx tsx bench/nearest-http.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { loadConfig } from '@riskmap/config/env';
import { prepareDatabase, type DatabaseSettings } from '@riskmap/db';
import { createApp } from '../src/app.js';
import { ChangeBus } from '../src/events/change-bus.js';

const DURATION_S = 8;

async function measure(label: string, settings: DatabaseSettings): Promise<void> {
  const prepared = await prepareDatabase(settings, { loadSample: true });
  const config = loadConfig({ NODE_ENV: 'test' });
  const app = createApp({ db: prepared.db, backend: prepared.backend, postgis: prepared.postgis, config, changes: await ChangeBus.start(prepared.db, prepared.listen), listen: prepared.listen });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  // Deterministic query points spread over the county.
  const requests = Array.from({ length: 200 }, (_, i) => ({
    method: 'GET' as const,
    path: `/api/shelters/nearest?lon=${(115.62 + ((i * 37) % 100) * 0.0045).toFixed(5)}&lat=${(35.95 + ((i * 61) % 100) * 0.0035).toFixed(5)}&k=3`,
  }));
  await fetch(`http://127.0.0.1:${port}${requests[0]!.path}`); // warm the index
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, duration: DURATION_S, requests });
  const ok = result.non2xx === 0 && result.errors === 0;
  console.log(
    `nearest-3 HTTP  ${label.padEnd(9)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  (${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors})  target ≥ 1000 req/s, p99 ≤ 25 ms: ${result.requests.average >= 1000 && result.latency.p99 <= 25 ? 'met' : 'NOT met'}`,
  );
  server.closeAllConnections();
  server.close();
  await prepared.close();
  if (!ok) process.exitCode = 1;
}

const dir = mkdtempSync(join(tmpdir(), 'riskmap-bench-'));
try {
  await measure('embedded', { backend: 'embedded', dataDir: join(dir, 'pglite') });
  const db = loadConfig().database;
  if (db.backend === 'server') await measure('server', db);
  else console.log('nearest-3 HTTP  server    (skipped: set DATABASE_URL to measure the PostgreSQL server beside it)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
