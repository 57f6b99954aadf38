import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON } from '../postgis.js';

/**
 * Context areas (neighbouring counties) for the offline base map, simplified geometry as stored.
 * @example (await contextAreas(db)).features.length // 7 in the sample
 */
export async function contextAreas(db: Kysely<Database>): Promise<FeatureCollection<MultiPolygon, { code: string; name: string; kind: string }>> {
  const rows = await db.selectFrom('context_areas').select(['id', 'code', 'name', 'kind', asGeoJSON<MultiPolygon>('geom').as('geometry')]).orderBy('id').execute();
  return {
    type: 'FeatureCollection',
    features: rows.map(({ id, geometry, ...properties }) => ({ type: 'Feature', id, geometry, properties })),
  };
}
