import { unzipSync } from 'fflate';
import type { LayerId } from '@riskmap/geo';
import { ImportInputError } from './input-error.js';
import { IMPORT_FORMATS, type ImportEncoding, type ImportFormat, type ReadResult } from './types.js';
import { readGeoJson } from './read-geojson.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { readShapefile } from './read-shapefile.js';
import type { UserMapping } from './mapping.js';
import { readGeoPackage } from './read-geopackage.js';
import { readKml } from './read-kml.js';
import { assertInflatedSize } from './inflate-cap.js';

const BY_MEDIA_TYPE: Record<string, ImportFormat> = {
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'shapefile',
  'application/x-zip-compressed': 'shapefile',
  'application/x-shapefile': 'shapefile',
  'application/geopackage+sqlite3': 'geopackage',
  'application/x-sqlite3': 'geopackage',
  'application/vnd.sqlite3': 'geopackage',
  'application/vnd.google-earth.kml+xml': 'kml',
  'application/vnd.google-earth.kmz': 'kmz',
};

/** XLSX, KMZ or zipped Shapefile, told apart by what the zip holds. */
function zipKind(bytes: Uint8Array): ImportFormat {
  try {
    const names: string[] = [];
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
    if (names.includes('[Content_Types].xml')) return 'xlsx';
    return names.some((n) => n.toLowerCase().endsWith('.kml')) && !names.some((n) => n.toLowerCase().endsWith('.shp')) ? 'kmz' : 'shapefile';
  } catch {
    return 'shapefile';
  }
}

/**
 * The format of an upload: the `format` parameter, else the Content-Type, else sniffed from the bytes (zip, JSON, text).
 * @example importFormat(undefined, 'text/csv; charset=gbk', bytes) // 'csv'
 */
export function importFormat(declared: ImportFormat | undefined, contentType: string | undefined, bytes: Uint8Array): ImportFormat {
  if (declared) return declared;
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (media === 'application/zip' || media === 'application/x-zip-compressed') return zipKind(bytes);
  if (BY_MEDIA_TYPE[media]) return BY_MEDIA_TYPE[media]!;
  if (isZip) return zipKind(bytes);
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('SQLite format 3')) return 'geopackage';
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/.test(head)) return 'kml';
  if (media === '' || media === 'application/octet-stream' || media.startsWith('text/')) return 'csv';
  throw new ImportInputError('file.unsupportedFormat', { media }, { field: 'format' }, { allowed: IMPORT_FORMATS });
}

/**
 * Read an upload of a format into records for a layer (before validation).
 * @example const read = await readImportFile('shelters', 'csv', bytes, 'auto')
 */
export async function readImportFile(layer: LayerId, format: ImportFormat, bytes: Uint8Array, encoding: ImportEncoding, mapping: UserMapping = {}, maxInflatedBytes = Infinity): Promise<ReadResult> {
  switch (format) {
    case 'geojson':
      return readGeoJson(layer, bytes, encoding, mapping);
    case 'csv':
      return readCsv(layer, bytes, encoding, mapping);
    case 'xlsx':
      assertInflatedSize(bytes, maxInflatedBytes);
      return readXlsx(layer, bytes, mapping);
    case 'shapefile':
      return readShapefile(layer, bytes, encoding, mapping, maxInflatedBytes);
    case 'geopackage':
      return readGeoPackage(layer, bytes, mapping);
    case 'kml':
    case 'kmz':
      return readKml(layer, bytes, format === 'kmz', maxInflatedBytes, mapping);
  }
}
