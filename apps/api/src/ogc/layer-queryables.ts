import { layerColumnTypes, layerFilterKinds, toCamel, type Database, type Kysely } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import type { ReadableLayer } from './layer-access.js';
import { Cql2SyntaxError } from './cql2/ast.js';
import { parseCql2 } from './cql2/parse.js';
import { cql2InCrs84 } from './cql2/filter-crs.js';
import type { CrsInfo } from '@riskmap/geo';
import { cql2ToSql, Cql2TypeError, type Queryable } from './cql2/to-sql.js';
import type { RawBuilder } from '@riskmap/db';

/**
 * The properties a CQL2 filter or sortby may name for a layer as the role sees it (camelCase and
 * snake_case names), with their columns and kinds; `geometry` is the primary geometry.
 * @example (await layerQueryables(db, readable)).get('capacity') // { column: 'capacity', kind: 'integer' }
 */
export async function layerQueryables(db: Kysely<Database>, layer: ReadableLayer): Promise<Map<string, Queryable>> {
  const [kinds, types] = await Promise.all([layerFilterKinds(db, layer.d), layerColumnTypes(db, layer.d)]);
  const out = new Map<string, Queryable>([['geometry', { column: 'geom', kind: 'geometry' }]]);
  for (const column of layer.visibleColumns) {
    const kind = kinds[column] ?? (types[column]?.dataType.startsWith('timestamp') ? 'timestamp' : layer.d.geometryColumns.includes(column) ? 'geometry' : undefined);
    if (!kind) continue;
    out.set(toCamel(column), { column, kind });
    out.set(column, { column, kind });
  }
  return out;
}

/**
 * A CQL2 text filter as a parameterised SQL condition; 400 naming `filter` (with the position) when it
 * does not parse or names an unknown queryable. Geometry literals are in `filterCrs` (the `filter-crs` parameter; default CRS84).
 * @example const where = cql2Filter("capacity > 100", queryables)
 */
export function cql2Filter(text: string, queryables: Map<string, Queryable>, filterCrs?: CrsInfo): RawBuilder<boolean> {
  try {
    const parsed = parseCql2(text);
    return cql2ToSql(filterCrs ? cql2InCrs84(parsed, filterCrs) : parsed, queryables);
  } catch (e) {
    if (e instanceof Cql2SyntaxError || e instanceof Cql2TypeError) {
      throw new HttpError(400, 'invalid_filter', `filter: ${e.message}`, { fields: [{ field: 'filter', message: e.message }] });
    }
    throw e;
  }
}

/**
 * `sortby` (e.g. `-capacity,name`) as sort keys over scalar queryables; 400 naming `sortby` otherwise.
 * @example sortKeys('-capacity', queryables) // [{ column: 'capacity', desc: true }]
 */
export function sortKeys(sortby: string, queryables: Map<string, Queryable>): { column: string; desc: boolean }[] {
  return sortby.split(',').map((raw) => {
    const s = raw.trim();
    const name = s.replace(/^[+-]/, '');
    const q = queryables.get(name);
    if (!q || q.kind === 'geometry') {
      const allowed = [...queryables.entries()].filter(([n, v]) => v.kind !== 'geometry' && n === toCamel(v.column)).map(([n]) => n);
      throw new HttpError(400, 'invalid_input', `sortby: cannot sort by "${name}"`, { fields: [{ field: 'sortby', message: `unknown or unsortable property "${name}"`, allowed }] });
    }
    return { column: q.column, desc: s.startsWith('-') };
  });
}
