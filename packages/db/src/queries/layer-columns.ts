import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LayerDescriptor } from '../layers/descriptors.js';

/** How a filterable column's values are parsed from text: the scalar kinds attribute filters accept. */
export type FilterKind = 'integer' | 'number' | 'boolean' | 'text';

const KIND_BY_PG_TYPE: Record<string, FilterKind> = {
  int2: 'integer', int4: 'integer', int8: 'integer', float4: 'number', float8: 'number', numeric: 'number',
  bool: 'boolean', text: 'text', varchar: 'text', bpchar: 'text',
};

const cache = new WeakMap<Kysely<Database>, Promise<Map<string, Map<string, string>>>>();

function tableTypes(db: Kysely<Database>): Promise<Map<string, Map<string, string>>> {
  let hit = cache.get(db);
  if (!hit) {
    hit = db.introspection.getTables().then((tables) => new Map(tables.map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.dataType]))])));
    hit.catch(() => cache.delete(db));
    cache.set(db, hit);
  }
  return hit;
}

/**
 * The columns of a layer that attribute filters may compare (scalar, non-json, non-geometry), with how
 * to parse their values; read from the database catalogue once per connection.
 * @example await layerFilterKinds(db, LAYERS.shelters) // { status: 'text', capacity: 'integer', is_public: 'boolean', … }
 */
export async function layerFilterKinds(db: Kysely<Database>, d: LayerDescriptor): Promise<Record<string, FilterKind>> {
  const types = (await tableTypes(db)).get(d.table);
  const kinds: Record<string, FilterKind> = {};
  for (const column of d.columns) {
    if (d.jsonColumns.includes(column) || d.geometryColumns.includes(column)) continue;
    const kind = KIND_BY_PG_TYPE[types?.get(column) ?? ''];
    if (kind) kinds[column] = kind;
  }
  return kinds;
}

/** A layer column as the database catalogue declares it. */
export interface ColumnType {
  /** PostgreSQL type name, e.g. int4, float8, text, bool, timestamptz, jsonb, geometry. */
  dataType: string;
  nullable: boolean;
}

/**
 * Every descriptor column (and secondary geometry column) of a layer with its catalogue type and
 * nullability; read once per connection, like layerFilterKinds.
 * @example (await layerColumnTypes(db, LAYERS.shelters)).effective_area_m2 // { dataType: 'float8', nullable: false }
 */
export async function layerColumnTypes(db: Kysely<Database>, d: LayerDescriptor): Promise<Record<string, ColumnType>> {
  const columns = (await tableColumns(db)).get(d.table);
  const out: Record<string, ColumnType> = {};
  for (const column of [...d.columns, ...d.geometryColumns]) {
    const c = columns?.get(column);
    if (c) out[column] = c;
  }
  return out;
}

const columnCache = new WeakMap<Kysely<Database>, Promise<Map<string, Map<string, ColumnType>>>>();

function tableColumns(db: Kysely<Database>): Promise<Map<string, Map<string, ColumnType>>> {
  let hit = columnCache.get(db);
  if (!hit) {
    hit = db.introspection
      .getTables()
      .then((tables) => new Map(tables.map((t) => [t.name, new Map(t.columns.map((c) => [c.name, { dataType: c.dataType, nullable: c.isNullable }]))])));
    hit.catch(() => columnCache.delete(db));
    columnCache.set(db, hit);
  }
  return hit;
}
