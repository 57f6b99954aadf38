import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesSince, sql, type Database, type Kysely } from '../src/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

/**
 * The change cursor is one number (`id > last`, the SSE Last-Event-ID), so a change must never commit with a
 * smaller id than one a reader has already seen. The trigger's one advisory lock guarantees it; these tests show
 * it on the server with writers of different layers (a per-layer lock would not do) — and that the same
 * interleaving without the lock does skip a change.
 */
describe.skipIf(!testBackends().includes('server'))('change ids follow commit order under concurrent writers (server)', () => {
  let t: TestDatabase;
  let shelterId: number;
  let shelterIds: number[];
  let warehouseId: number;
  beforeAll(async () => {
    t = await openTestDatabase('server', 'sample');
    shelterIds = (await t.db.selectFrom('shelters').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
    shelterId = shelterIds[0]!;
    warehouseId = (await t.db.selectFrom('warehouses').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A reader like the change bus: everything after its last id. */
  const reader = (db: Kysely<Database>, start: number) => {
    const seen: number[] = [];
    let last = start;
    return {
      seen,
      async read() {
        for (const c of await changesSince(db, last)) {
          seen.push(c.id);
          last = c.id;
        }
      },
    };
  };
  const latestId = async () => Number((await t.db.selectFrom('changes').select((e) => e.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
  const idsAfter = async (start: number) => (await t.db.selectFrom('changes').select('id').where('id', '>', start).orderBy('id').execute()).map((r) => r.id);

  /** T1 writes a shelter and stays open; T2 writes a warehouse and commits; a reader reads; T1 commits; the reader reads again. */
  async function interleave(): Promise<{ seen: number[]; stored: number[] }> {
    const start = await latestId();
    const r = reader(t.db, start);
    let commitT1!: () => void;
    const t1Open = new Promise<void>((ok) => (commitT1 = ok));
    let t1Wrote!: () => void;
    const wrote = new Promise<void>((ok) => (t1Wrote = ok));
    const t1 = t.db.transaction().execute(async (trx) => {
      await trx.updateTable('shelters').set({ capacity: sql`capacity + 1` }).where('id', '=', shelterId).execute();
      t1Wrote();
      await t1Open;
    });
    await wrote;
    const t2 = t.db.updateTable('warehouses').set({ name: sql`name` }).where('id', '=', warehouseId).execute();
    try {
      await Promise.race([t2, new Promise((ok) => setTimeout(ok, 300))]); // with the lock T2 waits for T1
      await r.read();
    } finally {
      commitT1();
    }
    await t1;
    await t2;
    await r.read();
    return { seen: r.seen, stored: await idsAfter(start) };
  }

  it('a reader that reads between two overlapping writers of different layers misses nothing', async () => {
    const { seen, stored } = await interleave();
    expect(stored).toHaveLength(2);
    expect(seen).toEqual(stored);
  });

  it('many concurrent writers with random commit delays: the polling reader sees every change, in id order', async () => {
    const start = await latestId();
    const r = reader(t.db, start);
    let writing = true;
    const poll = (async () => {
      while (writing) {
        await r.read();
        await new Promise((ok) => setTimeout(ok, 2));
      }
    })();
    const writer = async (w: number) => {
      for (let i = 0; i < 8; i += 1) {
        await t.db.transaction().execute(async (trx) => {
          if ((w + i) % 2) await trx.updateTable('shelters').set({ capacity: sql`capacity + 1` }).where('id', '=', shelterIds[w % shelterIds.length]!).execute();
          else await trx.updateTable('warehouses').set({ name: sql`name` }).where('id', '=', warehouseId).execute();
          await sql`select pg_sleep(${((w * 7 + i * 13) % 20) / 1000})`.execute(trx);
        });
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => writer(w)));
    writing = false;
    await poll;
    await r.read();
    const stored = await idsAfter(start);
    expect(stored).toHaveLength(48);
    expect(r.seen).toEqual(stored);
  });

  it('without the lock the same interleaving skips a change (why the lock stays)', async () => {
    const def = (await sql<{ def: string }>`select pg_get_functiondef('riskmap_record_changes'::regproc) as def`.execute(t.db)).rows[0]!.def;
    expect(def).toMatch(/PERFORM pg_advisory_xact_lock\(\d+\);/);
    await sql.raw(def.replace(/PERFORM pg_advisory_xact_lock\(\d+\);/, '')).execute(t.db);
    try {
      const { seen, stored } = await interleave();
      expect(stored).toHaveLength(2);
      expect(seen).not.toEqual(stored);
      expect(seen).toEqual([stored[1]]); // T1's smaller id committed after the reader moved past it
    } finally {
      await sql.raw(def).execute(t.db);
    }
  });
});
