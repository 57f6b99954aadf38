import type pg from 'pg';
import { TYPE_PARSERS } from './parsers.js';

export interface ServerPoolSettings {
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

/** Something that hears about faults the pool absorbed (a dropped idle connection, an error on a busy client). */
export type DatabaseWarning = (message: string, detail: Record<string, unknown>) => void;

/**
 * A `pg` pool that never crashes the process: every client gets an 'error' listener for its whole life (pg
 * emits an admin shutdown 57P01 or ECONNRESET on a checked-out client, and an unheard 'error' event ends
 * Node), the pool's own 'error' is heard too, and a dead client is dropped on release so the next caller
 * gets a fresh connection (the pool reconnects by itself). Statements are bounded by statement_timeout on
 * the server and by query_timeout in the client, so a request never hangs on a silent network.
 */
export function serverPool(pgModule: typeof pg, url: string, settings: ServerPoolSettings, warn: DatabaseWarning): pg.Pool {
  const pool = new pgModule.Pool({
    connectionString: url,
    max: settings.poolMax,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(settings.statementTimeoutMs > 0
      ? { statement_timeout: settings.statementTimeoutMs, query_timeout: settings.statementTimeoutMs + 5_000 }
      : {}),
    types: { getTypeParser: ((oid: number, format?: string) => TYPE_PARSERS[oid] ?? pgModule.types.getTypeParser(oid, format as 'text')) as never },
  });
  const describe = (err: unknown) => ({ code: (err as { code?: string }).code ?? null, reason: (err as Error).message });
  pool.on('error', (err) => warn('an idle database connection failed; it was dropped and will be replaced', describe(err)));
  pool.on('connect', (client) => {
    client.on('error', (err) => warn('a database connection in use failed; its request gets 503 and the connection is replaced', describe(err)));
  });
  return pool;
}
