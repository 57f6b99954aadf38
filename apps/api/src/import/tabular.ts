import type { z } from 'zod';
import type { Geometry } from 'geojson';
import type { LayerId } from '@riskmap/geo';
import { LAYER_SCHEMAS } from '../validation/index.js';
import type { RawRecord, RowError } from './types.js';

/** Columns a table may carry that the server owns (e.g. from an export): read past without a warning. */
const SERVER_OWNED = new Set(['id', 'version', 'createdat', 'updatedat', 'created_at', 'updated_at', 'deletedat', 'deleted_at', 'stock']);
const LON = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT = ['lat', 'latitude', 'y', '纬度'];
const ALIASES: Record<string, string> = { 名称: 'name', 编码: 'code', 编号: 'code' };

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const key = (s: string) => s.trim().toLowerCase();

/** How a table's columns map to a layer: property per column, the lon/lat or geometry columns, and columns left out. */
export interface ColumnPlan {
  properties: Map<string, string>;
  lon?: string;
  lat?: string;
  geometry?: string;
  ignored: string[];
}

/**
 * Map column headings to the layer's properties: camelCase, snake_case, or the 10-character DBF truncation,
 * any case; lon/lng/经度 and lat/纬度 (or a `geometry` column of GeoJSON text) give the position.
 * @example planColumns('shelters', ['name', 'effectiveA', '经度', '纬度']).properties.get('effectiveA') // 'effectiveAreaM2'
 */
export function planColumns(layer: LayerId, headings: string[]): ColumnPlan {
  const shape = LAYER_SCHEMAS[layer].properties.shape;
  const byKey = new Map<string, string>();
  for (const p of Object.keys(shape)) {
    for (const k of [p, snake(p), p.slice(0, 10), snake(p).slice(0, 10)]) if (!byKey.has(key(k))) byKey.set(key(k), p);
  }
  const plan: ColumnPlan = { properties: new Map(), ignored: [] };
  for (const h of headings) {
    const k = key(h);
    const prop = byKey.get(k) ?? (ALIASES[h.trim()] && byKey.get(ALIASES[h.trim()]!));
    if (prop && ![...plan.properties.values()].includes(prop)) plan.properties.set(h, prop);
    else if (!plan.lon && LON.includes(k)) plan.lon = h;
    else if (!plan.lat && LAT.includes(k)) plan.lat = h;
    else if (!plan.geometry && (k === 'geometry' || k === 'geojson')) plan.geometry = h;
    else if (!SERVER_OWNED.has(k) && h.trim() !== '') plan.ignored.push(h);
  }
  return plan;
}

/** The innermost type name of a property schema (`number`, `string`, `boolean`, `array`, `enum`, `object`, …). */
function kindOf(schema: z.ZodType): string {
  let def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = (def.innerType as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  }
  return def.type;
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '对', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', 'f']);

/**
 * A cell value as the property's schema expects it: numbers from numeric text, booleans from true/false/是/否,
 * arrays and objects from JSON text (arrays also from `a;b` or `a、b`), text from numbers and dates. Blank → undefined.
 * Values that cannot be read are passed on unchanged so the schema names the problem.
 * @example coerceCell(ShelterProps.shape.capacity, '1500') // 1500
 */
export function coerceCell(schema: z.ZodType, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  const kind = kindOf(schema);
  if (value instanceof Date) return kind === 'string' ? value.toISOString().slice(0, 10) : value;
  if (kind === 'number') return typeof value === 'string' && Number.isFinite(Number(value.trim())) ? Number(value.trim()) : value;
  if (kind === 'boolean' && typeof value !== 'boolean') {
    const v = String(value).trim().toLowerCase();
    return TRUE.has(v) ? true : FALSE.has(v) ? false : value;
  }
  if (kind === 'string' || kind === 'enum') return typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && ['array', 'object', 'record', 'union'].includes(kind)) {
    const t = value.trim();
    if (t.startsWith('[') || t.startsWith('{')) {
      try {
        return JSON.parse(t);
      } catch {
        return value;
      }
    }
    if (kind === 'array') return t.split(/[;；、|]/).map((s) => s.trim()).filter(Boolean);
  }
  return value;
}

function position(cells: Record<string, unknown>, plan: ColumnPlan, row: number, errors: RowError[]): Geometry | undefined {
  if (plan.geometry && cells[plan.geometry] !== undefined && String(cells[plan.geometry]).trim() !== '') {
    try {
      return JSON.parse(String(cells[plan.geometry])) as Geometry;
    } catch {
      errors.push({ row, field: 'geometry', column: plan.geometry, message: 'not GeoJSON geometry text' });
      return undefined;
    }
  }
  const read = (heading: string | undefined, field: 'lon' | 'lat'): number | undefined => {
    const raw = heading ? cells[heading] : undefined;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN;
    if (Number.isFinite(n)) return n;
    const given = raw === undefined || raw === null || String(raw).trim() === '' ? 'missing' : `"${String(raw)}" is not a number`;
    errors.push({ row, field, ...(heading ? { column: heading } : {}), message: `${field === 'lon' ? 'longitude' : 'latitude'} ${given}` });
    return undefined;
  };
  const lon = read(plan.lon, 'lon');
  const lat = read(plan.lat, 'lat');
  return lon === undefined || lat === undefined ? undefined : { type: 'Point', coordinates: [lon, lat] };
}

/**
 * Records of a layer from table rows (heading → cell), with the position from lon/lat or a geometry column
 * (or given per row, as a Shapefile's shapes are).
 * @example recordsFromRows('shelters', [{ name: '人民广场', lon: '115.79', lat: '36.11' }], (i) => i + 2)
 */
export function recordsFromRows(
  layer: LayerId,
  rows: Record<string, unknown>[],
  rowNumber: (index: number) => number,
  headings: string[],
  geometries?: (Geometry | null)[],
): { records: RawRecord[]; errors: RowError[]; warnings: string[] } {
  const plan = planColumns(layer, headings);
  const warnings = plan.ignored.length ? [`columns not part of layer ${layer} were left out: ${plan.ignored.join(', ')}`] : [];
  if (!geometries && !plan.geometry && !(plan.lon && plan.lat)) {
    return { records: [], errors: [{ row: 1, field: 'lon', message: 'no position columns: expected lon and lat (or 经度 and 纬度, or a geometry column of GeoJSON)' }], warnings };
  }
  const shape = LAYER_SCHEMAS[layer].properties.shape;
  const records: RawRecord[] = [];
  const errors: RowError[] = [];
  rows.forEach((cells, i) => {
    const row = rowNumber(i);
    const properties: Record<string, unknown> = {};
    const columns: Record<string, string> = {};
    for (const [heading, prop] of plan.properties) {
      const v = coerceCell(shape[prop] as z.ZodType, cells[heading]);
      if (v !== undefined) properties[prop] = v;
      columns[prop] = heading;
    }
    records.push({ row, geometry: geometries ? geometries[i] : position(cells, plan, row, errors), properties, columns });
  });
  return { records, errors, warnings };
}
