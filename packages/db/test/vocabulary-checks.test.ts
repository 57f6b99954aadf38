import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { ENUMERATIONS, LAYER_FIELDS, LAYER_IDS, type EnumId } from '@riskmap/contract';
import { LAYERS } from '../src/index.js';
import { migrationProvider, migrations } from '../src/migrations/index.js';
import { ENUM_CHECKS, RANGE_CHECKS, checkName, type EnumCheck } from '../src/migrations/20261222_090000_vocabulary_checks.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

const THIS = '20261222_090000_vocabulary_checks';
const BEFORE = Object.keys(migrations).sort().filter((n) => n < THIS).at(-1)!;
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const migrator = (db: Kysely<any>) => new Migrator({ db, provider: migrationProvider });

/** The database error of a statement, or null when it succeeded. */
async function refusal(run: () => Promise<unknown>): Promise<{ code?: string; constraint?: string } | null> {
  try {
    await run();
    return null;
  } catch (err) {
    return err as { code?: string; constraint?: string };
  }
}

/** Run writes in a transaction that is always rolled back. */
async function rolledBack(db: Kysely<any>, run: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  const ROLLBACK = new Error('rollback');
  await db.transaction().execute(async (trx) => {
    await run(trx);
    throw ROLLBACK;
  }).catch((e) => { if (e !== ROLLBACK) throw e; });
}

const stored = (c: EnumCheck, v: string | number) => (c.list ? JSON.stringify([v]) : v);

describe('the vocabulary checks migration', () => {
  it('holds the current vocabulary: a change of the vocabulary needs a new migration', () => {
    for (const c of ENUM_CHECKS) {
      const e = ENUMERATIONS[c.enumeration as EnumId];
      expect(e, `${c.table}.${c.column}: enumeration ${c.enumeration}`).toBeDefined();
      expect([...c.values], `${c.table}.${c.column} = ${c.enumeration}`).toEqual([...e.values]);
    }
  });

  it('checks every enumerated field of every layer (and every closed list)', () => {
    const checked = new Set(ENUM_CHECKS.map((c) => `${c.table}.${c.column}:${c.enumeration}`));
    for (const layer of LAYER_IDS) {
      for (const f of LAYER_FIELDS[layer]) {
        if (!f.enum || (f.kind !== 'enum' && !(f.kind === 'list' && !f.open))) continue;
        expect(checked.has(`${LAYERS[layer].table}.${snake(f.key)}:${f.enum}`), `${layer}.${f.key} (${f.enum})`).toBe(true);
      }
    }
  });
});

describe.each(testBackends())('the vocabulary checks on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'sample');
  });
  afterAll(() => t?.close());

  const firstId = async (table: string) => (await t.db.selectFrom(table as 'shelters').select('id').orderBy('id').executeTakeFirstOrThrow()).id;

  it('are on the sample database, which passes them', async () => {
    const { rows } = await sql<{ n: string }>`select conname as n from pg_constraint where contype = 'c'`.execute(t.db);
    const names = new Set(rows.map((r) => r.n));
    for (const c of [...ENUM_CHECKS, ...RANGE_CHECKS]) expect(names.has(checkName(c.table, c.column)), checkName(c.table, c.column)).toBe(true);
    // the sample data was loaded under the checks; down and up again re-checks every stored row
    expect((await migrator(t.db).migrateTo(BEFORE)).error).toBeUndefined();
    const up = await migrator(t.db).migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(up.results?.map((r) => r.migrationName)).toContain(THIS);
  });

  it('accept every value the vocabulary allows', async () => {
    for (const c of ENUM_CHECKS) {
      const id = await firstId(c.table);
      await rolledBack(t.db, async (trx) => {
        for (const v of c.values) {
          await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${stored(c, v)} where id = ${id}`.execute(trx);
        }
        if (c.list) await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${JSON.stringify(c.values)} where id = ${id}`.execute(trx);
      });
    }
  });

  it('refuse a value outside the vocabulary written with plain SQL, naming the constraint', async () => {
    for (const c of ENUM_CHECKS) {
      const id = await firstId(c.table);
      const bad = typeof c.values[0] === 'number' ? 9 : 'not-in-the-vocabulary';
      const err = await refusal(() => sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${stored(c, bad)} where id = ${id}`.execute(t.db));
      expect(err?.code, `${c.table}.${c.column} = ${bad}`).toBe('23514');
      expect(err?.constraint, `${c.table}.${c.column}`).toBe(checkName(c.table, c.column));
    }
    const list = ENUM_CHECKS.find((c) => c.list)!;
    const listId = await firstId(list.table);
    const notArray = await refusal(() => sql`update ${sql.table(list.table)} set ${sql.ref(list.column)} = ${JSON.stringify({ shelter: true })} where id = ${listId}`.execute(t.db));
    expect(notArray?.code).toBe('23514');
  });

  it('refuse a number below its range written with plain SQL', async () => {
    for (const c of RANGE_CHECKS) {
      const id = await firstId(c.table);
      const err = await refusal(() => sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${c.above ? c.min : c.min - 1} where id = ${id}`.execute(t.db));
      expect(err?.code, `${c.table}.${c.column}`).toBe('23514');
      expect(err?.constraint).toBe(checkName(c.table, c.column));
    }
  });

  it('refuse to migrate over stored values outside the vocabulary, naming them and changing nothing', async () => {
    expect((await migrator(t.db).migrateTo(BEFORE)).error).toBeUndefined();
    const id = await firstId('shelters');
    const code = (await t.db.selectFrom('shelters').select(['code', 'shelter_class']).where('id', '=', id).executeTakeFirstOrThrow());
    await t.db.updateTable('shelters').set({ shelter_class: 'bunker' }).where('id', '=', id).execute();
    const failed = await migrator(t.db).migrateToLatest();
    expect(failed.error).toBeDefined();
    expect(String((failed.error as Error).message)).toContain(`shelters.shelter_class = "bunker" (code ${code.code}; must be one of emergency`);
    expect((await t.db.selectFrom('shelters').select('shelter_class').where('id', '=', id).executeTakeFirstOrThrow()).shelter_class).toBe('bunker');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_constraint where conname = ${checkName('shelters', 'shelter_class')}`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
    await t.db.updateTable('shelters').set({ shelter_class: code.shelter_class }).where('id', '=', id).execute();
    expect((await migrator(t.db).migrateToLatest()).error).toBeUndefined();
  });

  it('go down to the earlier column checks and drop the new ones', async () => {
    expect((await migrator(t.db).migrateTo(BEFORE)).error).toBeUndefined();
    const { rows } = await sql<{ n: string }>`select conname as n from pg_constraint where contype = 'c'`.execute(t.db);
    const names = new Set(rows.map((r) => r.n));
    expect(names.has(checkName('shelters', 'shelter_class'))).toBe(false);
    expect(names.has(checkName('fire_stations', 'turnout_minutes'))).toBe(false);
    expect(names.has(checkName('shelters', 'status'))).toBe(true); // the first migration's, restored
    const id = await firstId('shelters');
    expect((await refusal(() => sql`update shelters set status = 'gone' where id = ${id}`.execute(t.db)))?.code).toBe('23514');
    expect((await migrator(t.db).migrateToLatest()).error).toBeUndefined();
  });
});
