import { unzipSync } from 'fflate';
import * as shapefile from 'shapefile';
import type { Geometry } from 'geojson';
import type { LayerId } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import type { ImportEncoding, ReadResult } from './types.js';
import { encodingOfCpg, pickEncoding } from './decode-text.js';
import { recordsFromRows } from './tabular.js';

const GEOGRAPHIC_DATUMS = /WGS_?1984|WGS 84|CHINA_?2000|CGCS_?2000/i;

/**
 * Refuse a .prj that is not geographic WGS84 or CGCS2000 (projected coordinates or another datum); undefined when fine.
 * @example prjProblem('PROJCS["CGCS2000_3_Degree_GK_CM_117E",…]') // 'the Shapefile is projected (…)'
 */
export function prjProblem(prj: string): string | undefined {
  const wkt = prj.trim();
  const name = /^\w+\["([^"]*)"/.exec(wkt)?.[1] ?? '';
  if (/^PROJCS|^PROJCRS/i.test(wkt)) {
    return `the Shapefile is projected ("${name}"); reproject it to geographic WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490) longitude/latitude first`;
  }
  if (!/^GEOGCS|^GEOGCRS|^GEODCRS/i.test(wkt)) return `the .prj is not a coordinate system the importer can read ("${wkt.slice(0, 60)}")`;
  const datum = /DATUM\["([^"]*)"/i.exec(wkt)?.[1] ?? name;
  if (!GEOGRAPHIC_DATUMS.test(datum) && !GEOGRAPHIC_DATUMS.test(name)) {
    return `the Shapefile uses datum "${datum}"; only WGS84 or CGCS2000 longitude/latitude can be imported (reproject Beijing 1954 / Xian 1980 data first)`;
  }
  return undefined;
}

function pick(files: Record<string, Uint8Array>, ext: string): [string, Uint8Array] | undefined {
  const found = Object.entries(files).filter(([n]) => n.toLowerCase().endsWith(ext) && !n.startsWith('__MACOSX/'));
  return found[0];
}

/**
 * Features of a zipped Shapefile (.shp + .dbf, with .prj checked and .cpg naming the DBF encoding); row = record number from 1.
 * @example await readShapefile('shelters', zipBytes, 'auto')
 */
export async function readShapefile(layer: LayerId, bytes: Uint8Array, encoding: ImportEncoding): Promise<ReadResult> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new HttpError(400, 'invalid_file', `not a zip archive: ${(err as Error).message}`, { fields: [{ field: 'body', message: 'not a zip' }] });
  }
  const shps = Object.keys(files).filter((n) => n.toLowerCase().endsWith('.shp') && !n.startsWith('__MACOSX/'));
  if (shps.length !== 1) {
    throw new HttpError(400, 'invalid_file', shps.length ? `the zip holds ${shps.length} Shapefiles (${shps.join(', ')}); send one per import` : 'the zip holds no .shp file', {
      fields: [{ field: 'body', message: 'one .shp expected' }],
    });
  }
  const base = shps[0]!.slice(0, -4);
  const sibling = (ext: string) => pick(Object.fromEntries(Object.entries(files).filter(([n]) => n.slice(0, -ext.length).toLowerCase() === base.toLowerCase())), ext)?.[1];
  const shp = files[shps[0]!]!;
  const dbf = sibling('.dbf');
  if (!dbf) throw new HttpError(400, 'invalid_file', `the zip has ${base}.shp but no ${base}.dbf`, { fields: [{ field: 'body', message: '.dbf missing' }] });
  const warnings: string[] = [];
  const prj = sibling('.prj');
  if (prj) {
    const problem = prjProblem(new TextDecoder().decode(prj));
    if (problem) throw new HttpError(400, 'unsupported_crs', problem, { fields: [{ field: 'prj', message: problem }] });
  } else {
    warnings.push('no .prj in the zip: coordinates taken as the declared crs (longitude/latitude)');
  }
  const cpg = sibling('.cpg');
  const fromCpg = cpg ? encodingOfCpg(new TextDecoder().decode(cpg)) : undefined;
  if (cpg && !fromCpg) warnings.push(`the .cpg names an unknown encoding ("${new TextDecoder().decode(cpg).trim()}"); the encoding was detected instead`);
  const headerLength = dbf.length > 10 ? dbf[8]! | (dbf[9]! << 8) : 0;
  const dbfEncoding = encoding !== 'auto' ? encoding : (fromCpg ?? pickEncoding(dbf.subarray(headerLength), 'auto'));

  const rows: Record<string, unknown>[] = [];
  const geometries: (Geometry | null)[] = [];
  try {
    const source = await shapefile.open(shp, dbf, { encoding: dbfEncoding });
    for (let r = await source.read(); !r.done; r = await source.read()) {
      rows.push(r.value.properties ?? {});
      geometries.push(r.value.geometry as Geometry | null);
    }
  } catch (err) {
    throw new HttpError(400, 'invalid_file', `cannot read the Shapefile: ${(err as Error).message}`, { fields: [{ field: 'body', message: 'unreadable Shapefile' }] });
  }
  const headings = rows[0] ? Object.keys(rows[0]) : [];
  const out = recordsFromRows(layer, rows, (i) => i + 1, headings, geometries);
  return { records: out.records, errors: out.errors, warnings: [...warnings, ...out.warnings], encoding: dbfEncoding };
}
