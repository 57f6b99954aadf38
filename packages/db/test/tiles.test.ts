import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, embeddedThinnedTile, embeddedTile, getLayer, layerTile, loadTileRanking, serverThinnedTile, serverTile, sql, tileCells, toCamel } from '../src/index.js';
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

  it('thins to the highest-priority point of each grid cell and level with its count, as a reference computed from the GeoJSON', async () => {
    const d = LAYERS['risk-points'];
    const z8 = tileAt(...TOWN, 8);
    const all = (await getLayer(t.db, d, { columns: ['id', 'level', 'score'] })).features;
    // 16-px cells of a zoom-8 tile are the zoom-12 tiles (16 × 16 per tile); grouped by level as well.
    const reference = new Map<string, { id: number; level: number; score: number | null; count: number }>();
    const better = (a: { id: number; level: number; score: number | null }, b: { id: number; level: number; score: number | null }) =>
      a.level !== b.level ? a.level < b.level : (a.score ?? -Infinity) !== (b.score ?? -Infinity) ? (a.score ?? -Infinity) > (b.score ?? -Infinity) : a.id < b.id;
    for (const f of all) {
      const [lon, lat] = (f.geometry as { coordinates: [number, number] }).coordinates;
      const at8 = tileAt(lon, lat, 8);
      if (at8.x !== z8.x || at8.y !== z8.y) continue;
      const c = tileAt(lon, lat, 12);
      const p = { id: f.id as number, level: f.properties!.level as number, score: (f.properties!.score as number | null) ?? null };
      const key = `${c.x}/${c.y}/${p.level}`;
      const o = reference.get(key);
      if (!o) reference.set(key, { ...p, count: 1 });
      else reference.set(key, { ...(better(p, o) ? p : o), count: o.count + 1 });
    }
    const ranking = await loadTileRanking(t.db, d, false);
    const cells = tileCells(ranking, z8, 16)[0]!;
    expect(cells.px).toBe(16);
    const ours = cells.ids.map((id, i) => [id, cells.counts[i]]).sort((a, b) => a[0]! - b[0]!);
    expect(ours).toEqual([...reference.values()].map((r) => [r.id, r.count]).sort((a, b) => a[0]! - b[0]!));
    expect(ours.some(([, n]) => n! > 1)).toBe(true);
    // The coarser sizes stand for the same features: every size's counts add up to the tile's.
    const sizes = tileCells(ranking, z8, 16);
    expect(sizes.map((s) => s.px)).toEqual([16, 32, 64, 128, 256]);
    for (const s of sizes) expect(s.counts.reduce((n, c) => n + c, 0)).toBe(all.filter((f) => { const [lon, lat] = (f.geometry as { coordinates: [number, number] }).coordinates; const a = tileAt(lon, lat, 8); return a.x === z8.x && a.y === z8.y; }).length);
    expect(sizes.at(-1)!.ids.length).toBeLessThanOrEqual(4); // 256 px: one per level
  });

  it('thins from a ranking kept per revision: the same tile as without one, and a new revision sees a changed point', async () => {
    const d = LAYERS['risk-points'];
    const z8 = tileAt(...TOWN, 8);
    const budget = { maxFeatures: 40, maxBytes: 64 * 1024, fullDetailZoom: 12, cellPx: 4 };
    const ids = (bytes: Uint8Array) => decodeTileLayer(bytes, 'risk-points').features.map((f) => [f.id, f.properties.count, f.properties.level]);
    const fresh = await layerTile(t.db, backend, d, z8, { budget });
    expect(ids(await layerTile(t.db, backend, d, z8, { budget, revision: `${backend}-a` }))).toEqual(ids(fresh));
    // A lone point moved off the tile: a new revision leaves it out (its count gone).
    const top = decodeTileLayer(fresh, 'risk-points').features.find((f) => f.properties.level === 1 && (f.properties.count as number) === 1) ?? decodeTileLayer(fresh, 'risk-points').features[0]!;
    const before = decodeTileLayer(fresh, 'risk-points').features.reduce((n, f) => n + (f.properties.count as number), 0);
    const { rows: [orig] } = await sql<{ g: string }>`select ST_AsEWKT(geom) as g from risk_points where id = ${top.id!}`.execute(t.db);
    await sql`update risk_points set geom = ST_SetSRID(ST_MakePoint(10, 10), 4326) where id = ${top.id!}`.execute(t.db);
    try {
      const moved = decodeTileLayer(await layerTile(t.db, backend, d, z8, { budget, revision: `${backend}-b` }), 'risk-points').features;
      expect(moved.reduce((n, f) => n + (f.properties.count as number), 0)).toBe(before - 1);
      expect(moved.map((f) => f.id)).not.toContain(top.id);
      expect(ids(await layerTile(t.db, backend, d, z8, { budget }))).toEqual(moved.map((f) => [f.id, f.properties.count, f.properties.level]));
    } finally {
      await sql`update risk_points set geom = ST_GeomFromEWKT(${orig!.g}) where id = ${top.id!}`.execute(t.db);
    }
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
    const cells = tileCells(await loadTileRanking(t.db, d, false), tile, 16)[0]!;
    const a = await serverThinnedTile(t.db, d, tile, columns, false, cells);
    const b = await embeddedThinnedTile(t.db, d, tile, columns, false, cells);
    expect(b.features).toBe(a.features);
    const fa = decodeTileLayer(a.bytes, 'risk-points').features;
    const fb = decodeTileLayer(b.bytes, 'risk-points').features;
    expect(fb.map((f) => [f.id, f.properties.count, f.properties.level])).toEqual(fa.map((f) => [f.id, f.properties.count, f.properties.level]));
    expect(fa.some((f) => (f.properties.count as number) > 1)).toBe(true);
  });
});
