import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * A kysely `PostgresPool` over one PGlite instance. PGlite is a single connection, so the pool hands
 * out one client at a time: a transaction's statements never interleave with another caller's.
 */
export function pglitePool(pg: PGlite): PostgresPool {
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
