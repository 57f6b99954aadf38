import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Geometry, Position } from 'geojson';
import type { LayerId } from '@riskmap/geo';
import { ImportInputError } from './input-error.js';
import type { ReadResult } from './types.js';
import { recordsFromRows } from './tabular.js';
import type { UserMapping } from './mapping.js';
import { unzipCapped } from './inflate-cap.js';

/** KML keeps an altitude on every position; the layers store 2-D positions. */
function flat(g: Geometry | null): Geometry | null {
  if (!g || g.type === 'GeometryCollection') return g;
  const drop = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? (c as Position).slice(0, 2) : (c as unknown[]).map(drop));
  return { ...g, coordinates: drop(g.coordinates) } as Geometry;
}

const STYLE_KEYS = new Set(['styleUrl', 'styleHash', 'styleMapHash', 'stroke', 'stroke-opacity', 'stroke-width', 'fill', 'fill-opacity', 'icon', 'visibility', 'timestamp']);

/**
 * Placemarks of a KML document or KMZ archive (doc.kml or the first .kml inside), read with @tmcw/togeojson:
 * name, ExtendedData fields and the geometry (longitude/latitude, WGS84 by the KML standard); row = placemark number.
 * @example await readKml('shelters', bytes, false)
 */
export function readKml(layer: LayerId, bytes: Uint8Array, zipped: boolean, maxInflatedBytes: number, mapping: UserMapping = {}): ReadResult {
  let text: string;
  if (zipped) {
    const files = unzipCapped(bytes, maxInflatedBytes);
    const name = Object.keys(files).find((n) => n.toLowerCase() === 'doc.kml') ?? Object.keys(files).find((n) => n.toLowerCase().endsWith('.kml'));
    if (!name) throw new ImportInputError('file.kmzNoKml');
    text = new TextDecoder('utf-8').decode(files[name]);
  } else text = new TextDecoder('utf-8').decode(bytes);
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: (level, msg) => void (level === 'fatalError' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  } catch (err) {
    // xmldom throws on a fatal error after reporting it
    throw new ImportInputError('file.notKml', { detail: errors[0] ?? (err as Error).message });
  }
  if (errors.length || !doc.getElementsByTagName('kml').length) {
    throw new ImportInputError('file.notKml', { detail: errors[0] ?? 'no <kml> element' });
  }
  const fc = kml(doc as unknown as Document);
  const rows: Record<string, unknown>[] = [];
  const geometries: (Geometry | null)[] = [];
  const headings = new Set<string>();
  for (const f of fc.features) {
    const props = Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => !STYLE_KEYS.has(k)));
    for (const k of Object.keys(props)) headings.add(k);
    rows.push(props);
    geometries.push(flat(f.geometry as Geometry | null));
  }
  const out = recordsFromRows(layer, rows, (i) => i + 1, [...headings], geometries, mapping);
  return { records: out.records, errors: out.errors, warnings: out.warnings, mapping: out.mapping, declaredCrs: 'EPSG:4326', declaredCrsField: 'kml' };
}
