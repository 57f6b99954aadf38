import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { zodIssueKey } from './zod-issue-key.js';
import { InputError } from '@riskmap/geo';
import { classifyDatabaseError } from '@riskmap/db';
import { HttpError } from './http-error.js';
import { BASIC_CHALLENGE } from '../auth/basic-auth.js';

/** 404 for any /api route nobody answered. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};

/** Turn every error into the one JSON shape; 5xx details stay in the log, not the response. */
export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const e = toHttpError(err, Number(req.app.locals.retryAfterSeconds ?? 5));
  if (e.status === 503 && !res.get('Retry-After')) res.set('Retry-After', String((e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 5));
  if (e.status >= 500 && e.status !== 503) console.error(err);
  if (e.status === 401 && res.locals.basicChallenge) res.set('WWW-Authenticate', BASIC_CHALLENGE);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } });
};

function toHttpError(err: unknown, retryAfterSeconds: number): HttpError {
  if (err instanceof HttpError) return err;
  const fault = classifyDatabaseError(err);
  if (fault) return databaseHttpError(fault, retryAfterSeconds);
  if (err instanceof ZodError) {
    // An unknown key is named itself (zod reports it on the enclosing object).
    const issues = err.issues.flatMap((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((key) => ({ field: [...i.path, key].join('.'), message: `unknown field "${key}"` }))
        : [{ field: i.path.join('.') || 'body', message: i.message, ...(zodIssueKey(i) ?? {}) }],
    );
    const first = issues[0]!;
    return new HttpError(400, 'invalid_input', `${first.field}: ${first.message}`, { fields: issues });
  }
  if (err instanceof InputError) {
    return new HttpError(400, 'invalid_input', err.message, { fields: [{ field: err.field, message: err.message, ...(err.allowed ? { allowed: err.allowed } : {}) }] });
  }
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    const type = (err as { type?: string }).type;
    const message = (err as Error).message;
    return new HttpError(status, type === 'entity.parse.failed' ? 'invalid_json' : 'bad_request', `body: ${message}`, { fields: [{ field: 'body', message }] });
  }
  return new HttpError(500, 'internal', 'internal server error');
}

/**
 * The one mapping of database faults to HTTP: the connection died or the server is away → 503
 * `database_unavailable`; the pool's wait queue is full → 503 `overloaded`; a statement ran past
 * statement_timeout → 503 `query_timeout`; a value PostgreSQL cannot store → 400 `invalid_input`.
 * No connection string, database name or server text reaches the caller.
 */
function databaseHttpError(fault: NonNullable<ReturnType<typeof classifyDatabaseError>>, retryAfterSeconds: number): HttpError {
  switch (fault) {
    case 'unavailable':
      return new HttpError(503, 'database_unavailable', 'the database is not available right now; try again shortly', { retryAfterSeconds });
    case 'busy':
      return new HttpError(503, 'overloaded', 'the server is busy; try again shortly', { retryAfterSeconds: 1 });
    case 'timeout':
      return new HttpError(503, 'query_timeout', 'the request took too long in the database; try again or narrow it', { retryAfterSeconds });
    case 'bad_value':
      return new HttpError(400, 'invalid_input', 'a value cannot be stored (a NUL character in text, or a number out of range)', { fields: [{ field: 'body', message: 'value cannot be stored' }] });
  }
}
