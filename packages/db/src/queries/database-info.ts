import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The PostGIS version and whether the database holds any data yet.
 * @example await databaseInfo(db) // { postgis: '3.6.2', empty: false }
 */
export async function databaseInfo(db: Kysely<Database>): Promise<{ postgis: string; empty: boolean }> {
  const { rows } = await sql<{ v: string }>`select PostGIS_Lib_Version() as v`.execute(db);
  const any = await db.selectFrom('admin_areas').select('id').limit(1).executeTakeFirst();
  return { postgis: rows[0]!.v, empty: !any };
}
