import { unzipSync } from 'fflate';
import type { LayerId } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import { IMPORT_FORMATS, type ImportEncoding, type ImportFormat, type ReadResult } from './types.js';
import { readGeoJson } from './read-geojson.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { readShapefile } from './read-shapefile.js';

const BY_MEDIA_TYPE: Record<string, ImportFormat> = {
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/zip': 'shapefile',
  'application/x-zip-compressed': 'shapefile',
  'application/x-shapefile': 'shapefile',
};

/** XLSX or zipped Shapefile, told apart by what the zip holds. */
function zipKind(bytes: Uint8Array): ImportFormat {
  try {
    const names: string[] = [];
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
    return names.includes('[Content_Types].xml') ? 'xlsx' : 'shapefile';
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
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (media === '' || media === 'application/octet-stream' || media.startsWith('text/')) return 'csv';
  throw new HttpError(415, 'unsupported_format', `cannot import ${media}; send GeoJSON, CSV, XLSX or a zipped Shapefile (or say which with ?format=)`, {
    fields: [{ field: 'format', message: `unsupported Content-Type ${media}`, allowed: IMPORT_FORMATS }],
  });
}

/**
 * Read an upload of a format into records for a layer (before validation).
 * @example const read = await readImportFile('shelters', 'csv', bytes, 'auto')
 */
export async function readImportFile(layer: LayerId, format: ImportFormat, bytes: Uint8Array, encoding: ImportEncoding): Promise<ReadResult> {
  switch (format) {
    case 'geojson':
      return readGeoJson(bytes, encoding);
    case 'csv':
      return readCsv(layer, bytes, encoding);
    case 'xlsx':
      return readXlsx(layer, bytes);
    case 'shapefile':
      return readShapefile(layer, bytes, encoding);
  }
}
