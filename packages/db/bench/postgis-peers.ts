/**
 * @riskmap/geo beside PostGIS, on the same data in the same run:
 *  - e-map: 100,000 risk points → 200 m hex cells over the county (geo) vs the ST_HexagonGrid join (PostGIS, EPSG:4548 metres);
 *  - per-capita: 150 townships × 20,000 shelters (geo) vs the PostGIS GROUP BY, equal to 1e-6.
 * Run: npm run bench (or: cd packages/db && npx tsx bench/postgis-peers.ts). Embedded always; the server too with DATABASE_URL.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '@riskmap/config/env';
import { domainDefaults } from '@riskmap/config';
import { createMetricGrid, riskEmapByGrid, shelterAreaPerCapita } from '@riskmap/geo';
import { generateSample } from '@riskmap/sample';
import type { FeatureCollection, Point } from 'geojson';
import { openDatabase, migrateToLatest, perCapitaSql, loadSample, countyOutline, type RiskmapDb, type DatabaseSettings } from '../src/index.js';
import { withDatabase } from '../src/testing/template.js';
import { syntheticPerCapita, syntheticRiskPoints } from './synthetic.js';

const best = async (runs: number, f: () => Promise<unknown> | unknown) => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};

async function emap(label: string, o: RiskmapDb) {
  const county = (await countyOutline(o.db))!;
  const points = syntheticRiskPoints(county, 100_000, 7);
  await sql`create temporary table bench_points (level smallint, g geometry(Point, 4548))`.execute(o.db);
  for (let i = 0; i < points.features.length; i += 5_000) {
    const chunk = points.features.slice(i, i + 5_000);
    await sql`insert into bench_points select l, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 4326), 4548)
      from unnest(${chunk.map((f) => f.properties.level)}::smallint[], ${chunk.map((f) => f.geometry.coordinates[0])}::float8[], ${chunk.map((f) => f.geometry.coordinates[1])}::float8[]) as u(l, x, y)`.execute(o.db);
  }
  await sql`create index on bench_points using gist (g)`.execute(o.db);
  await sql`analyze bench_points`.execute(o.db);

  const grid = createMetricGrid(county, { cellM: 200, shape: 'hex' }, domainDefaults.emap);
  let geoResult!: ReturnType<typeof riskEmapByGrid>;
  const geoMs = await best(5, () => (geoResult = riskEmapByGrid(county, points, { cellM: 200, shape: 'hex', grid, riskLevels: domainDefaults.riskLevels })));
  const gridMs = await best(1, () => createMetricGrid(county, { cellM: 200, shape: 'hex' }, domainDefaults.emap));
  const assigned = geoResult.features.reduce((s, f) => s + f.properties.total, 0);

  let peerCells = 0;
  let peerPoints = 0;
  const peerMs = await best(1, async () => {
    const { rows } = await sql<{ cells: number; points: number }>`
      with c as (select ST_Transform(geom, 4548) g from admin_areas where level = 'county'),
      cells as (select h.geom, h.i, h.j from c, ST_HexagonGrid(200, c.g) h where ST_Intersects(h.geom, c.g)),
      hit as (select cells.i, cells.j, min(p.level) lvl, count(*) n from cells join bench_points p on ST_Intersects(cells.geom, p.g) group by cells.i, cells.j)
      select count(*)::int cells, sum(n)::int points from hit`.execute(o.db);
    peerCells = rows[0]!.cells;
    peerPoints = rows[0]!.points;
  });
  console.log(
    `e-map 100k pts → 200 m hex  ${label.padEnd(9)} geo ${geoMs.toFixed(1)} ms (+ grid build ${gridMs.toFixed(0)} ms, cached per size) · ${geoResult.features.length} cells with points · ${assigned} assigned, ${geoResult.unassigned} unassigned | PostGIS ST_HexagonGrid join ${peerMs.toFixed(0)} ms · ${peerCells} cells, ${peerPoints} points (boundary points may count in 2 cells)`,
  );
  if (geoResult.unassigned !== 0 || assigned !== 100_000) process.exitCode = 1;
}

async function perCapita(label: string, o: RiskmapDb) {
  const { townships, shelters } = syntheticPerCapita(150, 20_000, 11);
  await o.db.transaction().execute(async (trx) => {
    for (const t of townships.features) {
      await trx.insertInto('admin_areas').values({ code: t.properties.code, name: t.properties.name, level: 'township', population: t.properties.population, kind: 'town', geom: sql`ST_Multi(ST_GeomFromGeoJSON(${JSON.stringify(t.geometry)}))` }).execute();
    }
    for (let i = 0; i < shelters.features.length; i += 1_000) {
      const rows = shelters.features.slice(i, i + 1_000).map((s) => ({
        code: s.properties.code, name: s.properties.code, shelter_class: 'emergency', site_type: 'park', total_area_m2: s.properties.effectiveAreaM2 * 2,
        effective_area_m2: s.properties.effectiveAreaM2, capacity: s.properties.capacity, status: s.properties.status, township_code: s.properties.townshipCode,
        is_public: true, geom: sql`ST_SetSRID(ST_MakePoint(${s.geometry.coordinates[0]!}, ${s.geometry.coordinates[1]!}), 4326)`,
      }));
      await trx.insertInto('shelters').values(rows).execute();
    }
  });
  let geo!: ReturnType<typeof shelterAreaPerCapita>;
  const geoMs = await best(5, () => (geo = shelterAreaPerCapita(townships, shelters, { shelters: domainDefaults.shelters })));
  let rows!: Awaited<ReturnType<typeof perCapitaSql>>;
  const sqlMs = await best(3, async () => (rows = await perCapitaSql(o.db, ['built', 'open'])));
  let maxDiff = 0;
  for (const r of rows) {
    const g = geo.townships.find((t) => t.townshipCode === r.code)!;
    maxDiff = Math.max(maxDiff, Math.abs(g.effectiveAreaM2 - r.effectiveAreaM2));
  }
  console.log(`per-capita 150 × 20,000     ${label.padEnd(9)} geo ${geoMs.toFixed(1)} ms (target ≤ 100 ms) | PostGIS GROUP BY ${sqlMs.toFixed(1)} ms · max |Δ area| ${maxDiff.toExponential(1)} m² (must be ≤ 1e-6)`);
  if (maxDiff > 1e-6 || geoMs > 100) process.exitCode = 1;
}

async function run(label: string, settings: DatabaseSettings) {
  const o = await openDatabase(settings);
  try {
    await migrateToLatest(o.db);
    await loadSample(o.db, generateSample());
    await emap(label, o);
    await o.db.deleteFrom('shelters').execute();
    await o.db.deleteFrom('admin_areas').where('level', '=', 'township').execute();
    await perCapita(label, o);
  } finally {
    await o.close();
  }
}

await run('embedded', { backend: 'embedded' });
const database = loadConfig().database;
if (database.backend === 'server') {
  const name = `riskmap_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    await run('server', { backend: 'server', url: withDatabase(database.url, name) });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} else {
  console.log('(server peers skipped: set DATABASE_URL to measure PostgreSQL beside PGlite)');
}
export type { FeatureCollection, Point };
