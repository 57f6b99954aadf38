import { fieldLabelOf, labelIn, POSITION_FIELDS, type Locale } from '@riskmap/contract';
import { liveCodes, type Database, type Kysely, type LayerDescriptor } from '@riskmap/db';
import type { LayerId } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import { mappableFields, type ColumnMatch, type UserMapping } from './mapping.js';
import type { RawRecord } from './types.js';
import type { ImportMode, ValidRow } from './validate-rows.js';

const POSITION = POSITION_FIELDS as Record<string, { label: { zh: string; en: string } }>;

/** A field's label in the locale, position fields included. */
export function targetLabel(layer: LayerId, field: string, locale: Locale): string {
  return POSITION[field] ? labelIn(POSITION[field]!.label, locale) : fieldLabelOf(layer, field, locale);
}

/**
 * The `?mapping=` parameter (JSON object: column heading → field key, or null / '' to leave it out), checked
 * against the layer's fields; a 400 names the column whose field is unknown.
 * @example parseUserMapping('shelters', '{"类别":"shelterClass"}', 'zh-CN') // { 类别: 'shelterClass' }
 */
export function parseUserMapping(layer: LayerId, text: string | undefined, locale: Locale): UserMapping {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_mapping', locale === 'en' ? 'mapping must be a JSON object: column → field' : '列映射须为 JSON 对象：列名 → 字段', { field: 'mapping' });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'invalid_mapping', locale === 'en' ? 'mapping must be a JSON object: column → field' : '列映射须为 JSON 对象：列名 → 字段', { field: 'mapping' });
  const allowed = mappableFields(layer);
  const out: UserMapping = {};
  for (const [column, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === null || field === '') out[column] = null;
    else if (typeof field === 'string' && allowed.includes(field)) out[column] = field;
    else {
      const message = locale === 'en' ? `column "${column}": "${String(field)}" is not a field of this layer` : `列「${column}」：“${String(field)}”不是本图层的字段`;
      throw new HttpError(400, 'invalid_mapping', message, { field: 'mapping', column, allowed });
    }
  }
  return out;
}

/** The detected mapping with labels, and the fields a column can be mapped to (for the mapping step of the UI). */
export function mappingView(layer: LayerId, mapping: ColumnMatch[], locale: Locale) {
  return {
    mapping: mapping.map((m) => ({ ...m, label: m.field ? targetLabel(layer, m.field, locale) : null })),
    fields: mappableFields(layer).map((key) => ({ key, label: targetLabel(layer, key, locale) })),
  };
}

/**
 * What an import would do: created and (update-by-code) updated rows with their field changes (old → new),
 * unchanged rows, and optionally live records whose code the file does not have.
 */
export async function changeSummary(db: Kysely<Database>, d: LayerDescriptor, valid: ValidRow[], mode: ImportMode, withAbsent: boolean, records: RawRecord[], locale: Locale) {
  const created = valid.filter((r) => !r.target).map((r) => ({ row: r.row, code: String(r.properties.code), name: String(r.properties.name ?? '') }));
  const updated = valid
    .filter((r) => r.target && (r.target.changes.length > 0 || r.target.geometryChanged))
    .map((r) => ({
      row: r.row,
      code: String(r.properties.code),
      id: r.target!.id,
      version: r.target!.version,
      fields: [...r.target!.changes.map((c) => ({ ...c, label: targetLabel(d.id, c.field, locale) })), ...(r.target!.geometryChanged ? [{ field: 'geometry', label: targetLabel(d.id, 'geometry', locale), old: null, new: null }] : [])],
    }));
  const unchanged = valid.filter((r) => r.target && r.target.changes.length === 0 && !r.target.geometryChanged).map((r) => ({ row: r.row, code: String(r.properties.code) }));
  let absent: { id: number; code: string; name: string }[] | undefined;
  if (mode === 'update' && withAbsent) {
    const inFile = new Set(records.map((r) => String(r.properties.code)));
    absent = (await liveCodes(db, d)).filter((r) => !inFile.has(r.code));
  }
  return { created: created.length, updated: updated.length, unchanged: unchanged.length, createdRows: created, updatedRows: updated, unchangedRows: unchanged, ...(absent ? { absent: absent.length, absentRecords: absent } : {}) };
}
