import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

type ChangeSeen = { layer: string; feature_id: number | null; action: string; version: number | null; public: boolean; public_seq: number | null; actor: string | null };

/** The change rows written after change id `after`, oldest first. */
async function changesAfter(t: TestDatabase, after: number): Promise<ChangeSeen[]> {
  const rows = await t.db.selectFrom('changes').select(['id', 'layer', 'feature_id', 'action', 'version', 'public', 'public_seq', 'actor']).where('id', '>', after).orderBy('id').execute();
  return rows.map(({ id: _id, ...r }) => ({ ...r, public_seq: r.public_seq === null ? null : Number(r.public_seq) }));
}

async function lastChange(t: TestDatabase): Promise<number> {
  const r = await t.db.selectFrom('changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

async function lastPublic(t: TestDatabase): Promise<number> {
  const r = await t.db.selectFrom('changes').select((eb) => eb.fn.max('public_seq').as('p')).executeTakeFirst();
  return Number(r?.p ?? 0);
}

const shelter = (code: string, isPublic: boolean) => ({
  code, name: code, sample: false, shelter_class: 'emergency', site_type: 'park', total_area_m2: 100, effective_area_m2: 50, capacity: 10, status: 'planned',
  is_public: isPublic, geom: sql`ST_SetSRID(ST_MakePoint(115.79, 36.11), 4326)`,
});

// The change log is written by statement-level triggers (migration 20261220_090000): one change row per changed row.
describe.each(testBackends())('the change log on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
  });
  afterAll(async () => t?.close());

  it('a multi-row INSERT writes one change per row in id order, public ones numbered without gaps, with the actor', async () => {
    const before = await lastChange(t);
    const pub = await lastPublic(t);
    const ids = await t.db.transaction().execute(async (trx) => {
      await sql`select set_config('riskmap.actor', 'li', true)`.execute(trx);
      const rows = await trx.insertInto('shelters').values([shelter('CH-1', true), shelter('CH-2', false), shelter('CH-3', true)] as never).returning('id').execute();
      return rows.map((r) => r.id);
    });
    const seen = await changesAfter(t, before);
    const first = seen[0]!.public_seq!;
    expect(first).toBeGreaterThan(pub);
    expect(seen).toEqual([
      { layer: 'shelters', feature_id: ids[0], action: 'create', version: 1, public: true, public_seq: first, actor: 'li' },
      { layer: 'shelters', feature_id: ids[1], action: 'create', version: 1, public: false, public_seq: null, actor: 'li' },
      { layer: 'shelters', feature_id: ids[2], action: 'create', version: 1, public: true, public_seq: first + 1, actor: 'li' },
    ]);
  });

  it('an UPDATE of many rows: public only when a public column changed, delete and restore told apart', async () => {
    const ids = (await t.db.selectFrom('shelters').select('id').where('code', 'in', ['CH-1', 'CH-2', 'CH-3']).orderBy('id').execute()).map((r) => r.id);
    let before = await lastChange(t);
    // contact_phone is not a public column: the change is recorded, hidden from the public
    await t.db.updateTable('shelters').set({ contact_phone: '123', version: sql`version + 1` }).where('id', 'in', ids).execute();
    let seen = await changesAfter(t, before);
    expect(seen.map((c) => [c.feature_id, c.action, c.version, c.public])).toEqual([[ids[0], 'update', 2, false], [ids[1], 'update', 2, false], [ids[2], 'update', 2, false]]);
    expect(seen.every((c) => c.actor !== null && c.public_seq === null)).toBe(true);

    before = await lastChange(t);
    await t.db.updateTable('shelters').set({ name: 'renamed', version: sql`version + 1` }).where('id', 'in', ids).execute();
    seen = await changesAfter(t, before);
    // a public column changed: public for rows the public may see (is_public), hidden for the other
    expect(seen.map((c) => [c.feature_id, c.public])).toEqual([[ids[0], true], [ids[1], false], [ids[2], true]]);

    before = await lastChange(t);
    await t.db.updateTable('shelters').set({ deleted_at: sql`now()` }).where('id', '=', ids[0]!).execute();
    await t.db.updateTable('shelters').set({ deleted_at: null }).where('id', '=', ids[0]!).execute();
    seen = await changesAfter(t, before);
    expect(seen.map((c) => [c.feature_id, c.action, c.public])).toEqual([[ids[0], 'delete', true], [ids[0], 'restore', true]]);
  });

  it('a statement that changes no row writes no change; a DELETE writes one per row', async () => {
    const before = await lastChange(t);
    await t.db.updateTable('shelters').set({ name: 'x' }).where('code', '=', 'no-such-code').execute();
    expect(await changesAfter(t, before)).toEqual([]);
    const ids = (await t.db.selectFrom('shelters').select('id').where('code', 'in', ['CH-2', 'CH-3']).orderBy('id').execute()).map((r) => r.id);
    await t.db.deleteFrom('shelter_status_history').where('shelter_id', 'in', ids).execute();
    await t.db.deleteFrom('shelters').where('id', 'in', ids).execute();
    expect((await changesAfter(t, before)).map((c) => [c.feature_id, c.action, c.public])).toEqual([[ids[0], 'delete', false], [ids[1], 'delete', true]]);
  });

  it('every layer table writes its changes, layers the public may not see stay hidden', async () => {
    const before = await lastChange(t);
    await t.db.updateTable('fire_stations').set({ version: sql`version + 1`, name: sql`name || ''` }).execute();
    await t.db.updateTable('warehouses').set({ version: sql`version + 1`, contact_phone: '1' }).execute();
    await t.db.updateTable('hidden_hazards').set({ version: sql`version + 1` }).execute();
    const seen = await changesAfter(t, before);
    const count = async (table: 'fire_stations' | 'warehouses' | 'hidden_hazards') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(seen.filter((c) => c.layer === 'fire-stations').length).toBe(await count('fire_stations'));
    expect(seen.filter((c) => c.layer === 'warehouses').length).toBe(await count('warehouses'));
    expect(seen.filter((c) => c.layer === 'hidden-hazards').length).toBe(await count('hidden_hazards'));
    // name unchanged (name || '') is not a public change, and warehouses are never public
    expect(seen.some((c) => c.public)).toBe(false);
  });
});
