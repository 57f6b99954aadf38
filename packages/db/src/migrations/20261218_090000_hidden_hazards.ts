import { sql, type Kysely } from 'kysely';

/**
 * Hidden hazards (隐患台账) with their five 到位 fields, the history of status steps, attachments stored in
 * the database, and the plan indicators entered per year.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const text = (c: any) => c.notNull().defaultTo('');
  await db.schema
    .createTable('hidden_hazards')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sample', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('risk_point_code', 'text')
    .addColumn('hazard_source_code', 'text')
    .addColumn('enterprise', 'text', text)
    .addColumn('place', 'text', text)
    .addColumn('township_code', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ('general','major')`))
    .addColumn('discovery_source', 'text', (c) => c.notNull())
    .addColumn('finder', 'text', text)
    .addColumn('found_on', 'date', (c) => c.notNull())
    .addColumn('description', 'text', text)
    .addColumn('responsible_unit', 'text', text)
    .addColumn('responsible_person', 'text', text)
    .addColumn('measures', 'text', text)
    .addColumn('funds_yuan', 'double precision')
    .addColumn('deadline', 'date')
    .addColumn('contingency_plan', 'text', text)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('found'))
    .addColumn('supervised', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('closed_on', 'date')
    .addColumn('geom', sql`geometry(Point, 4326)`, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hidden_hazards_geom_gist').on('hidden_hazards').using('gist').column('geom').execute();
  await db.schema.createIndex('hidden_hazards_township').on('hidden_hazards').column('township_code').execute();
  await db.schema.createIndex('hidden_hazards_risk_point').on('hidden_hazards').column('risk_point_code').execute();

  await db.schema
    .createTable('hidden_hazard_steps')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('hazard_id', 'integer', (c) => c.notNull().references('hidden_hazards.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', text)
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('note', 'text', text)
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('hidden_hazard_steps_hazard').on('hidden_hazard_steps').column('hazard_id').execute();

  await db.schema
    .createTable('hidden_hazard_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('hazard_id', 'integer', (c) => c.notNull().references('hidden_hazards.id').onDelete('cascade'))
    .addColumn('step_id', 'integer', (c) => c.references('hidden_hazard_steps.id').onDelete('set null'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('hidden_hazard_attachments_hazard').on('hidden_hazard_attachments').column('hazard_id').execute();

  await db.schema
    .createTable('plan_indicator_values')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', text)
    .addColumn('sample', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plan_indicator_values_key_year', ['indicator_key', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['plan_indicator_values', 'hidden_hazard_attachments', 'hidden_hazard_steps', 'hidden_hazards']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
