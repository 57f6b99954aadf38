import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { LAYERS, type LayerDescriptor } from '../layers/descriptors.js';
import { filteredLayer } from './layer-filter.js';

export interface LayerSummary {
  id: LayerDescriptor['id'];
  title: { zh: string; en: string };
  geometryType: LayerDescriptor['geometryType'];
  /** Whether anonymous users may read the layer. */
  public: boolean;
  count: number;
  /** [minLon, minLat, maxLon, maxLat] of the live features, or null when there are none. */
  extent: [number, number, number, number] | null;
}

/**
 * Count and extent of one layer's live features (only the rows the public may see when `publicOnly`).
 * @example await layerSummary(db, LAYERS.shelters) // { id: 'shelters', count: 40, extent: [115.6, 35.9, 116.0, 36.3], … }
 */
export async function layerSummary(db: Kysely<Database>, d: LayerDescriptor, options: { publicOnly?: boolean } = {}): Promise<LayerSummary> {
  const row = await filteredLayer(db, d, { publicOnly: options.publicOnly })
    .select([
      sql<string>`count(*)`.as('n'),
      sql<number | null>`ST_XMin(ST_Extent(${sql.ref('geom')}))`.as('x0'),
      sql<number | null>`ST_YMin(ST_Extent(${sql.ref('geom')}))`.as('y0'),
      sql<number | null>`ST_XMax(ST_Extent(${sql.ref('geom')}))`.as('x1'),
      sql<number | null>`ST_YMax(ST_Extent(${sql.ref('geom')}))`.as('y1'),
    ])
    .executeTakeFirstOrThrow();
  const extent = row.x0 === null || row.y0 === null || row.x1 === null || row.y1 === null ? null : ([row.x0, row.y0, row.x1, row.y1].map(Number) as [number, number, number, number]);
  return { id: d.id, title: d.title, geometryType: d.geometryType, public: d.publicColumns !== 'none', count: Number(row.n), extent };
}

/**
 * The catalogue of every layer (or only the public ones, counted as the public sees them).
 * @example (await layerCatalogue(db, { publicOnly: true })).map((l) => l.id) // ['townships', 'shelters', …]
 */
export async function layerCatalogue(db: Kysely<Database>, options: { publicOnly?: boolean } = {}): Promise<LayerSummary[]> {
  const layers = Object.values(LAYERS).filter((d) => !options.publicOnly || d.publicColumns !== 'none');
  return Promise.all(layers.map((d) => layerSummary(db, d, options)));
}
