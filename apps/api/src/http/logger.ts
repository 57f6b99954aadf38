import { pino, type Logger } from 'pino';
import type { RequestHandler } from 'express';
import { requestIdOf } from './request-id.js';
import { userOf } from './role.js';

export type { Logger } from 'pino';

/**
 * The platform's structured JSON logger (pino) at a level; `silent` in tests by default.
 * @example const log = createLogger('info'); log.info({ port: 8080 }, 'listening')
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'riskmap' }, redact: ['authorization', 'cookie'] });
}

/**
 * One log line per finished request: request id, method, path (no query string), status, duration, user; 5xx at error level.
 * @example app.use(requestId(), httpLogger(log))
 */
export function httpLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = {
        reqId: requestIdOf(res),
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        user: userOf(res)?.username,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) log.error(entry, 'request failed');
      else log.info(entry, 'request');
    });
    next();
  };
}
