import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateDownAll, migrateToLatest } from '../src/index.js';
import { migrations } from '../src/migrations/index.js';

const ALL = Object.keys(migrations).sort();
import { openTestDatabase, testBackends, type TestDatabase } from '../src/testing/index.js';

async function tables(t: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(t.db);
  return rows.map((r) => r.t);
}

describe.each(testBackends())('migrations on the %s backend', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, 'empty');
  });
  afterAll(async () => t?.close());

  it('create every table of the data model', async () => {
    expect(await tables(t)).toEqual(expect.arrayContaining([
      'admin_areas', 'audit_log', 'candidate_sites', 'demand_points', 'fire_stations', 'hazard_sources', 'risk_points',
      'shelter_status_history', 'shelters', 'warehouse_stock', 'warehouses',
    ]));
  });

  it('put a GiST index on every geometry column', async () => {
    const { rows } = await sql<{ c: string }>`
      select c.relname as c from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
      where a.amname = 'gist' order by 1`.execute(t.db);
    expect(rows.map((r) => r.c)).toEqual(expect.arrayContaining(['shelters_geom_gist', 'admin_areas_geom_gist', 'hazard_sources_boundary_gist', 'demand_points_geom_gist']));
  });

  it('change nothing when run a second time', async () => {
    const before = await tables(t);
    expect(await migrateToLatest(t.db)).toEqual([]);
    expect(await tables(t)).toEqual(before);
  });

  it('go down and up again cleanly', async () => {
    expect(await migrateDownAll(t.db)).toEqual([...ALL].reverse());
    expect((await tables(t)).filter((n) => !n.startsWith('kysely_') && n !== 'spatial_ref_sys')).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual(ALL);
  });
});
