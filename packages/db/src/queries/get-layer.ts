import type { Feature, FeatureCollection } from 'geojson';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { asGeoJSON } from '../postgis.js';
import type { LayerDescriptor } from '../layers/descriptors.js';
import { featureFromRow } from '../layers/feature-row.js';
import { filteredLayer, type LayerFilter } from './layer-filter.js';

export interface LayerQuery extends LayerFilter {
  limit?: number;
  offset?: number;
  /** Only these columns (a subset of the descriptor's, secondary geometry columns included), e.g. the public ones. */
  columns?: readonly string[];
  /** Warehouses: attach stock lines as `stock` (default: when all columns are read). */
  stock?: boolean;
  /** Sort keys (descriptor columns) before the id, e.g. [{ column: 'capacity', desc: true }]. */
  orderBy?: readonly { column: string; desc?: boolean }[];
}

/**
 * A layer's live features as a GeoJSON FeatureCollection ordered by id, optionally filtered and paged.
 * Warehouses carry their stock lines as `stock`.
 * @example const fc = await getLayer(db, LAYERS.shelters, { limit: 100, equals: { status: ['open'] } })
 */
export async function getLayer(db: Kysely<Database>, d: LayerDescriptor, query: LayerQuery = {}): Promise<FeatureCollection> {
  const columns = query.columns ?? [...d.columns, ...d.geometryColumns];
  for (const c of columns) {
    if (!d.columns.includes(c) && !d.geometryColumns.includes(c)) throw new Error(`getLayer: "${c}" is not a column of layer ${d.id}`);
  }
  let q = filteredLayer(db, d, query)
    .select(columns.filter((c) => !d.geometryColumns.includes(c)).map((c) => sql.ref(c).as(c)))
    .select(d.geometryColumns.filter((c) => columns.includes(c)).map((c) => asGeoJSON(c).as(c)))
    .select(asGeoJSON('geom').as('geometry'));
  for (const o of query.orderBy ?? []) {
    if (!d.columns.includes(o.column)) throw new Error(`getLayer: cannot sort by "${o.column}" of layer ${d.id}`);
    q = q.orderBy(sql.ref(o.column), o.desc ? 'desc' : 'asc');
  }
  q = q.orderBy(sql.ref('id'));
  if (query.limit !== undefined) q = q.limit(query.limit);
  if (query.offset) q = q.offset(query.offset);
  const rows = (await q.execute()) as Record<string, unknown>[];
  const features = rows.map((row) => featureFromRow(d, row));
  if (d.table === 'warehouses' && features.length > 0 && (query.stock ?? !query.columns)) {
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

/**
 * One live feature of a layer by id (within the same filter and columns as getLayer), or undefined.
 * @example const f = await getLayerFeature(db, LAYERS.shelters, 3, { publicOnly: true })
 */
export async function getLayerFeature(db: Kysely<Database>, d: LayerDescriptor, id: number, query: Omit<LayerQuery, 'ids' | 'limit' | 'offset'> = {}): Promise<Feature | undefined> {
  const fc = await getLayer(db, d, { ...query, ids: [id] });
  return fc.features[0];
}
