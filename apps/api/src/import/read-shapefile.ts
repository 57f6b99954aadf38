import { unzipCapped } from './inflate-cap.js';
import * as shapefile from 'shapefile';
import type { Geometry } from 'geojson';
import { InputError, crsFromWkt, type LayerId } from '@riskmap/geo';
import { ImportInputError } from './input-error.js';
import type { ImportEncoding, ImportNote, ReadResult } from './types.js';
import { encodingOfCpg, pickEncoding } from './decode-text.js';
import { recordsFromRows } from './tabular.js';
import type { UserMapping } from './mapping.js';

function pick(files: Record<string, Uint8Array>, ext: string): [string, Uint8Array] | undefined {
  const found = Object.entries(files).filter(([n]) => n.toLowerCase().endsWith(ext) && !n.startsWith('__MACOSX/'));
  return found[0];
}

/**
 * Features of a zipped Shapefile (.shp + .dbf, with .prj checked and .cpg naming the DBF encoding); row = record number from 1.
 * @example await readShapefile('shelters', zipBytes, 'auto')
 */
export async function readShapefile(layer: LayerId, bytes: Uint8Array, encoding: ImportEncoding, mapping: UserMapping = {}, maxInflatedBytes = Infinity): Promise<ReadResult> {
  const files = unzipCapped(bytes, maxInflatedBytes);
  const shps = Object.keys(files).filter((n) => n.toLowerCase().endsWith('.shp') && !n.startsWith('__MACOSX/'));
  if (shps.length !== 1) {
    throw shps.length ? new ImportInputError('file.manyShp', { count: shps.length, names: shps.join(', ') }) : new ImportInputError('file.noShp');
  }
  const base = shps[0]!.slice(0, -4);
  const sibling = (ext: string) => pick(Object.fromEntries(Object.entries(files).filter(([n]) => n.slice(0, -ext.length).toLowerCase() === base.toLowerCase())), ext)?.[1];
  const shp = files[shps[0]!]!;
  const dbf = sibling('.dbf');
  if (!dbf) throw new ImportInputError('file.noDbf', { base });
  const warnings: ImportNote[] = [];
  const prj = sibling('.prj');
  let declaredCrs: string | undefined;
  if (prj) {
    try {
      declaredCrs = crsFromWkt(new TextDecoder().decode(prj), 'prj').code;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new ImportInputError('crs.prjUnsupported', { detail: err.message }, { field: 'prj' });
    }
  } else {
    warnings.push({ key: 'note.noPrj' });
  }
  const cpg = sibling('.cpg');
  const fromCpg = cpg ? encodingOfCpg(new TextDecoder().decode(cpg)) : undefined;
  if (cpg && !fromCpg) warnings.push({ key: 'note.unknownCpg', params: { cpg: new TextDecoder().decode(cpg).trim() } });
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
    throw new ImportInputError('file.badShapefile', { detail: (err as Error).message });
  }
  const headings = rows[0] ? Object.keys(rows[0]) : [];
  const out = recordsFromRows(layer, rows, (i) => i + 1, headings, geometries, mapping);
  return { records: out.records, errors: out.errors, warnings: [...warnings, ...out.warnings], encoding: dbfEncoding, mapping: out.mapping, ...(declaredCrs ? { declaredCrs, declaredCrsField: 'prj' } : {}) };
}
