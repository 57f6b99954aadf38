import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { DatabaseBusyError, classifyDatabaseError, type DatabaseFault } from '../errors.js';

export interface PoolLimits {
  /** Connections handed out at once (1 for PGlite). */
  poolMax: number;
  /** Callers allowed to wait for a connection; one more is refused at once. */
  maxWaiting: number;
  /** Longest wait for a connection before the caller is refused (0: no bound). */
  waitMs: number;
}

/** What the pool saw: connections in use and waiting, and the last database fault a query hit. */
export interface PoolState {
  active: number;
  waiting: number;
  refused: number;
  lastFault: { kind: DatabaseFault; at: number } | null;
  lastSuccessAt: number;
}

/**
 * A kysely pool in front of another with a bounded wait queue: at most `maxWaiting` callers wait, none longer
 * than `waitMs`; others get DatabaseBusyError at once (the API answers 503 `overloaded` with Retry-After
 * instead of queueing until a 5 s timeout). Also records the last fault a query met, for /api/health.
 * @example new Kysely({ dialect: new PostgresDialect({ pool: boundedPool(pgPool, { poolMax: 8, maxWaiting: 64, waitMs: 2000 }).pool }) })
 */
export function boundedPool(inner: PostgresPool, limits: PoolLimits): { pool: PostgresPool; state: PoolState } {
  const state: PoolState = { active: 0, waiting: 0, refused: 0, lastFault: null, lastSuccessAt: 0 };
  const noteError = (err: unknown) => {
    const kind = classifyDatabaseError(err);
    if (kind === 'unavailable' || kind === 'timeout') state.lastFault = { kind, at: Date.now() };
  };
  const pool: PostgresPool = {
    async connect() {
      if (state.active >= limits.poolMax && state.waiting >= limits.maxWaiting) {
        state.refused += 1;
        throw new DatabaseBusyError(`the database is busy: ${state.waiting} requests already wait for a connection`);
      }
      state.waiting += 1;
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const connecting = inner.connect();
      let client: PostgresPoolClient;
      try {
        client = await (limits.waitMs > 0
          ? Promise.race([
              connecting,
              new Promise<never>((_, reject) => {
                timer = setTimeout(() => {
                  timedOut = true;
                  reject(new DatabaseBusyError(`the database is busy: no connection free within ${limits.waitMs} ms`));
                }, limits.waitMs);
              }),
            ])
          : connecting);
      } catch (err) {
        if (timedOut) {
          state.refused += 1;
          connecting.then((c) => c.release(), () => {});
        } else noteError(err);
        throw err;
      } finally {
        clearTimeout(timer);
        state.waiting -= 1;
      }
      state.active += 1;
      let released = false;
      return {
        query: (...args: unknown[]) => {
          const run = client.query as (...a: unknown[]) => unknown;
          if (typeof args[0] !== 'string') return run.apply(client, args); // a cursor: passed through
          return tracked(run.apply(client, args) as Promise<unknown>);
        },
        release: (destroy?: boolean) => {
          if (released) return;
          released = true;
          state.active -= 1;
          client.release(destroy);
        },
      } as PostgresPoolClient;
      async function tracked(query: Promise<unknown>): Promise<unknown> {
        try {
          const result = await query;
          state.lastSuccessAt = Date.now();
          return result;
        } catch (err) {
          noteError(err);
          throw err;
        }
      }
    },
    end: () => inner.end(),
  };
  return { pool, state };
}
