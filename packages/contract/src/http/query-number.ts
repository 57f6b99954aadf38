import { z } from 'zod';

/**
 * A number given as a query-string value: blank or non-numeric text is rejected (plain z.coerce
 * would read '' as 0). Bounds go on the inner schema: `queryNumber(z.number().int().min(1))`.
 */
export function queryNumber<S extends z.ZodNumber>(schema: S = z.number() as S) {
  return z.preprocess((v) => (v === undefined ? undefined : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN), schema);
}
