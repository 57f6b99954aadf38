import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface GeometryCheck {
  /** ST_IsValid of the geometry. */
  valid: boolean;
  /** ST_IsValidReason when not valid. */
  reason: string | null;
  /** Within `toleranceM` of the county boundary (true when no county is stored). */
  insideCounty: boolean;
}

const CHUNK = 500;

/**
 * Check many GeoJSON geometries with PostGIS, one query per 500 (an import of thousands of rows would
 * otherwise pay a round trip per row): OGC-valid, and within `toleranceM` metres of the county
 * (admin_areas level county). Answers in input order.
 * @example const checks = await checkGeometries(db, rows.map((r) => r.geometry), 1000)
 */
export async function checkGeometries(db: Kysely<Database>, geometries: readonly Geometry[], toleranceM: number): Promise<GeometryCheck[]> {
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

/**
 * Check one GeoJSON geometry with PostGIS (the same rule as checkGeometries).
 * @example await checkGeometry(db, { type: 'Point', coordinates: [115.79, 36.11] }, 1000) // { valid: true, reason: null, insideCounty: true }
 */
export async function checkGeometry(db: Kysely<Database>, geometry: Geometry, toleranceM: number): Promise<GeometryCheck> {
  return (await checkGeometries(db, [geometry], toleranceM))[0]!;
}
