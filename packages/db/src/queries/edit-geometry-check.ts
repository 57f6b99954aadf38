import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { geomFromGeoJSON } from '../postgis.js';

export interface GeometryCheck {
  /** ST_IsValid of the geometry. */
  valid: boolean;
  /** ST_IsValidReason when not valid. */
  reason: string | null;
  /** Within `toleranceM` of the county boundary (true when no county is stored). */
  insideCounty: boolean;
}

/**
 * Check a GeoJSON geometry with PostGIS: valid (OGC) and within `toleranceM` metres of the county (admin_areas level county).
 * @example await checkGeometry(db, { type: 'Point', coordinates: [115.79, 36.11] }, 1000) // { valid: true, reason: null, insideCounty: true }
 */
export async function checkGeometry(db: Kysely<Database>, geometry: Geometry, toleranceM: number): Promise<GeometryCheck> {
  const g = geomFromGeoJSON(geometry);
  const row = await sql<{ valid: boolean; reason: string; inside: boolean }>`
    select ST_IsValid(g.geom) as valid, ST_IsValidReason(g.geom) as reason,
      (not exists (select 1 from admin_areas where level = 'county' and deleted_at is null)
        or exists (select 1 from admin_areas a where a.level = 'county' and a.deleted_at is null
          and ST_DWithin(a.geom::geography, g.geom::geography, ${toleranceM}))) as inside
    from (select ${g} as geom) g`.execute(db);
  const r = row.rows[0]!;
  return { valid: r.valid, reason: r.valid ? null : r.reason, insideCounty: r.inside };
}
