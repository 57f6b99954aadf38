import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_PRUNE_LOCK, changeHorizon, layerRevisions, pruneChanges, sql } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

describe.each(testBackends())('change table retention on the %s backend', (backend) => {
  let t: TestDatabase;
  const ids: number[] = [];
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'empty');
    await t.db.deleteFrom('changes').execute();
    // 20 changes: shelters (every third public) and warehouses alternately; the first 15 are 40 days old.
    for (let i = 0; i < 20; i += 1) {
      const row = await t.db
        .insertInto('changes')
        .values({ layer: i % 2 ? 'warehouses' : 'shelters', feature_id: i, action: 'update', version: 1, public: i % 6 === 0, public_seq: i % 6 === 0 ? 1000 + i : null, actor: 'test' })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await t.db.updateTable('changes').set({ at: sql`now() - interval '40 days'` }).where('id', '<=', ids[14]!).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps everything younger than keepDays, however many rows', async () => {
    expect(await pruneChanges(t.db, { keepDays: 60, keepRows: 0 })).toMatchObject({ ran: true, deleted: 0, prunedThrough: 0 });
  });

  it('deletes changes older than keepDays beyond the last keepRows, never a layer’s latest or the latest public change; idempotent', async () => {
    const before = await layerRevisions(t.db);
    // Public changes are i = 0, 6, 12, 18; the latest public one (18) is young anyway. With keepRows 3 the old
    // rows 0..14 go except none kept by rule (both layers' latest are 18/19) → 15 rows.
    const first = await pruneChanges(t.db, { keepDays: 30, keepRows: 3 });
    expect(first).toEqual({ ran: true, deleted: 15, prunedThrough: ids[14], publicPrunedThrough: 1012 });
    const left = await t.db.selectFrom('changes').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(ids.slice(15));
    expect(await layerRevisions(t.db)).toEqual(before);
    expect(await pruneChanges(t.db, { keepDays: 30, keepRows: 3 })).toEqual({ ...first, deleted: 0 });
    expect(await changeHorizon(t.db)).toEqual({ prunedThrough: ids[14], publicPrunedThrough: 1012 });
  });

  it('keeps at least the last keepRows even when all are old, and each layer’s latest change and the latest public one', async () => {
    await t.db.updateTable('changes').set({ at: sql`now() - interval '40 days'` }).execute();
    const r = await pruneChanges(t.db, { keepDays: 30, keepRows: 1 });
    // left before: 15..19; keep the last 1 (19), the shelters' latest (18, also the latest public) → delete 15, 16, 17
    expect(r).toMatchObject({ ran: true, deleted: 3, prunedThrough: ids[17] });
    const left = await t.db.selectFrom('changes').select(['id', 'layer']).orderBy('id').execute();
    expect(left.map((x) => x.id)).toEqual([ids[18], ids[19]]);
  });

  it.skipIf(backend === 'embedded')('lets one process at a time prune (the others skip)', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = t.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${CHANGE_PRUNE_LOCK})`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    const r = await pruneChanges(t.db, { keepDays: 0, keepRows: 0 });
    release();
    await holder;
    expect(r).toMatchObject({ ran: false, deleted: 0 });
  });
});
