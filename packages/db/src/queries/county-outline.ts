import type { Feature, MultiPolygon } from 'geojson';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON } from '../postgis.js';

/**
 * The county (admin_areas level 'county') as a GeoJSON feature, or null when none is loaded.
 * @example (await countyOutline(db))?.properties.name // '阳谷县'
 */
export async function countyOutline(db: Kysely<Database>): Promise<Feature<MultiPolygon, { code: string; name: string; population: number; sample: boolean }> | null> {
  const row = await db
    .selectFrom('admin_areas')
    .select(['code', 'name', 'population', 'sample', asGeoJSON<MultiPolygon>('geom').as('geometry')])
    .where('level', '=', 'county')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return null;
  const { geometry, ...properties } = row;
  return { type: 'Feature', geometry, properties };
}
