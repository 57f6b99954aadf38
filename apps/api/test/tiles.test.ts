import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, peekTileRanking, sql } from '@riskmap/db';
import { testBackends } from '@riskmap/db/testing';
import { startTestApp, type TestApp } from './harness.js';
import { decodeTile, tileAt } from './tiles-decode.js';

const run = promisify(execFile);
const OGRINFO = '/usr/bin/ogrinfo';
const T = tileAt(115.79, 36.11, 8); // covers the whole county
const path = (layer: string, t = T) => `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`;
// A budget small enough that the sample's 300 risk points are a dense layer at zoom 8 (its 100 shelters still fit).
const BUDGET = { TILE_MAX_FEATURES: '150', TILE_MAX_BYTES: '262144', TILE_FULL_DETAIL_ZOOM: '10' };

describe.each(testBackends())('vector tiles on %s', (backend) => {
  let app: TestApp;
  let auth: Record<string, string>;
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${app.url}${p}`, { headers });
  const bytes = async (r: Response) => new Uint8Array(await r.arrayBuffer());
  beforeAll(async () => {
    app = await startTestApp(backend, 'sample', BUDGET);
    auth = { authorization: `Bearer ${await app.login('commander')}` };
  });
  afterAll(() => app?.close());

  it('serves a point layer and a polygon layer as MVT with the same features as the GeoJSON API', async () => {
    for (const layer of ['shelters', 'townships']) {
      const r = await get(path(layer), auth);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
      const features = decodeTile(await bytes(r), layer);
      const fc = (await (await get(`/api/layers/${layer}`, auth)).json()) as { features: { id: number; properties: { name: string } }[] };
      expect(features.map((f) => f.id).sort((a, b) => a! - b!)).toEqual(fc.features.map((f) => f.id));
      expect(new Set(features.map((f) => f.type))).toEqual(new Set([layer === 'shelters' ? 1 : 3]));
      expect(features.find((f) => f.id === fc.features[0]!.id)!.properties.name).toBe(fc.features[0]!.properties.name);
    }
  });

  it('sends an ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const r = await get(path('shelters'), auth);
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(r.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
    const again = await get(path('shelters'), { ...auth, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await get(path('shelters'))).headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });

  it('keeps serving the cached tile until the layer changes (even by plain SQL), then the new data with a new ETag', async () => {
    const before = await get(path('fire-stations'), auth);
    const etag = before.headers.get('etag')!;
    const id = decodeTile(await bytes(before), 'fire-stations')[0]!.id!;
    const cached = await get(path('fire-stations'), { ...auth, 'if-none-match': etag });
    expect(cached.status).toBe(304);
    await sql`update fire_stations set name = ${'新名字消防站'} where id = ${id}`.execute(app.t.db);
    await app.changes.catchUp(); // what NOTIFY triggers; awaited here so the test does not race it
    const after = await get(path('fire-stations'), { ...auth, 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(decodeTile(await bytes(after), 'fire-stations').find((f) => f.id === id)!.properties.name).toBe('新名字消防站');
  });

  it('gives anonymous users public layers, rows and properties only', async () => {
    expect((await get(path('risk-points'))).status).toBe(401);
    const pub = decodeTile(await bytes(await get(path('shelters'))), 'shelters');
    const full = decodeTile(await bytes(await get(path('shelters'), auth)), 'shelters');
    expect(pub.length).toBe(full.filter((f) => f.properties.isPublic === true).length);
    const keys = new Set(pub.flatMap((f) => Object.keys(f.properties)));
    for (const restricted of ['contactPerson', 'contactPhone', 'isPublic', 'totalAreaM2']) expect(keys.has(restricted), restricted).toBe(false);
    expect(new Set(full.flatMap((f) => Object.keys(f.properties))).has('contactPhone')).toBe(true);
  });

  it('thins a dense layer at low zoom to the budget (counts add up, highest risk kept), keeps every feature at the full-detail zoom, and revalidates by revision', async () => {
    const fc = (await (await get('/api/layers/risk-points', auth)).json()) as { features: { id: number; geometry: { coordinates: [number, number] }; properties: { level: number } }[] };
    const inT = fc.features.filter((f) => { const a = tileAt(...f.geometry.coordinates, T.z); return a.x === T.x && a.y === T.y; });
    const r = await get(path('risk-points'), auth);
    const body = await bytes(r);
    const low = decodeTile(body, 'risk-points');
    expect(inT.length).toBeGreaterThan(150);
    expect(low.length).toBeLessThanOrEqual(150);
    expect(body.length).toBeLessThanOrEqual(262144);
    expect(low.reduce((n, f) => n + (f.properties.count as number), 0)).toBe(inT.length);
    expect(low.some((f) => (f.properties.count as number) > 1)).toBe(true);
    expect(Math.min(...low.map((f) => f.properties.level as number))).toBe(Math.min(...inT.map((f) => f.properties.level)));
    // Zoom 10 (the full-detail zoom here): the tiles over the county hold every risk point, once each per tile.
    const z10 = [...new Set(fc.features.map((f) => JSON.stringify(tileAt(...f.geometry.coordinates, 10))))].map((k) => JSON.parse(k) as typeof T);
    const ids = new Set<number>();
    for (const t of z10) for (const f of decodeTile(await bytes(await get(path('risk-points', t), auth)), 'risk-points')) (ids.add(f.id!), expect(f.properties.count).toBe(1));
    expect([...ids].sort((a, b) => a - b)).toEqual(fc.features.map((f) => f.id).sort((a, b) => a - b));
    // The thinned tile's ETag follows the revision: 304 until a risk point changes, then a new tile.
    const etag = r.headers.get('etag')!;
    expect((await get(path('risk-points'), { ...auth, 'if-none-match': etag })).status).toBe(304);
    const rep = low.find((f) => (f.properties.count as number) > 1)!;
    await sql`update risk_points set name = ${'抽稀代表点'} where id = ${rep.id!}`.execute(app.t.db);
    await app.changes.catchUp();
    // The layer's thinned tiles were viewed, so the new revision's ranking is read ahead of the next tile.
    const revision = app.changes.layerVersion('risk-points');
    await expect.poll(() => peekTileRanking(app.t.db, LAYERS['risk-points'], false, revision), { timeout: 30_000 }).toBe(true);
    // …and not for an audience nobody asked thinned tiles for.
    expect(peekTileRanking(app.t.db, LAYERS['risk-points'], true, revision)).toBe(false);
    const after = await get(path('risk-points'), { ...auth, 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(decodeTile(await bytes(after), 'risk-points').find((f) => f.id === rep.id)!.properties.name).toBe('抽稀代表点');
    const tj = (await (await get('/tiles/risk-points.json', auth)).json()) as { vector_layers: { fields: Record<string, string> }[] };
    expect(tj.vector_layers[0]!.fields.count).toBe('Number');
    const tw = (await (await get('/tiles/townships.json', auth)).json()) as { vector_layers: { fields: Record<string, string> }[] };
    expect(tw.vector_layers[0]!.fields).not.toHaveProperty('count');
  });

  it('answers 400 for a tile outside the pyramid and 404 for an unknown layer', async () => {
    expect((await get('/tiles/shelters/3/8/1.mvt', auth)).status).toBe(400);
    expect((await get('/tiles/shelters/99/0/0.mvt', auth)).status).toBe(400);
    expect((await get('/tiles/volcanoes/3/1/1.mvt', auth)).status).toBe(404);
  });

  it('returns an empty 200 tile where there is nothing', async () => {
    const r = await get('/tiles/shelters/10/0/0.mvt', auth);
    expect(r.status).toBe(200);
    expect((await bytes(r)).length).toBe(0);
  });

  it.skipIf(!existsSync(OGRINFO))('is read by GDAL: the MVT driver finds the layer and its features in a saved tile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskmap-mvt-'));
    try {
      mkdirSync(join(dir, String(T.z), String(T.x)), { recursive: true });
      const file = join(dir, String(T.z), String(T.x), `${T.y}.pbf`);
      const tile = await bytes(await get(path('shelters'), auth));
      writeFileSync(file, tile);
      const { stdout } = await run(OGRINFO, ['-ro', '-al', '-so', `MVT:${file}`], { timeout: 60_000 });
      expect(stdout).toContain('Layer name: shelters');
      expect(stdout).toContain(`Feature Count: ${decodeTile(tile, 'shelters').length}`);
      const { stdout: all } = await run(OGRINFO, ['-ro', '-al', '-q', `MVT:${file}`], { timeout: 60_000, maxBuffer: 32 << 20 });
      expect(all).toMatch(/POINT \(128\d{5}\.\d+ 43\d{5}\.\d+\)/); // EPSG:3857 metres around Yanggu (115.8°E 36.1°N)
      expect(all).toContain(`code (String) = ${decodeTile(tile, 'shelters')[0]!.properties.code}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
