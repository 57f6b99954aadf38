import { sql, type Kysely } from 'kysely';

/** Saved siting runs (named scenarios) for the planning workspace to compare. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('siting_scenarios')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('siting_scenarios_created').on('siting_scenarios').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('siting_scenarios').ifExists().execute();
}
