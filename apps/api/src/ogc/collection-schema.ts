import { layerColumnTypes, layerFilterKinds, toCamel, type ColumnType, type Database, type Kysely } from '@riskmap/db';
import { LAYER_SCHEMAS, propertyJsonSchema, type PropertyJsonSchema } from '@riskmap/contract';
import type { ReadableLayer } from './layer-access.js';

/** A JSON Schema (2020-12) fragment describing one property. */
export type PropertySchema = Record<string, unknown>;

const JSON_SCHEMA = 'https://json-schema.org/draft/2020-12/schema';

/** The JSON type of a column the contract does not describe (the server's own: id, version, timestamps), from the catalogue. */
const SCALAR: Record<string, PropertySchema> = {
  int2: { type: 'integer' }, int4: { type: 'integer' }, int8: { type: 'integer' },
  float4: { type: 'number' }, float8: { type: 'number' }, numeric: { type: 'number' },
  bool: { type: 'boolean' }, text: { type: 'string' }, varchar: { type: 'string' }, bpchar: { type: 'string' },
  timestamptz: { type: 'string', format: 'date-time' }, timestamp: { type: 'string', format: 'date-time' }, date: { type: 'string', format: 'date' },
  jsonb: { type: 'object' }, json: { type: 'object' },
};

/**
 * The JSON Schema of a database column's values by its catalogue type alone (what the published type must agree with).
 * @example catalogueSchema({ dataType: 'int4', nullable: false }) // { type: 'integer' }
 */
export function catalogueSchema(t: ColumnType | undefined): PropertySchema {
  return SCALAR[t?.dataType ?? ''] ?? { type: 'string' };
}

/** OGC API – Features Part 5 `format` of a geometry by its GeoJSON type. */
const GEOMETRY_FORMAT: Record<string, string> = { Point: 'geometry-point', Polygon: 'geometry-polygon', MultiPolygon: 'geometry-multipolygon', Geometry: 'geometry-any' };

/** The GeoJSON type the contract's schema of a geometry property takes (`type: { const }`, in a branch of `anyOf` for a shorthand). */
function contractGeometryType(s: PropertyJsonSchema | undefined): string | undefined {
  const branches = [s, ...((s?.anyOf as PropertyJsonSchema[] | undefined) ?? [])];
  for (const b of branches) {
    const type = (b?.properties as Record<string, { const?: unknown }> | undefined)?.type?.const;
    if (typeof type === 'string') return type;
  }
  return undefined;
}

/** A secondary geometry (a township's seat, a shelter's site, a hazard source's boundary) with the Part 5 format of its type. */
function secondaryGeometry(layer: ReadableLayer, column: string): PropertySchema {
  const type = contractGeometryType(propertyJsonSchema(layer.d.id, toCamel(column)));
  return { type: 'object', format: GEOMETRY_FORMAT[type ?? 'Geometry'] ?? 'geometry-any', description: `a GeoJSON ${type ?? 'geometry'}` };
}

/**
 * One property: a secondary geometry as a geometry, an editable property from the contract's zod schema (type, enum,
 * bounds, items; packages/contract propertyJsonSchema), the server's own columns from the catalogue; with the OGC roles.
 */
function propertySchema(layer: ReadableLayer, column: string, t: ColumnType | undefined): PropertySchema {
  if (layer.d.geometryColumns.includes(column)) return secondaryGeometry(layer, column);
  const base = propertyJsonSchema(layer.d.id, toCamel(column)) ?? catalogueSchema(t);
  const role = column === 'id' ? { 'x-ogc-role': 'id' } : column === 'updated_at' ? { 'x-ogc-role': 'primary-instant' } : {};
  return { ...base, ...role };
}

/** One layer's properties (as the role sees them) with their exact JSON types, in column order. */
export interface LayerProperties {
  properties: Record<string, PropertySchema>;
  /**
   * Required properties, as the contract's create schema says for the editable ones (a property a new feature must
   * carry), and for the server's own columns (id, version, timestamps) when their column is never null.
   */
  required: string[];
  /** Properties usable in filters (scalar columns). */
  queryable: string[];
}

/**
 * The properties of a readable layer: the editable ones as the contract's schemas say (integer vs number, enumerations,
 * bounds), the server's own typed from the database catalogue (date-time), so that clients store every value exactly.
 * @example (await layerProperties(db, readable)).properties.effectiveAreaM2 // { type: 'number' }
 */
export async function layerProperties(db: Kysely<Database>, layer: ReadableLayer): Promise<LayerProperties> {
  const [types, kinds] = await Promise.all([layerColumnTypes(db, layer.d), layerFilterKinds(db, layer.d)]);
  const properties: Record<string, PropertySchema> = {};
  const required: string[] = [];
  const queryable: string[] = [];
  const contract = LAYER_SCHEMAS[layer.d.id];
  const editable = new Set(Object.keys(contract.properties.shape));
  const createRequired = new Set(contract.required);
  for (const column of [...layer.d.columns, ...layer.d.geometryColumns]) {
    if (!layer.visibleColumns.includes(column)) continue;
    const name = toCamel(column);
    properties[name] = propertySchema(layer, column, types[column]);
    if (editable.has(name) ? createRequired.has(name) : types[column] && !types[column]!.nullable) required.push(name);
    if (kinds[column]) queryable.push(name);
  }
  return { properties, required, queryable };
}

function primaryGeometry(layer: ReadableLayer): PropertySchema {
  return { 'x-ogc-role': 'primary-geometry', format: GEOMETRY_FORMAT[layer.d.geometryType] ?? 'geometry-any' };
}

/**
 * OGC API – Features Part 5 schema of a collection (`/collections/{id}/schema`): the feature's properties
 * and its primary geometry, each with its JSON type.
 * @example collectionSchema(`${root}/collections/shelters/schema`, readable, props)
 */
export function collectionSchema(id: string, layer: ReadableLayer, p: LayerProperties): object {
  return {
    $schema: JSON_SCHEMA,
    $id: id,
    type: 'object',
    title: layer.d.title.zh,
    description: `${layer.d.title.en} (${layer.d.title.zh})`,
    properties: { ...p.properties, geometry: primaryGeometry(layer) },
    required: p.required,
  };
}

/**
 * The queryables of a collection (`/collections/{id}/queryables`, Part 3): the properties filters and
 * sortby may name, plus the geometry for spatial predicates.
 * @example queryablesDocument(`${root}/collections/shelters/queryables`, readable, props)
 */
export function queryablesDocument(id: string, layer: ReadableLayer, p: LayerProperties): object {
  const properties: Record<string, PropertySchema> = {};
  for (const name of p.queryable) properties[name] = p.properties[name]!;
  properties.geometry = primaryGeometry(layer);
  return {
    $schema: JSON_SCHEMA,
    $id: id,
    type: 'object',
    title: layer.d.title.zh,
    properties,
    additionalProperties: false,
  };
}

/**
 * A JSON Schema of one item as a GeoJSON Feature (linked as `describedBy`): what GDAL's OAPIF driver
 * reads to type each field before it reads any feature.
 * @example featureSchema(`${root}/collections/shelters/feature-schema`, readable, props)
 */
export function featureSchema(id: string, layer: ReadableLayer, p: LayerProperties): object {
  return {
    $schema: JSON_SCHEMA,
    $id: id,
    title: layer.d.title.zh,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'integer' },
      geometry: { type: 'object', format: primaryGeometry(layer).format },
      properties: { type: 'object', properties: p.properties, required: p.required },
    },
  };
}
