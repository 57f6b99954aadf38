import initSqlJs from 'sql.js';
import wkx from 'wkx';
import type { Geometry } from 'geojson';
import { crsFromWkt, type LayerId } from '@riskmap/geo';
import { ImportInputError } from './input-error.js';
import type { ImportNote, ReadResult } from './types.js';
import { recordsFromRows } from './tabular.js';
import type { UserMapping } from './mapping.js';

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

/** A GeoPackage geometry blob (GP header, optional envelope, then WKB) as GeoJSON; null for an empty one. */
export function gpkgGeometry(blob: Uint8Array | null): Geometry | null {
  if (!blob || blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return null;
  const flags = blob[3]!;
  if (flags & 0x10) return null; // empty geometry
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07] ?? 0;
  return wkx.Geometry.parse(Buffer.from(blob.buffer, blob.byteOffset + 8 + envelope, blob.length - 8 - envelope)).toGeoJSON() as Geometry;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Features of a GeoPackage (an SQLite file, read with sql.js): the first feature table of gpkg_contents, its
 * geometry column, and its spatial reference (EPSG code or WKT definition) as the declared CRS; row = feature number.
 * @example await readGeoPackage('shelters', bytes)
 */
export async function readGeoPackage(layer: LayerId, bytes: Uint8Array, mapping: UserMapping = {}): Promise<ReadResult> {
  const SQL = await (sqlJs ??= initSqlJs());
  let db;
  try {
    db = new SQL.Database(bytes);
  } catch (err) {
    throw new ImportInputError('file.notGeoPackage', { detail: (err as Error).message });
  }
  try {
    const one = (query: string, params: (string | number)[] = []) => {
      const st = db.prepare(query, params);
      const row = st.step() ? st.getAsObject() : undefined;
      st.free();
      return row;
    };
    let tables: string[];
    try {
      tables = (db.exec("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")[0]?.values ?? []).map((r) => String(r[0]));
    } catch {
      throw new ImportInputError('file.notGeoPackage', { detail: 'the SQLite file has no gpkg_contents table' });
    }
    if (!tables.length) throw new ImportInputError('file.noFeatureTable');
    const warnings: ImportNote[] = tables.length > 1 ? [{ key: 'note.manyTables', params: { count: tables.length, tables: tables.join(', '), read: tables[0] } }] : [];
    const table = tables[0]!;
    const gc = one('SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?', [table]);
    const geomColumn = String(gc?.column_name ?? 'geom');
    const srs = gc ? one('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [Number(gc.srs_id)]) : undefined;
    let declaredCrs: string | undefined;
    if (srs && String(srs.organization).toUpperCase() === 'EPSG' && Number(srs.organization_coordsys_id) > 0) declaredCrs = `EPSG:${srs.organization_coordsys_id}`;
    else if (srs && typeof srs.definition === 'string' && srs.definition !== 'undefined') declaredCrs = crsFromWkt(srs.definition, 'srs').code;
    const rows: Record<string, unknown>[] = [];
    const geometries: (Geometry | null)[] = [];
    const st = db.prepare(`SELECT * FROM ${ident(table)}`);
    const headings = st.getColumnNames().filter((c) => c !== geomColumn && c.toLowerCase() !== 'fid');
    while (st.step()) {
      const r = st.getAsObject();
      geometries.push(gpkgGeometry(r[geomColumn] as Uint8Array | null));
      rows.push(Object.fromEntries(headings.map((h) => [h, r[h]])));
    }
    st.free();
    const out = recordsFromRows(layer, rows, (i) => i + 1, headings, geometries, mapping);
    return { records: out.records, errors: out.errors, warnings: [...warnings, ...out.warnings], mapping: out.mapping, ...(declaredCrs ? { declaredCrs, declaredCrsField: 'srs' } : {}) };
  } finally {
    db.close();
  }
}
