import type { FeatureCollection } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON, inBbox } from '../postgis.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { featureFromRow } from '../layers/feature-row.js';

export interface LayerQuery {
  bbox?: [number, number, number, number];
  limit?: number;
  offset?: number;
  /** Only these columns (a subset of the descriptor's), e.g. the public ones. */
  columns?: readonly string[];
}

/**
 * A layer as a GeoJSON FeatureCollection ordered by id, optionally within a bbox and paged.
 * Warehouses carry their stock lines as `stock`.
 * @example const fc = await getLayer(db, LAYERS.shelters, { limit: 100 })
 */
export async function getLayer(db: Kysely<Database>, d: LayerDescriptor, query: LayerQuery = {}): Promise<FeatureCollection> {
  const columns = query.columns ?? d.columns;
  let q = db
    .selectFrom(d.table)
    .select(columns.filter((c) => !d.geometryColumns.includes(c)).map((c) => sql.ref(c).as(c)))
    .select(d.geometryColumns.filter((c) => columns.includes(c) || !query.columns).map((c) => asGeoJSON(c).as(c)))
    .select(asGeoJSON('geom').as('geometry'))
    .orderBy('id' as never);
  if (d.where) q = q.where(sql.ref(d.where.column), '=', d.where.value);
  if (query.bbox) q = q.where(inBbox('geom', query.bbox));
  if (query.limit !== undefined) q = q.limit(query.limit);
  if (query.offset) q = q.offset(query.offset);
  const rows = (await q.execute()) as Record<string, unknown>[];
  const features = rows.map((row) => featureFromRow(d, row));
  if (d.table === 'warehouses' && features.length > 0 && !query.columns) {
    const stock = await db
      .selectFrom('warehouse_stock')
      .select(['warehouse_id', 'item', 'unit', 'quantity', 'minimum'])
      .where('warehouse_id', 'in', features.map((f) => f.id as number))
      .orderBy('id')
      .execute();
    for (const f of features) {
      f.properties!.stock = stock.filter((s) => s.warehouse_id === f.id).map(({ warehouse_id: _, ...line }) => line);
    }
  }
  return { type: 'FeatureCollection', features };
}
