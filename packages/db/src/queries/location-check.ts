import type { Geometry } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One geometry to place: the geometry and, for a feature's main geometry, the township code it claims. */
export interface LocationInput {
  geometry: Geometry;
  /** The township code the feature carries (null/undefined: none given). */
  townshipCode?: string | null;
}

export interface LocationCheck {
  /** ST_IsValid of the geometry. */
  valid: boolean;
  /** ST_IsValidReason when not valid. */
  reason: string | null;
  /** Within the county tolerance of the county boundary (true when no county is stored). */
  insideCounty: boolean;
  /** The township the geometry lies in (distance 0 first, else the nearest within the township tolerance), or null. */
  locatedIn: string | null;
  /** The claimed township code names a live township (true when none is claimed). */
  codeExists: boolean;
  /** The geometry lies within the township tolerance of the claimed township (true when none is claimed). */
  codeMatches: boolean;
  /** Covered by the scope township grown by the township tolerance (true when there is no scope). */
  inScope: boolean;
}

export interface LocationOptions {
  /** Metres outside the county boundary a geometry may lie (geometry.countyToleranceM). */
  countyToleranceM: number;
  /** Metres outside a township's outline a geometry still counts as in it (geometry.townshipToleranceM). */
  townshipToleranceM: number;
  /** The township a scoped editor is limited to (null: no scope). */
  scope?: string | null;
}

const CHUNK = 500;

/**
 * Place many GeoJSON geometries with PostGIS, one query per 500: valid, inside the county, which township they
 * lie in, whether a claimed township code exists and matches the location, and whether they lie in a scope
 * township. Answers in input order; invalid geometries get no spatial answers (false/null).
 * Cost: a geometry that touches the county or a township's outline (the usual case) is settled by a planar
 * ST_Intersects with PostGIS's cached prepared outline; only the others pay the geodesic distance to every outline
 * (in the embedded database that distance is ~50× dearer, and an import checks tens of thousands of rows).
 * @example const [c] = await checkLocations(db, [{ geometry: pt, townshipCode: '371521100' }], { countyToleranceM: 1000, townshipToleranceM: 100 })
 */
export async function checkLocations(db: Kysely<Database>, inputs: readonly LocationInput[], options: LocationOptions): Promise<LocationCheck[]> {
  const out: LocationCheck[] = [];
  const scope = options.scope ?? null;
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const chunk = inputs.slice(start, start + CHUNK);
    const texts = chunk.map((g) => JSON.stringify(g.geometry));
    const codes = chunk.map((g) => g.townshipCode ?? null);
    const result = await sql<{ i: string; valid: boolean; reason: string; inside: boolean; located: string | null; code_exists: boolean; code_matches: boolean; in_scope: boolean }>`
      with county as materialized (select geom from admin_areas where level = 'county' and deleted_at is null),
      towns as materialized (select code, geom from admin_areas where level = 'township' and deleted_at is null),
      scope as materialized (
        select ST_Buffer(geom::geography, ${options.townshipToleranceM})::geometry as geom from towns where code = ${scope}::text),
      input as materialized (
        select t.i, t.code, ST_SetSRID(ST_GeomFromGeoJSON(t.j), 4326) as geom
        from unnest(${texts}::text[], ${codes}::text[]) with ordinality as t(j, code, i)),
      checked as materialized (select i, code, geom, ST_IsValid(geom) as valid from input)
      select g.i, g.valid, case when not g.valid then ST_IsValidReason(g.geom) end as reason,
        (g.valid and (not exists (select 1 from county)
          or exists (select 1 from county a where case when ST_Intersects(a.geom, g.geom) then true
            else ST_DWithin(a.geom::geography, g.geom::geography, ${options.countyToleranceM}) end))) as inside,
        case when g.valid then coalesce(
          (select t.code from towns t where ST_Intersects(t.geom, g.geom) order by t.code limit 1),
          (select t.code from towns t where ST_DWithin(t.geom::geography, g.geom::geography, ${options.townshipToleranceM})
            order by ST_Distance(t.geom::geography, g.geom::geography), t.code limit 1)) end as located,
        (g.code is null or exists (select 1 from towns t where t.code = g.code)) as code_exists,
        (g.code is null or (g.valid and exists (select 1 from towns t where t.code = g.code
          and case when ST_Intersects(t.geom, g.geom) then true
            else ST_DWithin(t.geom::geography, g.geom::geography, ${options.townshipToleranceM}) end))) as code_matches,
        (${scope}::text is null or (g.valid and exists (select 1 from scope s where ST_CoveredBy(g.geom, s.geom)))) as in_scope
      from checked g order by g.i`.execute(db);
    for (const r of result.rows) {
      out.push({
        valid: r.valid,
        reason: r.valid ? null : r.reason,
        insideCounty: r.inside,
        locatedIn: r.located,
        codeExists: r.code_exists,
        codeMatches: r.code_matches,
        inScope: r.in_scope,
      });
    }
  }
  return out;
}
