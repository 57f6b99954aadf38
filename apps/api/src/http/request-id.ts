import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Take the caller's `X-Request-Id` when it is a plain token (≤ 128 of A-Z a-z 0-9 . _ : -), else make a UUID;
 * echo it in the response and keep it in `res.locals.requestId` for the logs.
 * @example app.use(requestId()); // → X-Request-Id: 6f1c…
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && ACCEPTABLE.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  };
}

/** The request id of a response (set by requestId()). */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}
