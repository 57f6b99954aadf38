import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, embeddedThinnedTile, embeddedTile, getLayer, layerTile, serverThinnedTile, serverTile, toCamel } from '../src/index.js';
import { tileColumns } from '../src/tiles/tile-columns.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';
import { decodeTileLayer, ringsArea, ringsBox, tileAt } from './tiles-decode.js';

const TOWN: [number, number] = [115.79, 36.11];

describe.each(testBackends())('layer tiles on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
  });
  afterAll(async () => t?.close());

  it('puts every shelter of the county into the zoom-8 tile that covers it, with its id and name', async () => {
    const all = await getLayer(t.db, LAYERS.shelters);
    const bytes = await layerTile(t.db, backend, LAYERS.shelters, tileAt(...TOWN, 8));
    const { features } = decodeTileLayer(bytes, 'shelters');
    expect(features.map((f) => f.id)).toEqual(all.features.map((f) => f.id));
    expect(features[0]!.properties.name).toBe(all.features[0]!.properties!.name);
    expect(features.every((f) => f.type === 1)).toBe(true);
  });

  it('carries only the allowed columns and only public rows when asked to', async () => {
    const allowed = LAYERS.shelters.publicColumns as readonly string[];
    const bytes = await layerTile(t.db, backend, LAYERS.shelters, tileAt(...TOWN, 8), { allowedColumns: allowed, publicOnly: true });
    const { features } = decodeTileLayer(bytes, 'shelters');
    const keys = new Set(features.flatMap((f) => Object.keys(f.properties)));
    expect(keys.has('contactPhone')).toBe(false);
    expect(keys.has('isPublic')).toBe(false);
    const all = await getLayer(t.db, LAYERS.shelters);
    const publicIds = all.features.filter((f) => f.properties!.isPublic).map((f) => f.id);
    expect(features.map((f) => f.id)).toEqual(publicIds);
  });

  it('returns an empty tile far away from the county', async () => {
    const bytes = await layerTile(t.db, backend, LAYERS.shelters, { z: 10, x: 0, y: 0 });
    expect(decodeTileLayer(bytes, 'shelters').features).toEqual([]);
  });

  it('thins a dense point tile below the full-detail zoom to its budget, the counts adding up to the features inside it', async () => {
    const d = LAYERS['risk-points'];
    const z8 = tileAt(...TOWN, 8);
    const all = (await getLayer(t.db, d, { columns: ['id', 'level'] })).features;
    const inside = all.filter((f) => { const c = (f.geometry as { coordinates: [number, number] }).coordinates; const a = tileAt(c[0], c[1], 8); return a.x === z8.x && a.y === z8.y; });
    const budget = { maxFeatures: 40, maxBytes: 64 * 1024, fullDetailZoom: 12, cellPx: 4 };
    const bytes = await layerTile(t.db, backend, d, z8, { budget });
    const { features } = decodeTileLayer(bytes, 'risk-points');
    expect(inside.length).toBeGreaterThan(budget.maxFeatures);
    expect(features.length).toBeGreaterThan(0);
    expect(features.length).toBeLessThanOrEqual(budget.maxFeatures);
    expect(bytes.length).toBeLessThanOrEqual(budget.maxBytes);
    expect(features.reduce((n, f) => n + (f.properties.count as number), 0)).toBe(inside.length);
    expect(Math.min(...features.map((f) => f.properties.level as number))).toBe(Math.min(...inside.map((f) => f.properties!.level as number)));
    // From the full-detail zoom on the same budget keeps every feature.
    const z12 = tileAt(...TOWN, 12);
    const whole = decodeTileLayer(await layerTile(t.db, backend, d, z12, { budget }), 'risk-points').features;
    const plain = decodeTileLayer(await layerTile(t.db, backend, d, z12), 'risk-points').features;
    expect(whole.map((f) => f.id)).toEqual(plain.map((f) => f.id));
    expect(whole.every((f) => f.properties.count === 1)).toBe(true);
  });

  it('refuses a tile address outside the zoom pyramid', async () => {
    await expect(layerTile(t.db, backend, LAYERS.shelters, { z: 2, x: 4, y: 0 })).rejects.toThrow(/not a tile address/);
  });
});

describe.skipIf(!testBackends().includes('server'))('ST_AsMVT and geojson-vt tiles on the PostgreSQL server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('server', 'sample');
  });
  afterAll(async () => t?.close());

  const cases = [
    { layer: 'shelters', tile: tileAt(...TOWN, 12) },
    { layer: 'demand-points', tile: tileAt(...TOWN, 10) },
    { layer: 'townships', tile: tileAt(...TOWN, 10) },
    { layer: 'townships', tile: tileAt(...TOWN, 13) },
    { layer: 'risk-points', tile: tileAt(...TOWN, 9) },
  ] as const;

  it.each(cases)('decode to the same features, properties and geometry (within a pixel) for $layer at $tile.z/$tile.x/$tile.y', async ({ layer, tile }) => {
    const d = LAYERS[layer];
    const columns = await tileColumns(t.db, d);
    const a = decodeTileLayer(await serverTile(t.db, d, tile, columns, false), layer).features;
    const b = decodeTileLayer(await embeddedTile(t.db, d, tile, columns, false), layer).features;
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((f) => f.id)).toEqual(a.map((f) => f.id));
    const pixel = 4096 / 256;
    a.forEach((fa, i) => {
      const fb = b[i]!;
      expect(fb.properties).toEqual(fa.properties);
      for (const key of Object.keys(fa.properties)) expect([...columns.map(toCamel), 'count']).toContain(key); // null values are left out by both
      expect(fb.type).toBe(fa.type);
      ringsBox(fb.rings).forEach((v, k) => expect(Math.abs(v - ringsBox(fa.rings)[k]!)).toBeLessThanOrEqual(pixel));
      if (fa.type === 3) expect(Math.abs(ringsArea(fb.rings) - ringsArea(fa.rings))).toBeLessThanOrEqual(Math.max(0.01 * ringsArea(fa.rings), pixel * pixel));
    });
  });

  it('thin a tile to the same representatives and counts', async () => {
    const d = LAYERS['risk-points'];
    const columns = await tileColumns(t.db, d);
    const tile = tileAt(...TOWN, 8);
    const a = await serverThinnedTile(t.db, d, tile, columns, false, 16);
    const b = await embeddedThinnedTile(t.db, d, tile, columns, false, 16);
    expect(b.features).toBe(a.features);
    const fa = decodeTileLayer(a.bytes, 'risk-points').features;
    const fb = decodeTileLayer(b.bytes, 'risk-points').features;
    expect(fb.map((f) => [f.id, f.properties.count, f.properties.level])).toEqual(fa.map((f) => [f.id, f.properties.count, f.properties.level]));
    expect(fa.some((f) => (f.properties.count as number) > 1)).toBe(true);
  });
});
