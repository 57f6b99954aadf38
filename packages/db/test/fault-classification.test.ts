import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { classifyDatabaseError, openDatabase, sql, type RiskmapDb } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe.each(testBackends())('database errors are classified once on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'empty');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a NUL character (in a parameter or in the SQL text, 08P01 from the server itself) and an out-of-range integer are bad values', async () => {
    const inParam = await failure(sql`select ${'a\u0000b'}::text`.execute(t.db));
    // The one way a NUL reaches the SQL text: PostgreSQL and PGlite both answer 08P01 for the message they cannot parse.
    const inText = await failure(sql.raw("select 'a\u0000b'").execute(t.db));
    const overflow = await failure(sql`select ${'99999999999'}::int4`.execute(t.db));
    expect((inText as { code?: string }).code).toBe('08P01');
    expect([inParam, inText, overflow].map(classifyDatabaseError)).toEqual(['bad_value', 'bad_value', 'bad_value']);
    // the connection is still usable after them
    expect((await sql<{ one: number }>`select 1 as one`.execute(t.db)).rows).toEqual([{ one: 1 }]);
  });

  it('a query on a closed database (the embedded worker gone, the pool ended) is "unavailable"', async () => {
    const own: RiskmapDb = await openDatabase(t.settings);
    await own.close();
    const err = await failure(sql`select 1`.execute(own.db));
    expect(err).toBeInstanceOf(Error);
    expect(classifyDatabaseError(err)).toBe('unavailable');
  });
});

/**
 * pgbouncer reports every error of its own with SQLSTATE 08P01 and its own text (pgbouncer 1.18, as pg parses
 * them into a DatabaseError). They must never read as "a value cannot be stored": the drill in
 * tests/faults/db-faults.test.ts shows them live through a real pgbouncer while PostgreSQL restarts.
 */
describe('pgbouncer errors (SQLSTATE 08P01) are database faults', () => {
  const pooler = (message: string, severity = 'FATAL') => Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code: '08P01', severity });
  it.each([
    'server login has been failing, try again later (server_login_retry)',
    'server conn crashed?',
    'pgbouncer cannot connect to server',
    'query_wait_timeout',
    'client_login_timeout (server down)',
    'server_connect_timeout',
    'database removed',
    'admin shutdown',
  ])('"%s" → unavailable', (message) => {
    expect(classifyDatabaseError(pooler(message))).toBe('unavailable');
  });
  it('"no more connections allowed (max_client_conn)" → busy', () => {
    expect(classifyDatabaseError(pooler('no more connections allowed (max_client_conn)'))).toBe('busy');
  });
  it('a pgbouncer error wrapped as the cause of another error is still found', () => {
    expect(classifyDatabaseError(new Error('query failed', { cause: pooler('server conn crashed?') }))).toBe('unavailable');
  });
});
