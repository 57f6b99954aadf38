import type { RequestHandler } from 'express';
import { HttpError } from '../http/http-error.js';

/** Deepest JSON accepted; nothing the API takes nests further than GeoJSON MultiPolygons inside a feature. */
export const MAX_JSON_DEPTH = 32;

/** The path of the first value PostgreSQL could not store (NUL in text or in a key) or that nests too deep, with why. */
export function unstorable(value: unknown, path: string[] = [], depth = 0): { field: string; message: string } | null {
  const field = () => path.join('.') || 'body';
  if (typeof value === 'string') return value.includes('\u0000') ? { field: field(), message: 'contains a NUL character (U+0000), which cannot be stored' } : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_JSON_DEPTH) return { field: field(), message: `nests deeper than ${MAX_JSON_DEPTH} levels` };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (key.includes('\u0000')) return { field: [...path, key.replace(/\u0000/g, '\\u0000')].join('.'), message: 'a key contains a NUL character (U+0000)' };
    const found = unstorable(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuse, before any route runs, a JSON body or query string holding text PostgreSQL cannot store (NUL)
 * or nesting deeper than MAX_JSON_DEPTH: 400 `invalid_input` naming the field, the same on both backends.
 * Integers out of int4 range are refused by the schemas (`int4()`, ids' bounds).
 * @example app.use(jsonBody(limit), storableInput)
 */
export const storableInput: RequestHandler = (req, _res, next) => {
  const inQuery = unstorable(req.query);
  const found = inQuery ?? (req.body !== undefined && typeof req.body === 'object' ? unstorable(req.body) : null);
  if (!found) return next();
  const field = inQuery ? `query.${found.field}` : found.field;
  next(new HttpError(400, 'invalid_input', `${field}: ${found.message}`, { fields: [{ field, message: found.message }] }));
};
