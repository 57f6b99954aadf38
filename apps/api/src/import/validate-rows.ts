import type { Geometry } from 'geojson';
import { nextTurn, readFeaturesByCode, type Database, type EditableFeature, type Kysely, type LayerDescriptor } from '@riskmap/db';
import { coordinatesLookProjected, crsInfo, reprojectGeoJson } from '@riskmap/geo';
import type { SessionUser } from '../http/role.js';
import { createFeatureSchema, patchFeatureSchema } from '../validation/index.js';
import { crossFieldCheck, ruleRefusal, scopeCheck } from '../editing/edit-rules.js';
import { featureRules, type GeometryTolerances } from '../editing/feature-rules.js';
import type { ImportCrs, RawRecord, RowError } from './types.js';
import { issueError } from './issue-codes.js';
import { fieldChanges, sameGeometry, type FieldChange } from './update-diff.js';
import { completeHazardRows, townshipNamesToCodes } from './register-rows.js';

/** Rows validated between two turns of the event loop (each row's schema check takes ~0.1 ms). */
const YIELD_ROWS = 100;

/** Create new records only, or match rows by code: update the existing ones, create the others. */
export type ImportMode = 'create' | 'update';

/** A record that passed every check: its geometry in WGS84 and its parsed properties (and, updating, what it changes). */
export interface ValidRow {
  row: number;
  geometry: Geometry;
  properties: Record<string, unknown>;
  /** Set when the row updates a stored feature (update-by-code). */
  target?: { id: number; version: number; changes: FieldChange[]; geometryChanged: boolean };
}

/** Geometry (and secondary geometry properties such as a shelter's site) converted from the declared system to WGS84. */
function toWgs84(d: LayerDescriptor, geometry: Geometry, props: Record<string, unknown>, crs: ImportCrs): { geometry: Geometry; properties: Record<string, unknown> } {
  const info = crsInfo(crs);
  if (info.kind === 'geographic' && (info.datum === 'wgs84' || info.datum === 'cgcs2000')) return { geometry, properties: props };
  const to = (g: Geometry) => reprojectGeoJson(g, info.code, 'EPSG:4326');
  const properties = { ...props };
  for (const column of d.geometryColumns) {
    const name = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = properties[name];
    if (Array.isArray(v)) properties[name] = (to({ type: 'Point', coordinates: v as number[] }) as { coordinates: number[] }).coordinates;
    else if (v && typeof v === 'object') properties[name] = to(v as Geometry);
  }
  return { geometry: to(geometry), properties };
}

/** The first position of a geometry, rounded, for messages. */
function firstPosition(g: Geometry): [string, string] {
  let p: unknown = (g as { coordinates?: unknown }).coordinates;
  while (Array.isArray(p) && Array.isArray(p[0])) p = p[0];
  const xy = Array.isArray(p) ? (p as number[]) : [];
  return [String(Math.round((xy[0] ?? 0) * 1000) / 1000), String(Math.round((xy[1] ?? 0) * 1000) / 1000)];
}

type RuleProblem = { field: string; message: string; code?: string; params?: Record<string, unknown> };

/** The field errors an editing rule (its EditRefusal's details.fields) reports for a record, or none. */
function ruleErrors(rule: ((f: EditableFeature) => void) | undefined, d: LayerDescriptor, geometry: Geometry, props: Record<string, unknown>): RuleProblem[] {
  const refusal = ruleRefusal(rule, d, { type: 'Feature', geometry, properties: props });
  if (!refusal) return [];
  const details = refusal.details;
  const townshipCode = ((d.id === 'townships' ? props.code : props.townshipCode) as string | null | undefined) ?? null;
  if (refusal.reason === 'outside_scope') return [{ field: details.field ?? 'townshipCode', message: refusal.message, code: 'rule.outsideScope', params: { scope: details.scope, township: townshipCode } }];
  const fields = (details.fields ?? [{ field: details.field ?? 'properties', message: refusal.message }]).map(({ field, message }) => ({ field, message }));
  const total = d.id === 'shelters' ? 'totalAreaM2' : 'areaM2';
  return fields.map((f) =>
    f.field === 'properties.effectiveAreaM2' && Number(props.effectiveAreaM2) > Number(props[total])
      ? { ...f, code: 'rule.effectiveOverTotal', params: { effective: props.effectiveAreaM2, total: props[total], totalLabel: d.id === 'shelters' ? '总面积' : '用地面积' } }
      : f,
  );
}

/**
 * Validate records as the editing routes validate a feature (a township written by name read as its code; a
 * hidden hazard completed as the 登记 step completes it, see register-rows.ts): the layer's zod schema, coordinates converted from the
 * declared system, the cross-field rules, then featureRules — every geometry valid and inside the county, the
 * township code existing and matching the location (derived when absent), the township scope by location — and
 * codes: new (mode `create`), or, in mode `update`, matched to stored features (changed fields listed, a stale
 * version refused).
 * @example const { valid, errors } = await validateRecords(db, LAYERS.shelters, read.records, 'gcj02', user, config.domain.geometry)
 */
export async function validateRecords(
  db: Kysely<Database>,
  d: LayerDescriptor,
  records: RawRecord[],
  crs: ImportCrs,
  user: SessionUser,
  tolerances: GeometryTolerances,
  mode: ImportMode = 'create',
  hiddenHazards: { supervisedGrades: readonly string[] } = { supervisedGrades: [] },
): Promise<{ valid: ValidRow[]; errors: RowError[] }> {
  await townshipNamesToCodes(db, d, records);
  if (d.id === 'hidden-hazards') completeHazardRows(records, hiddenHazards.supervisedGrades);
  const createSchema = createFeatureSchema(d.id);
  const patchSchema = patchFeatureSchema(d.id);
  // Scope and township are settled by featureRules below, from the location (a row need not carry its township).
  const rules = [crossFieldCheck(d)];
  const geographic = crsInfo(crs).kind === 'geographic';
  const codes = [...new Set(records.map((r) => r.properties.code).filter((c): c is string => typeof c === 'string'))];
  const stored = await readFeaturesByCode(db, d, codes);
  const errors: RowError[] = [];
  const parsed: (ValidRow & { fileVersion?: number; stored?: EditableFeature & { id: number } })[] = [];
  for (const [i, rec] of records.entries()) {
    if (i % YIELD_ROWS === YIELD_ROWS - 1) await nextTurn();
    const columnOf = (field: string) => {
      const c = rec.columns?.[field.replace(/^properties\./, '').split('.')[0]!];
      return c ? { column: c } : {};
    };
    const current = mode === 'update' ? stored.get(String(rec.properties.code)) : undefined;
    const result = current
      ? patchSchema.safeParse({ version: current.version, geometry: rec.geometry ?? undefined, properties: rec.properties })
      : createSchema.safeParse({ type: 'Feature', geometry: rec.geometry ?? null, properties: rec.properties });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || 'feature';
        if (rec.geometry === undefined && field.startsWith('geometry')) continue; // the reader already named the position problem
        errors.push(issueError(rec, issue, field, columnOf(field)));
      }
      continue;
    }
    if (rec.geometry === undefined) continue;
    if (geographic && rec.geometry && coordinatesLookProjected(rec.geometry)) {
      const [x, y] = firstPosition(rec.geometry);
      errors.push({ row: rec.row, field: 'geometry', code: 'geometry.projected', params: { x, y }, message: `coordinates (${x}, ${y}) look projected (metres), not longitude/latitude; declare the file's coordinate system (e.g. EPSG:4548)`, ...columnOf('geometry') });
      continue;
    }
    const data = result.data as { geometry?: Geometry; properties?: Record<string, unknown> };
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, stock: _s, ...props } = data.properties ?? {};
    const converted = toWgs84(d, (data.geometry ?? current?.feature.geometry) as Geometry, props, crs);
    const merged = current ? { ...current.feature.properties, ...converted.properties } : converted.properties;
    const broken = [...(current ? ruleErrors(scopeCheck(user), d, current.feature.geometry as Geometry, current.feature.properties ?? {}) : []), ...rules.flatMap((rule) => ruleErrors(rule, d, converted.geometry, merged))];
    if (broken.length) {
      for (const b of broken) errors.push({ row: rec.row, ...b, ...columnOf(b.field) });
      continue;
    }
    parsed.push({ row: rec.row, ...converted, ...(rec.version !== undefined ? { fileVersion: rec.version } : {}), ...(current ? { stored: current } : {}) });
  }

  const valid: ValidRow[] = [];
  const columnsByRow = new Map(records.map((r) => [r.row, r.columns ?? {}]));
  const col = (row: number, field: string) => {
    const c = columnsByRow.get(row)?.[field];
    return c ? { column: c } : {};
  };
  const seen = new Map<string, number>();
  // The edit rules, for every row as it will be stored (an update: the stored record with the file's changes).
  const asStored = parsed.map((r) => ({ type: 'Feature' as const, geometry: r.geometry, properties: r.stored ? { ...r.stored.feature.properties, ...r.properties } : r.properties }));
  const verdicts = await featureRules(db, d, user, asStored, tolerances);
  for (const [i, row] of parsed.entries()) {
    const code = String(row.properties.code);
    const rowErrors: RowError[] = [];
    const v = verdicts[i]!;
    const current = row.stored;
    for (const e of v.errors) rowErrors.push({ row: row.row, field: e.field, message: e.message, ...(e.key ? { code: e.key, params: e.params ?? {} } : {}) });
    if (v.errors.length === 0 && d.columns.includes('township_code') && v.townshipCode !== undefined) row.properties = { ...row.properties, townshipCode: v.townshipCode };
    if (seen.has(code)) rowErrors.push({ row: row.row, field: 'properties.code', code: 'code.repeats', params: { code, other: seen.get(code) }, message: `code "${code}" repeats row ${seen.get(code)}` });
    else if (mode === 'create' && stored.has(code)) rowErrors.push({ row: row.row, field: 'properties.code', code: 'code.taken', params: { code }, message: `code "${code}" already exists in ${d.id} (possibly deleted: restore it instead)` });
    else if (current?.deletedAt) rowErrors.push({ row: row.row, field: 'properties.code', code: 'update.deleted', params: { code }, message: `the record with code "${code}" is deleted; restore it first` });
    else if (current && row.fileVersion !== undefined && row.fileVersion !== current.version) {
      rowErrors.push({ row: row.row, field: 'version', code: 'update.stale', params: { code, fileVersion: row.fileVersion, version: current.version }, message: `the record with code "${code}" changed since the file was exported (file v${row.fileVersion}, now v${current.version})` });
    }
    seen.set(code, seen.get(code) ?? row.row);
    if (rowErrors.length) {
      errors.push(...rowErrors.map((e) => ({ ...e, ...col(e.row, e.field.replace(/^properties\./, '')) })));
      continue;
    }
    const { stored: _stored, fileVersion: _fv, ...clean } = row;
    if (current) {
      const changes = fieldChanges(current.feature.properties ?? {}, clean.properties);
      const geometryChanged = !sameGeometry(current.feature.geometry, clean.geometry);
      valid.push({ ...clean, target: { id: current.id, version: current.version, changes, geometryChanged } });
    } else valid.push(clean);
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}
