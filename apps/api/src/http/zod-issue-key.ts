import type { core } from 'zod';

/** A zod issue as one of the value rules the clients translate (`value.required`, `value.notOption` …), with its figures. */
export function zodIssueKey(i: core.$ZodIssue): { key: string; params: Record<string, unknown> } | null {
  if (i.code === 'invalid_type') {
    if (/received undefined/.test(i.message)) return { key: 'value.required', params: {} };
    if (i.expected === 'number' || i.expected === 'int') return { key: 'value.notNumber', params: { value: '' } };
    return null;
  }
  if (i.code === 'invalid_value') return { key: 'value.notOption', params: { value: '', allowed: i.values.map(String) } };
  if (i.code === 'too_small') return { key: 'value.tooSmall', params: { limit: String(i.minimum) } };
  if (i.code === 'too_big') return { key: 'value.tooBig', params: { limit: String(i.maximum) } };
  return null;
}
