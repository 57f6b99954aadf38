import type { Feature, Geometry } from 'geojson';

import { geomFromGeoJSON, multiPolygonFromGeoJSON } from '../postgis.js';
import { toCamel } from './case.js';
import type { LayerDescriptor } from './descriptors.js';

const GENERATED = new Set(['id', 'version', 'created_at', 'updated_at']);

/**
 * Insertable column values from a GeoJSON feature of a layer: known properties only (camelCase →
 * column), jsonb columns as JSON text, geometry through ST_GeomFromGeoJSON.
 */
export function rowFromFeature(d: LayerDescriptor, feature: Feature<Geometry | null, Record<string, unknown>>): Record<string, unknown> {
  const props = feature.properties ?? {};
  const row: Record<string, unknown> = {};
  for (const column of d.columns) {
    if (GENERATED.has(column)) continue;
    const value = props[toCamel(column)];
    if (value === undefined) continue;
    row[column] = d.jsonColumns.includes(column) ? JSON.stringify(value) : value;
  }
  for (const column of d.geometryColumns) {
    const value = props[toCamel(column)] as Geometry | [number, number] | null | undefined;
    if (value === undefined) continue;
    row[column] = value === null ? null : geomFromGeoJSON(Array.isArray(value) ? { type: 'Point', coordinates: value } : value);
  }
  if (d.where) row[d.where.column] = d.where.value;
  if (feature.geometry) row.geom = d.geometryType === 'MultiPolygon' ? multiPolygonFromGeoJSON(feature.geometry) : geomFromGeoJSON(feature.geometry);
  return row;
}

/** A GeoJSON feature from a selected row (`geometry` holds ST_AsGeoJSON output). */
export function featureFromRow(d: LayerDescriptor, row: Record<string, unknown>): Feature {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'geometry') continue;
    properties[toCamel(key)] = value instanceof Date ? value.toISOString() : value;
  }
  return { type: 'Feature', id: row.id as number, geometry: (row.geometry as Geometry) ?? null, properties };
}

