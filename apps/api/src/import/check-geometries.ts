import type { Geometry } from 'geojson';
import { sql, type Database, type GeometryCheck, type Kysely } from '@riskmap/db';

const CHUNK = 500;

/**
 * checkGeometry for many geometries at once (one query per 500): OGC-valid and within `toleranceM` metres of the
 * county, in input order. Same rule as checkGeometry in @riskmap/db (a test holds the two to the same answers);
 * an import of thousands of rows would otherwise pay one round trip per row.
 * @example const checks = await checkGeometries(db, rows.map((r) => r.geometry), 1000)
 */
export async function checkGeometries(db: Kysely<Database>, geometries: Geometry[], toleranceM: number): Promise<GeometryCheck[]> {
  const out: GeometryCheck[] = [];
  for (let start = 0; start < geometries.length; start += CHUNK) {
    const texts = geometries.slice(start, start + CHUNK).map((g) => JSON.stringify(g));
    const result = await sql<{ i: string; valid: boolean; reason: string; inside: boolean }>`
      with county as (select geom from admin_areas where level = 'county' and deleted_at is null),
      input as (select t.i, ST_SetSRID(ST_GeomFromGeoJSON(t.j), 4326) as geom from unnest(${texts}::text[]) with ordinality as t(j, i))
      select g.i, ST_IsValid(g.geom) as valid, ST_IsValidReason(g.geom) as reason,
        (not exists (select 1 from county)
          or exists (select 1 from county a where ST_DWithin(a.geom::geography, g.geom::geography, ${toleranceM}))) as inside
      from input g order by g.i`.execute(db);
    for (const r of result.rows) out.push({ valid: r.valid, reason: r.valid ? null : r.reason, insideCounty: r.inside });
  }
  return out;
}
