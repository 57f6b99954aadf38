import type { z } from 'zod';
import { enumValueOf, type FieldSpec } from '@riskmap/contract';
import { parseGeometryText } from './geometry-text.js';

/** The innermost type name of a property schema (`number`, `string`, `boolean`, `array`, `enum`, `object`, …). */
export function kindOf(schema: z.ZodType): string {
  let def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = (def.innerType as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  }
  return def.type;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Numeric text as a number: spaces and thousands separators (1,500 / 1，500) allowed. */
function number(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim().replace(/[\s，,](?=\d{3}(\D|$))/g, '');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : value;
}

function items(value: unknown): unknown[] | unknown {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (t.startsWith('[')) return json(t);
  return t.split(/[;；、|,，]/).map((s) => s.trim()).filter(Boolean);
}

/**
 * A cell (or GeoJSON property) value as the field's schema expects it, read through the vocabulary: enumerated values
 * from their code, Chinese or English label or synonym (规划中 → planned, 学校 → school, 是/否 → true/false),
 * numbers from numeric text, lists split at ; 、 | or commas, JSON and WKT for objects and geometries.
 * Blank → undefined. A value that cannot be read is passed on unchanged so that validation names it.
 * @example coerceValue(fieldSpec('shelters', 'status'), ShelterProps.shape.status, '规划中') // 'planned'
 */
export function coerceValue(spec: FieldSpec | undefined, schema: z.ZodType | undefined, value: unknown): unknown {
  if (blank(value)) return undefined;
  const kind = spec?.kind ?? (schema ? { number: 'number', boolean: 'boolean', array: 'list', object: 'json', record: 'json' }[kindOf(schema)] : undefined) ?? 'text';
  if (value instanceof Date) return kind === 'date' || kind === 'text' ? value.toISOString().slice(0, 10) : value;
  switch (kind) {
    case 'integer':
    case 'number':
      return number(value);
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const b = enumValueOf('booleans', String(value));
      return b === 'true' ? true : b === 'false' ? false : value;
    }
    case 'enum': {
      if (!spec?.enum || (typeof value !== 'string' && typeof value !== 'number')) return value;
      return enumValueOf(spec.enum, value) ?? value;
    }
    case 'list': {
      const list = items(value);
      if (!Array.isArray(list) || !spec?.enum) return list;
      return list.map((x) => (typeof x === 'string' || typeof x === 'number' ? (enumValueOf(spec.enum!, x) ?? x) : x));
    }
    case 'json':
      return typeof value === 'string' ? json(value.trim()) : value;
    case 'point':
    case 'polygon': {
      if (typeof value !== 'string') return value;
      const g = parseGeometryText(value);
      if (!g) return json(value.trim());
      return kind === 'point' && g.geometry.type === 'Point' ? g.geometry.coordinates : g.geometry;
    }
    case 'date':
    case 'text':
      return typeof value === 'number' ? String(value) : value;
  }
  return value;
}
