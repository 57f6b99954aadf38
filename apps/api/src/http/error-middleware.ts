import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { InputError } from '@riskmap/geo';
import { HttpError } from './http-error.js';

/** 404 for any /api route nobody answered. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Turn every error into the one JSON shape; 5xx details stay in the log, not the response. */
export const errorMiddleware: ErrorRequestHandler = (err, _req, res, _next) => {
  const e = toHttpError(err);
  if (e.status >= 500) console.error(err);
  res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } });
};

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    const first = issues[0]!;
    return new HttpError(400, 'invalid_input', `${first.field || 'body'}: ${first.message}`, { fields: issues });
  }
  if (err instanceof InputError) {
    return new HttpError(400, 'invalid_input', err.message, { fields: [{ field: err.field, message: err.message, ...(err.allowed ? { allowed: err.allowed } : {}) }] });
  }
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    const type = (err as { type?: string }).type;
    return new HttpError(status, type === 'entity.parse.failed' ? 'invalid_json' : 'bad_request', (err as Error).message);
  }
  return new HttpError(500, 'internal', 'internal server error');
}
