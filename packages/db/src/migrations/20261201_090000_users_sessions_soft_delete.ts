import { sql, type Kysely } from 'kysely';

/** Tables whose rows are edited through the API and so can be soft-deleted. */
const EDITABLE = ['admin_areas', 'risk_points', 'hazard_sources', 'shelters', 'warehouses', 'fire_stations', 'demand_points', 'candidate_sites'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('commander','planner','admin')`))
    .addColumn('township_code', 'text')
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  for (const table of EDITABLE) {
    await db.schema.alterTable(table).addColumn('deleted_at', 'timestamptz').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of EDITABLE) {
    await db.schema.alterTable(table).dropColumn('deleted_at').execute();
  }
  await db.schema.dropTable('sessions').ifExists().execute();
  await db.schema.dropTable('users').ifExists().execute();
}
