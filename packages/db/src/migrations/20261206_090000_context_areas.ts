import { sql, type Kysely } from 'kysely';

/** Areas shown for context only (neighbouring counties on the offline base map); not analysed. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('context_areas')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('neighbour'))
    .addColumn('geom', sql`geometry(MultiPolygon, 4326)`, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('context_areas_geom_gist').on('context_areas').using('gist').column('geom').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('context_areas').ifExists().execute();
}
