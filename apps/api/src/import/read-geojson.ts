import type { Geometry } from 'geojson';
import { HttpError } from '../http/http-error.js';
import type { ImportEncoding, ReadResult } from './types.js';
import { decodeText } from './decode-text.js';

/**
 * Features of a GeoJSON FeatureCollection (or a single Feature); row = feature number from 1. Properties are
 * passed on as given, so the layer's schema judges them as the editing routes do.
 * @example readGeoJson(Buffer.from('{"type":"FeatureCollection","features":[]}'), 'auto').records // []
 */
export function readGeoJson(bytes: Uint8Array, encoding: ImportEncoding): ReadResult {
  const { text } = decodeText(bytes, encoding);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'invalid_file', `not JSON: ${(err as Error).message}`, { fields: [{ field: 'body', message: 'not JSON' }] });
  }
  const d = doc as { type?: unknown; features?: unknown };
  const features = d?.type === 'FeatureCollection' && Array.isArray(d.features) ? (d.features as unknown[]) : d?.type === 'Feature' ? [doc] : undefined;
  if (!features) {
    throw new HttpError(400, 'invalid_file', 'expected a GeoJSON FeatureCollection or Feature', { fields: [{ field: 'type', message: 'expected FeatureCollection or Feature' }] });
  }
  const result: ReadResult = { records: [], errors: [], warnings: [] };
  features.forEach((f, i) => {
    const row = i + 1;
    const feature = f as { type?: unknown; geometry?: unknown; properties?: unknown };
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      result.errors.push({ row, field: 'type', message: 'not a GeoJSON Feature' });
      return;
    }
    const props = feature.properties && typeof feature.properties === 'object' && !Array.isArray(feature.properties) ? (feature.properties as Record<string, unknown>) : {};
    result.records.push({ row, geometry: feature.geometry as Geometry | null, properties: props });
  });
  return result;
}
