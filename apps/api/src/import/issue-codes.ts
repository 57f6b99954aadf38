import type { z } from 'zod';
import type { RawRecord, RowError } from './types.js';

const EXPECTED: Record<string, string> = { number: 'value.notNumber', boolean: 'value.notBoolean', string: 'value.notText' };

const shown = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * One zod issue of a record as a row problem with a stable code and the value as written in the file
 * (messages.ts renders it in the user's language).
 */
export function issueError(rec: RawRecord, issue: z.core.$ZodIssue, field: string, column: { column?: string }): RowError {
  const key = field.replace(/^properties\./, '').split('.')[0]!;
  const raw = rec.raw && key in rec.raw ? rec.raw[key] : rec.properties[key];
  const value = shown(raw);
  const base = { row: rec.row, field, message: issue.message, ...column };
  const i = issue as z.core.$ZodIssue & { expected?: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; values?: unknown[]; keys?: string[]; format?: string };
  if (field.startsWith('geometry')) return { ...base, code: 'value.invalid', params: { detail: issue.message } };
  if (field.startsWith('properties.') && i.path.length === 2 && (rec.properties[key] === undefined || rec.properties[key] === null) && i.code !== 'unrecognized_keys') return { ...base, code: 'value.required' };
  switch (i.code) {
    case 'invalid_type':
      if (i.expected === 'int') return { ...base, code: 'value.notInteger', params: { value } };
      return EXPECTED[i.expected ?? ''] ? { ...base, code: EXPECTED[i.expected!], params: { value } } : { ...base, code: 'value.badType', params: { value, expected: i.expected } };
    case 'too_small':
      if (i.origin === 'string') return { ...base, code: Number(i.minimum) <= 1 && !value ? 'value.required' : 'value.tooShort' };
      return { ...base, code: 'value.tooSmall', params: { value, limit: String(i.minimum) } };
    case 'too_big':
      if (i.origin === 'string') return { ...base, code: 'value.tooLong', params: { limit: String(i.maximum) } };
      return { ...base, code: 'value.tooBig', params: { value, limit: String(i.maximum) } };
    case 'invalid_value':
      return { ...base, code: 'value.notOption', params: { value, options: (i.values ?? []).join(', ') } };
    case 'invalid_format':
      return { ...base, code: 'value.badDate', params: { value } };
    case 'unrecognized_keys':
      return { ...base, code: 'value.unknownKeys', params: { keys: (i.keys ?? []).join(', ') } };
    default:
      return { ...base, code: 'value.invalid', params: { detail: issue.message } };
  }
}
