import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const OGR2OGR = '/usr/bin/ogr2ogr';
export const HAS_GDAL = existsSync(OGR2OGR) && existsSync('/usr/bin/python3');

/** One GeoPackage table as read back with SQLite: declared column types and rows keyed by column. */
export interface GpkgTable {
  types: Record<string, string>;
  rows: Record<string, unknown>[];
}

const DUMP = `
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1])
out = {}
for (name,) in con.execute("select table_name from gpkg_contents"):
    cols = con.execute('pragma table_info("%s")' % name.replace('"', '""')).fetchall()
    types = {c[1]: c[2] for c in cols}
    geom = [r[0] for r in con.execute("select column_name from gpkg_geometry_columns where table_name = ?", (name,))]
    keep = [c[1] for c in cols if c[1] not in geom]
    rows = [dict(zip(keep, r)) for r in con.execute('select %s from "%s"' % (", ".join('"%s"' % k for k in keep), name))]
    out[name] = {"types": types, "rows": rows}
print(json.dumps(out))
`;

/**
 * Every table of a GeoPackage (declared types and all rows, geometry blobs left out), read with Python's sqlite3.
 * @example const tables = await readGpkg('/tmp/x.gpkg'); tables.shelters.types.effective_area_m2 // 'REAL'
 */
export async function readGpkg(path: string): Promise<Record<string, GpkgTable>> {
  const { stdout } = await run('/usr/bin/python3', ['-c', DUMP, path], { maxBuffer: 256 << 20 });
  return JSON.parse(stdout) as Record<string, GpkgTable>;
}

/** The GeoPackage column types a JSON Schema property may become for its values to survive exactly. */
export function expectedGpkgTypes(schema: { type?: string; format?: string }): string[] {
  return schema.type === 'integer' ? ['INTEGER', 'MEDIUMINT'] : [expectedGpkgType(schema)];
}

function expectedGpkgType(schema: { type?: string; format?: string }): string {
  if (schema.type === 'integer') return 'INTEGER';
  if (schema.type === 'number') return 'REAL';
  if (schema.type === 'boolean') return 'BOOLEAN';
  if (schema.type === 'string' && schema.format === 'date-time') return 'DATETIME';
  if (schema.type === 'string' && schema.format === 'date') return 'DATE';
  return 'TEXT';
}

/**
 * Differences between a property value from /api/layers and the value GDAL stored in the GeoPackage
 * (booleans as 0/1, date-times as text, arrays/objects as JSON text); '' when equal.
 * @example compareValue({ type: 'number' }, 1.4, 1.4) // ''
 */
export function compareValue(schema: { type?: string; format?: string; items?: { type?: string } }, api: unknown, stored: unknown): string {
  const show = () => `api ${JSON.stringify(api)} ≠ gpkg ${JSON.stringify(stored)}`;
  if (api === null || api === undefined) return stored === null ? '' : show();
  switch (schema.type) {
    case 'integer':
    case 'number':
      return typeof stored === 'number' && stored === api ? '' : show();
    case 'boolean':
      return stored === (api ? 1 : 0) ? '' : show();
    case 'string':
      if (schema.format === 'date-time') return typeof stored === 'string' && new Date(stored).getTime() === new Date(api as string).getTime() ? '' : show();
      return stored === api ? '' : show();
    default: {
      if (typeof stored !== 'string') return show();
      // GDAL keeps a list of strings as a StringList field, which GeoPackage stores as "(count:a,b,…)"
      const list = schema.type === 'array' && schema.items?.type === 'string' ? /^\((\d+):(.*)\)$/s.exec(stored) : null;
      if (list) return JSON.stringify(Number(list[1]) === 0 ? [] : list[2]!.split(',')) === JSON.stringify(api) ? '' : show();
      try {
        return canonical(JSON.parse(stored)) === canonical(api) ? '' : show();
      } catch {
        return show();
      }
    }
  }
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
