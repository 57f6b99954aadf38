import type { z } from 'zod';
import type { Geometry } from 'geojson';
import { fieldSpec } from '@riskmap/contract';
import type { LayerId } from '@riskmap/geo';
import { LAYER_SCHEMAS } from '../validation/index.js';
import { ImportInputError } from './input-error.js';
import type { ImportNote, RawRecord, RowError } from './types.js';
import { detectMapping, type ColumnMatch, type UserMapping } from './mapping.js';
import { coerceValue } from './coerce.js';
import { parseGeometryText } from './geometry-text.js';

/** How a table's columns map to a layer: property per column, the lon/lat or geometry columns, the version column, and columns left out. */
export interface ColumnPlan {
  properties: Map<string, string>;
  lon?: string;
  lat?: string;
  geometry?: string;
  version?: string;
  ignored: string[];
  mapping: ColumnMatch[];
}

/**
 * Map column headings to the layer's properties through the vocabulary (see detectMapping), the user's mapping first.
 * @example planColumns('shelters', ['名称', '有效面积（m²）', '经度', '纬度']).properties.get('有效面积（m²）') // 'effectiveAreaM2'
 */
export function planColumns(layer: LayerId, headings: string[], user: UserMapping = {}): ColumnPlan {
  const mapping = detectMapping(layer, headings, user);
  const plan: ColumnPlan = { properties: new Map(), ignored: [], mapping };
  for (const m of mapping) {
    if (m.field === 'lon' || m.field === 'lat' || m.field === 'geometry' || m.field === 'version') plan[m.field] = m.column;
    else if (m.field) plan.properties.set(m.column, m.field);
    else if (m.how !== 'server' && m.how !== 'user') plan.ignored.push(m.column);
  }
  return plan;
}

function cellNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN;
}

function position(cells: Record<string, unknown>, plan: ColumnPlan, row: number, errors: RowError[]): Geometry | undefined {
  if (plan.geometry && cells[plan.geometry] !== undefined && String(cells[plan.geometry]).trim() !== '') {
    const g = parseGeometryText(String(cells[plan.geometry]));
    if (g) return g.geometry;
    errors.push({ row, field: 'geometry', column: plan.geometry, code: 'geometry.notText', message: 'not WKT or GeoJSON geometry text' });
    return undefined;
  }
  const read = (heading: string | undefined, field: 'lon' | 'lat'): number | undefined => {
    const raw = heading ? cells[heading] : undefined;
    const n = cellNumber(raw);
    if (Number.isFinite(n)) return n;
    const missing = raw === undefined || raw === null || String(raw).trim() === '';
    const given = missing ? 'missing' : `"${String(raw)}" is not a number`;
    errors.push({
      row, field, ...(heading ? { column: heading } : {}),
      code: missing ? 'position.missing' : 'position.notNumber', params: { axis: field, value: missing ? '' : String(raw) },
      message: `${field === 'lon' ? 'longitude' : 'latitude'} ${given}`,
    });
    return undefined;
  };
  const lon = read(plan.lon, 'lon');
  const lat = read(plan.lat, 'lat');
  return lon === undefined || lat === undefined ? undefined : { type: 'Point', coordinates: [lon, lat] };
}

/**
 * Records of a layer from table rows (heading → cell), with the position from lon/lat or a geometry column
 * (or given per row, as a Shapefile's shapes or GeoJSON geometries are). Values are read through the vocabulary.
 * @example recordsFromRows('shelters', [{ 名称: '人民广场', 经度: '115.79', 纬度: '36.11' }], (i) => i + 2, ['名称', '经度', '纬度'])
 */
export function recordsFromRows(
  layer: LayerId,
  rows: Record<string, unknown>[],
  rowNumber: (index: number) => number,
  headings: string[],
  geometries?: (Geometry | null)[],
  user: UserMapping = {},
): { records: RawRecord[]; errors: RowError[]; warnings: ImportNote[]; mapping: ColumnMatch[] } {
  const plan = planColumns(layer, headings, user);
  const warnings: ImportNote[] = plan.ignored.length ? [{ key: 'note.leftOut', params: { layer, columns: plan.ignored.join(', ') } }] : [];
  if (!geometries && !plan.geometry && !(plan.lon && plan.lat)) {
    return {
      records: [],
      errors: [{ row: 1, field: 'lon', code: 'position.none', message: 'no position columns: expected lon and lat (or 经度 and 纬度, or a geometry column of WKT or GeoJSON)' }],
      warnings,
      mapping: plan.mapping,
    };
  }
  const shape = LAYER_SCHEMAS[layer].properties.shape;
  const specs = new Map([...plan.properties.values()].map((p) => [p, fieldSpec(layer, p)]));
  const records: RawRecord[] = [];
  const errors: RowError[] = [];
  rows.forEach((cells, i) => {
    const row = rowNumber(i);
    for (const [heading, v] of Object.entries(cells)) {
      if (typeof v === 'string' && v.includes('\u0000')) {
        throw new ImportInputError('file.nul', { row, column: heading }, { field: heading, row, column: heading });
      }
    }
    const properties: Record<string, unknown> = {};
    const columns: Record<string, string> = {};
    const raw: Record<string, unknown> = {};
    for (const [heading, prop] of plan.properties) {
      const v = coerceValue(specs.get(prop), shape[prop] as z.ZodType | undefined, cells[heading]);
      if (v !== undefined) properties[prop] = v;
      columns[prop] = heading;
      raw[prop] = cells[heading];
    }
    if (!geometries) columns.geometry = plan.geometry ?? `${plan.lon}/${plan.lat}`;
    const version = plan.version ? cellNumber(cells[plan.version]) : Number.NaN;
    records.push({ row, geometry: geometries ? geometries[i] : position(cells, plan, row, errors), properties, columns, raw, ...(Number.isInteger(version) ? { version } : {}) });
  });
  return { records, errors, warnings, mapping: plan.mapping };
}
