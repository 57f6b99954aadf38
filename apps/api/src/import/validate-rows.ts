import type { Feature, Geometry } from 'geojson';
import { checkGeometries, type Database, type EditableFeature, type Kysely, type LayerDescriptor } from '@riskmap/db';
import { convertCoordinates } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import type { SessionUser } from '../http/role.js';
import { createFeatureSchema } from '../validation/index.js';
import { crossFieldCheck, scopeCheck } from '../routes/edit-rules.js';
import type { ImportCrs, RawRecord, RowError } from './types.js';

/** A record that passed every check: its geometry in WGS84 and its parsed properties. */
export interface ValidRow {
  row: number;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

/** Geometry (and secondary geometry properties such as a shelter's site) converted from the declared system to WGS84. */
function toWgs84(d: LayerDescriptor, geometry: Geometry, props: Record<string, unknown>, crs: ImportCrs): { geometry: Geometry; properties: Record<string, unknown> } {
  if (crs === 'wgs84' || crs === 'cgcs2000') return { geometry, properties: props };
  const properties = { ...props };
  for (const column of d.geometryColumns) {
    const name = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = properties[name];
    if (Array.isArray(v)) properties[name] = convertCoordinates({ type: 'Point', coordinates: v as number[] }, crs, 'wgs84').coordinates;
    else if (v && typeof v === 'object') properties[name] = convertCoordinates(v as Geometry, crs, 'wgs84');
  }
  return { geometry: convertCoordinates(geometry, crs, 'wgs84'), properties };
}

/** The field errors an editing rule (HttpError with details.fields) reports for a record, or none. */
function ruleErrors(rule: ((f: EditableFeature) => void) | undefined, d: LayerDescriptor, row: ValidRow): { field: string; message: string }[] {
  if (!rule) return [];
  const props = row.properties;
  const feature: Feature = { type: 'Feature', geometry: row.geometry, properties: props };
  const townshipCode = ((d.id === 'townships' ? props.code : props.townshipCode) as string | null | undefined) ?? null;
  try {
    rule({ feature, version: 0, deletedAt: null, townshipCode });
    return [];
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    const details = err.details as { fields?: { field: string; message: string }[]; field?: string } | undefined;
    return details?.fields ?? [{ field: details?.field ?? 'properties', message: err.message }];
  }
}

/** Codes among `codes` that a row of the layer's table already has (deleted rows too: codes stay unique). */
async function existingCodes(db: Kysely<Database>, d: LayerDescriptor, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db.selectFrom(d.table as 'shelters').select('code').where('code', 'in', codes.slice(i, i + 1000)).execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/**
 * Validate records as the editing routes validate a new feature: the layer's zod schema, coordinates converted from
 * the declared system, the cross-field and township-scope rules, geometry valid and inside the county (PostGIS), and
 * codes new (in the file and in the database). Returns the good rows and every problem by row and field.
 * @example const { valid, errors } = await validateRecords(db, LAYERS.shelters, read.records, 'gcj02', user, 1000)
 */
export async function validateRecords(db: Kysely<Database>, d: LayerDescriptor, records: RawRecord[], crs: ImportCrs, user: SessionUser, countyToleranceM: number): Promise<{ valid: ValidRow[]; errors: RowError[] }> {
  const schema = createFeatureSchema(d.id);
  const rules = [crossFieldCheck(d), scopeCheck(user)];
  const errors: RowError[] = [];
  const parsed: ValidRow[] = [];
  for (const rec of records) {
    const columnOf = (field: string) => {
      const c = rec.columns?.[field.replace(/^properties\./, '').split('.')[0]!];
      return c ? { column: c } : {};
    };
    const result = schema.safeParse({ type: 'Feature', geometry: rec.geometry ?? null, properties: rec.properties });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || 'feature';
        if (rec.geometry === undefined && field.startsWith('geometry')) continue; // the reader already named the position problem
        errors.push({ row: rec.row, field, message: issue.message, ...columnOf(field) });
      }
      continue;
    }
    if (rec.geometry === undefined) continue;
    const row = { row: rec.row, ...toWgs84(d, result.data.geometry as Geometry, result.data.properties as Record<string, unknown>, crs) };
    const broken = rules.flatMap((rule) => ruleErrors(rule, d, row));
    if (broken.length) {
      for (const b of broken) errors.push({ row: rec.row, field: b.field, message: b.message, ...columnOf(b.field) });
      continue;
    }
    parsed.push(row);
  }

  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  const taken = await existingCodes(db, d, [...new Set(parsed.map((r) => String(r.properties.code)))]);
  const checks = await checkGeometries(db, parsed.map((r) => r.geometry), countyToleranceM);
  for (const [i, row] of parsed.entries()) {
    const code = String(row.properties.code);
    const rowErrors: RowError[] = [];
    const c = checks[i]!;
    if (!c.valid) rowErrors.push({ row: row.row, field: 'geometry', message: `not valid (${c.reason})` });
    else if (!c.insideCounty) rowErrors.push({ row: row.row, field: 'geometry', message: `outside the county (more than ${countyToleranceM} m from its boundary)` });
    if (taken.has(code)) rowErrors.push({ row: row.row, field: 'properties.code', message: `code "${code}" already exists in ${d.id} (possibly deleted: restore it instead)` });
    else if (seen.has(code)) rowErrors.push({ row: row.row, field: 'properties.code', message: `code "${code}" repeats row ${seen.get(code)}` });
    else seen.set(code, row.row);
    if (rowErrors.length) errors.push(...rowErrors);
    else valid.push(row);
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}
