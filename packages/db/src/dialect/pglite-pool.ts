import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/** What the pool needs of PGlite: its query (in this thread, or answered by the worker that owns it). */
export interface PGliteQuery {
  query<R>(sqlText: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number | null }>;
}

/**
 * A kysely `PostgresPool` over one PGlite instance. PGlite is a single connection, so the pool hands
 * out one client at a time: a transaction's statements never interleave with another caller's.
 */
export function pglitePool(pg: PGliteQuery): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  return {
    async connect() {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => (release = resolve));
      await previous;
      const client = {
        async query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const result = await pg.query<R>(sqlText, parameters as unknown[]);
          const command = (sqlText.trimStart().split(/\s/, 1)[0] ?? '').toUpperCase();
          return {
            command: command as PostgresQueryResult<R>['command'],
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release() {
          release();
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await tail;
    },
  };
}
