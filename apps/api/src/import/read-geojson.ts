import type { Geometry } from 'geojson';
import type { LayerId } from '@riskmap/geo';
import { ImportInputError } from './input-error.js';
import type { ImportEncoding, ReadResult } from './types.js';
import { decodeText } from './decode-text.js';
import { recordsFromRows } from './tabular.js';
import type { UserMapping } from './mapping.js';

/**
 * Features of a GeoJSON FeatureCollection (or a single Feature); row = feature number from 1. Property names and
 * values are read through the vocabulary as table columns are (camelCase keys as exported, Chinese or English labels),
 * so a layer's own export imports back; the `crs` member (if any) is returned as `declaredCrs`.
 * @example readGeoJson('shelters', Buffer.from('{"type":"FeatureCollection","features":[]}'), 'auto').records // []
 */
export function readGeoJson(layer: LayerId, bytes: Uint8Array, encoding: ImportEncoding, mapping: UserMapping = {}): ReadResult {
  const { text } = decodeText(bytes, encoding);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportInputError('file.notJson', { detail: (err as Error).message });
  }
  const d = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const features = d?.type === 'FeatureCollection' && Array.isArray(d.features) ? (d.features as unknown[]) : d?.type === 'Feature' ? [doc] : undefined;
  if (!features) {
    throw new ImportInputError('file.notGeoJson', {}, { field: 'type' });
  }
  const errors: ReadResult['errors'] = [];
  const rows: Record<string, unknown>[] = [];
  const numbers: number[] = [];
  const geometries: (Geometry | null)[] = [];
  const headings = new Set<string>();
  features.forEach((f, i) => {
    const row = i + 1;
    const feature = f as { type?: unknown; geometry?: unknown; properties?: unknown };
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      errors.push({ row, field: 'type', code: 'row.notFeature', message: 'not a GeoJSON Feature' });
      return;
    }
    const props = feature.properties && typeof feature.properties === 'object' && !Array.isArray(feature.properties) ? (feature.properties as Record<string, unknown>) : {};
    for (const k of Object.keys(props)) headings.add(k);
    rows.push(props);
    numbers.push(row);
    geometries.push((feature.geometry ?? null) as Geometry | null);
  });
  const out = recordsFromRows(layer, rows, (i) => numbers[i]!, [...headings], geometries, mapping);
  const name = d.crs?.properties?.name;
  return { records: out.records, errors: [...errors, ...out.errors], warnings: out.warnings, mapping: out.mapping, ...(typeof name === 'string' ? { declaredCrs: name, declaredCrsField: 'crs' } : {}) };
}
