/**
 * Headless QGIS (Debian's python3-qgis) as a client of the running server: every collection over OAPIF
 * with a Basic authcfg, the first feature's attributes (lowest id) compared exactly with /api/layers
 * (decimals included), and a vector-tile layer built from a TileJSON and rendered. Runs where
 * `python3 -c 'import qgis.core'` works; skipped with a message otherwise (QGIS is not installed in CI).
 */
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, TEST_PASSWORD, type TestApp } from './harness.js';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, 'qgis', 'read-layers.py');
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => {
  try {
    execFileSync(p, ['-c', 'import qgis.core'], { stdio: 'ignore', timeout: 60_000, env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
    return true;
  } catch {
    return false;
  }
});
if (!PYTHON) console.log('qgis-client: skipped — python3 cannot import qgis.core (apt-get install python3-qgis qgis-providers to run it)');

interface QgisLayer { valid: boolean; count: number; fields?: Record<string, string>; first?: Record<string, unknown> }
interface QgisOut { authcfg: boolean; layers: Record<string, QgisLayer>; tiles: { valid: boolean; template: string; zmin: number; zmax: number; paintedPixels?: number } }

describe.skipIf(!PYTHON)('QGIS reads the layers (OAPIF with a Basic authcfg) and the vector tiles (TileJSON)', () => {
  let app: TestApp;
  const backend = testBackends().includes('server') ? 'server' : 'embedded'; // one backend: QGIS reads over HTTP
  beforeAll(async () => {
    app = await startTestApp(backend);
  });
  afterAll(() => app?.close());

  it('loads every collection and reads its first feature exactly, and renders a tile layer from the TileJSON', async () => {
    const auth = { authorization: `Bearer ${await app.login('commander')}` };
    const { collections } = (await (await fetch(`${app.url}/ogc/collections`, { headers: auth })).json()) as { collections: { id: string }[] };
    const ids = collections.map((c) => c.id);
    const { stdout } = await run(PYTHON!, [SCRIPT, app.url, 'commander', TEST_PASSWORD, 'shelters', ...ids], { timeout: 240_000, maxBuffer: 16 << 20, env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
    const out = JSON.parse(stdout.trim().split('\n').pop()!) as QgisOut;
    expect(out.authcfg).toBe(true);
    let decimals = 0;
    for (const id of ids) {
      const q = out.layers[id]!;
      expect(q.valid, id).toBe(true);
      const fc = (await (await fetch(`${app.url}/api/layers/${id}`, { headers: auth })).json()) as { features: { id: number; properties: Record<string, unknown> }[] };
      expect(q.count, id).toBe(fc.features.length);
      if (fc.features.length === 0) continue;
      const api = [...fc.features].sort((a, b) => a.id - b.id)[0]!;
      expect(q.first!.id, id).toBe(api.id);
      for (const [k, v] of Object.entries(api.properties)) {
        if (v === null || typeof v === 'object' || (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) || !(k in q.first!)) continue;
        expect(q.first![k], `${id}.${k}`).toBe(v);
        if (typeof v === 'number' && !Number.isInteger(v)) decimals++;
      }
    }
    expect(decimals).toBeGreaterThan(0);
    expect(out.tiles).toMatchObject({ valid: true, template: `${app.url}/tiles/shelters/{z}/{x}/{y}.mvt`, zmin: 0 });
    expect(out.tiles.paintedPixels).toBeGreaterThan(0);
  });
});
