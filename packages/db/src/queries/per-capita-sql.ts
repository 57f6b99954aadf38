import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface PerCapitaSqlRow {
  code: string;
  population: number;
  effectiveAreaM2: number;
  shelterCount: number;
}

/**
 * Effective shelter area and shelter count per township by a PostGIS GROUP BY (shelters assigned by
 * township_code), counting only shelters whose status is in `statuses`. The reference the TypeScript
 * per-capita computation is checked against.
 * @example await perCapitaSql(db, ['built', 'open'])
 */
export async function perCapitaSql(db: Kysely<Database>, statuses: readonly string[]): Promise<PerCapitaSqlRow[]> {
  const rows = await db
    .selectFrom('admin_areas as t')
    .leftJoin('shelters as s', (join) => join.onRef('s.township_code', '=', 't.code').on('s.status', 'in', [...statuses]))
    .select([
      't.code as code',
      't.population as population',
      sql<number>`coalesce(sum(s.effective_area_m2), 0)::float8`.as('effective_area_m2'),
      sql<number>`count(s.id)::int`.as('shelter_count'),
    ])
    .where('t.level', '=', 'township')
    .groupBy(['t.code', 't.population'])
    .orderBy('t.code')
    .execute();
  return rows.map((r) => ({ code: r.code, population: r.population, effectiveAreaM2: r.effective_area_m2, shelterCount: r.shelter_count }));
}
