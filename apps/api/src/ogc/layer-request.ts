import { layerFilterKinds, toCamel, type Database, type FilterValue, type Kysely, type LayerQuery } from '@riskmap/db';
import { HttpError } from '../http/http-error.js';
import type { ReadableLayer } from './layer-access.js';

/** Parsed reading parameters shared by /api/layers/:id and /ogc items. */
export interface ReadingParams {
  bbox?: [number, number, number, number];
  limit: number;
  offset: number;
  fields?: string[];
  /** Parameters that are not reading parameters: attribute filters by property name. */
  filters: Record<string, string | string[]>;
}

/** property name (camelCase or snake_case) → column, among the given columns. */
function columnByName(columns: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of columns) {
    m.set(c, c);
    m.set(toCamel(c), c);
  }
  return m;
}

function parseValue(kind: string, raw: string, field: string): FilterValue {
  if (kind === 'integer' && /^-?\d+$/.test(raw)) return Number(raw);
  if (kind === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (kind === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (kind === 'text') return raw;
  throw new HttpError(400, 'invalid_input', `${field}: "${raw}" is not a valid ${kind}`, { fields: [{ field, message: `expected ${kind}` }] });
}

/**
 * Turn validated reading parameters into a layer query for the role: `fields` and filters must name
 * properties the role can see (400 naming the field otherwise), filter values are parsed to the column type.
 * @example const q = await layerQuery(db, readable, { limit: 10, offset: 0, filters: { status: 'open' } })
 */
export async function layerQuery(db: Kysely<Database>, layer: ReadableLayer, p: ReadingParams): Promise<LayerQuery> {
  const { d, publicOnly, visibleColumns } = layer;
  const byName = columnByName(visibleColumns);
  let columns: string[] | undefined;
  if (p.fields) {
    columns = ['id'];
    for (const name of p.fields) {
      const c = byName.get(name);
      if (!c) {
        throw new HttpError(400, 'invalid_input', `fields: unknown property "${name}"`, {
          fields: [{ field: 'fields', message: `unknown property "${name}"`, allowed: visibleColumns.map(toCamel) }],
        });
      }
      if (!columns.includes(c)) columns.push(c);
    }
  } else if (publicOnly) {
    columns = [...visibleColumns];
  }
  const kinds = await layerFilterKinds(db, d);
  const filterable = visibleColumns.filter((c) => kinds[c]);
  const filterBy = columnByName(filterable);
  const equals: Record<string, FilterValue[]> = {};
  for (const [name, raw] of Object.entries(p.filters)) {
    const c = filterBy.get(name);
    if (!c) {
      throw new HttpError(400, 'invalid_input', `${name}: not a filterable property of layer ${d.id}`, {
        fields: [{ field: name, message: 'unknown query parameter or not a filterable property', allowed: filterable.map(toCamel) }],
      });
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => parseValue(kinds[c]!, v, name));
    equals[c] = [...(equals[c] ?? []), ...values];
  }
  return {
    ...(p.bbox ? { bbox: p.bbox } : {}),
    equals,
    publicOnly,
    limit: p.limit,
    offset: p.offset,
    ...(columns ? { columns } : {}),
  };
}

/**
 * The request's own URL with some query parameters replaced (paging links).
 * @example urlWith('http://h/api/layers/shelters', { limit: '5' }, { offset: 5 }) // 'http://h/api/layers/shelters?limit=5&offset=5'
 */
export function urlWith(base: string, query: Record<string, unknown>, changes: Record<string, string | number>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v]) if (typeof one === 'string') u.searchParams.append(k, one);
  }
  for (const [k, v] of Object.entries(changes)) u.searchParams.set(k, String(v));
  return u.toString();
}
