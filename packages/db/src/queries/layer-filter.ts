import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { intersectsBbox } from '../postgis.js';
import type { LayerDescriptor } from '../layers/descriptors.js';

/** A value an attribute filter compares a column with (already parsed to the column's type). */
export type FilterValue = string | number | boolean;

/** Which rows of a layer a read selects; every part is optional and they combine with AND. */
export interface LayerFilter {
  /** lon/lat box [minLon, minLat, maxLon, maxLat]: features whose geometry intersects it (ST_Intersects). */
  bbox?: [number, number, number, number];
  /** updated_at within [from, to] (either end open when null): the OGC `datetime` parameter. */
  updatedBetween?: readonly [Date | null, Date | null];
  /** Further conditions (e.g. a CQL2 filter built with kysely expressions), ANDed. */
  where?: readonly RawBuilder<boolean>[];
  /** column → accepted values (a row matches when the column equals any of them). Columns come from the descriptor. */
  equals?: Readonly<Record<string, readonly FilterValue[]>>;
  /** Only rows the public may see (e.g. shelters with is_public). */
  publicOnly?: boolean;
  /** Only these feature ids. */
  ids?: readonly number[];
}

/** The untyped-row builder every layer read starts from (the table differs per layer). */
export type LayerSelect = SelectQueryBuilder<Database, 'shelters', object>;

/**
 * The live (not soft-deleted) rows of a layer narrowed by a filter, as a kysely select without columns.
 * Only descriptor column names reach SQL (through sql.ref); every value is a bound parameter.
 * @example const n = await filteredLayer(db, LAYERS.shelters, { equals: { status: ['open'] } }).select(sql`count(*)`.as('n')).execute()
 */
export function filteredLayer(db: Kysely<Database>, d: LayerDescriptor, filter: LayerFilter = {}): LayerSelect {
  let q = db.selectFrom(d.table as 'shelters').where(sql.ref('deleted_at'), 'is', null);
  if (d.where) q = q.where(sql.ref(d.where.column), '=', d.where.value);
  if (filter.publicOnly && d.columns.includes('is_public')) q = q.where(sql.ref('is_public'), '=', true);
  if (filter.bbox) q = q.where(intersectsBbox('geom', filter.bbox));
  if (filter.updatedBetween?.[0]) q = q.where(sql.ref('updated_at'), '>=', filter.updatedBetween[0]);
  if (filter.updatedBetween?.[1]) q = q.where(sql.ref('updated_at'), '<=', filter.updatedBetween[1]);
  for (const w of filter.where ?? []) q = q.where(w);
  if (filter.ids) q = filter.ids.length === 0 ? q.where(sql<boolean>`false`) : q.where(sql.ref('id'), 'in', [...filter.ids]);
  for (const [column, values] of Object.entries(filter.equals ?? {})) {
    if (!d.columns.includes(column) || d.jsonColumns.includes(column) || d.geometryColumns.includes(column)) {
      throw new Error(`filteredLayer: "${column}" is not a filterable column of layer ${d.id}`);
    }
    q = values.length === 0 ? q.where(sql<boolean>`false`) : q.where(sql.ref(column), 'in', [...values]);
  }
  return q;
}

/**
 * How many live features of a layer match a filter.
 * @example await countLayer(db, LAYERS.shelters, { publicOnly: true }) // 42
 */
export async function countLayer(db: Kysely<Database>, d: LayerDescriptor, filter: LayerFilter = {}): Promise<number> {
  const row = await filteredLayer(db, d, filter)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
