import { sql, type Kysely } from 'kysely';

/**
 * The change table is pruned (keep N days and at least the last M rows; see queries/change-retention.ts).
 * `change_retention` holds, in its one row, the highest change id and the highest public position that were
 * pruned: an event stream whose Last-Event-ID is below them cannot be replayed and gets `reset` instead.
 * The index on `at` serves the age condition of the prune.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_retention')
    .addColumn('id', 'smallint', (c) => c.primaryKey().defaultTo(1).check(sql`id = 1`))
    .addColumn('pruned_through', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('public_pruned_through', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pruned_rows', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pruned_at', 'timestamptz')
    .execute();
  await db.insertInto('change_retention').values({ id: 1 }).execute();
  await db.schema.createIndex('changes_at').on('changes').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('changes_at').ifExists().execute();
  await db.schema.dropTable('change_retention').ifExists().execute();
}
