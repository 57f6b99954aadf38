import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseBusyError, classifyDatabaseError, openDatabase, sql, type RiskmapDb } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

describe.each(testBackends())('pool limits on the %s backend', (backend) => {
  let t: TestDatabase;
  let limited: RiskmapDb;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'empty');
    limited = await openDatabase(t.settings, { limits: { poolMax: 1, maxWaiting: 1, waitMs: 60_000, statementTimeoutMs: 1_000 } });
  });
  afterAll(async () => {
    await limited?.close();
    await t?.close();
  });

  it('refuses a caller at once when the wait queue is full, and serves the ones already waiting', async () => {
    const until = async (ok: () => boolean) => {
      while (!ok()) await new Promise((r) => setTimeout(r, 5));
    };
    const holder = limited.db.transaction().execute(async (trx) => {
      await sql`select pg_sleep(0.3)`.execute(trx);
      return 'held';
    });
    await until(() => limited.poolState!.active === 1);
    const waiting = sql`select 1 as one`.execute(limited.db);
    await until(() => limited.poolState!.waiting === 1);
    const refused = sql`select 2`.execute(limited.db).then(
      () => 'served',
      (err: unknown) => err,
    );
    const err = await refused;
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect(classifyDatabaseError(err)).toBe('busy');
    expect(limited.poolState!.refused).toBe(1);
    expect(await holder).toBe('held');
    expect((await waiting).rows).toEqual([{ one: 1 }]);
    expect(limited.poolState!.waiting).toBe(0);
    expect(limited.poolState!.active).toBe(0);
  });

  it('refuses a caller that waited longer than the bound', async () => {
    const short = await openDatabase(t.settings, { limits: { poolMax: 1, maxWaiting: 10, waitMs: 50 } });
    try {
      const holder = sql`select pg_sleep(0.5)`.execute(short.db);
      const late = await sql`select 1`.execute(short.db).then(() => 'served', (e: unknown) => e);
      expect(late).toBeInstanceOf(DatabaseBusyError);
      await holder;
      expect((await sql`select 3 as three`.execute(short.db)).rows).toEqual([{ three: 3 }]);
    } finally {
      await short.close();
    }
  });

  it.skipIf(backend === 'embedded')('ends a statement that runs past statement_timeout (classified as a timeout)', async () => {
    const err = await sql`select pg_sleep(5)`.execute(limited.db).then(() => null, (e: unknown) => e);
    expect(classifyDatabaseError(err)).toBe('timeout');
    expect((await sql`select 4 as four`.execute(limited.db)).rows).toEqual([{ four: 4 }]);
  });

  it.skipIf(backend === 'server')('answers the event loop while a long statement runs in the embedded worker', async () => {
    let finished = false;
    const long = sql`select count(*) from generate_series(1, 2000000)`.execute(limited.db).then(() => (finished = true));
    // A timer due at once fires while the statement still runs: the database does not hold this thread.
    const firedBeforeEnd = await new Promise<boolean>((resolve) => setTimeout(() => resolve(!finished), 1));
    await long;
    expect(firedBeforeEnd).toBe(true);
  });

  it.skipIf(backend === 'server')('forwards LISTEN notifications from the worker', async () => {
    const got: string[] = [];
    const unlisten = await limited.listen!('riskmap_test', (p) => got.push(p));
    await sql`select pg_notify('riskmap_test', 'hello')`.execute(limited.db);
    for (let i = 0; i < 50 && got.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    await unlisten();
    expect(got).toEqual(['hello']);
  });
});
