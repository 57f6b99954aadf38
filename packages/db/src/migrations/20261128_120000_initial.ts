import { sql, type Kysely, type CreateTableBuilder } from 'kysely';

type Geom = 'Point' | 'MultiPolygon' | 'Polygon' | 'Geometry';
const geometry = (type: Geom) => sql`geometry(${sql.raw(type)}, 4326)`;

/** Columns every editable layer has: identity, code, name, sample flag, optimistic-concurrency version. */
function editable<T extends string>(t: CreateTableBuilder<T, never>) {
  return t
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sample', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));
}

const text = (c: any) => c.notNull().defaultTo('');
const json = (fallback: string) => (c: any) => c.notNull().defaultTo(sql.lit(fallback));

const GIST: [table: string, column: string][] = [
  ['admin_areas', 'geom'],
  ['risk_points', 'geom'],
  ['hazard_sources', 'geom'],
  ['hazard_sources', 'boundary'],
  ['shelters', 'geom'],
  ['warehouses', 'geom'],
  ['fire_stations', 'geom'],
  ['demand_points', 'geom'],
  ['candidate_sites', 'geom'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await editable(db.schema.createTable('admin_areas'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('county','township','village')`))
    .addColumn('parent_code', 'text')
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    .addColumn('is_urban', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('approximate', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('seat', geometry('Point'))
    .addColumn('geom', geometry('MultiPolygon'), (c) => c.notNull())
    .execute();

  await editable(db.schema.createTable('hazard_sources'))
    .addColumn('enterprise', 'text', text)
    .addColumn('township_code', 'text')
    .addColumn('substances', 'jsonb', json('[]'))
    .addColumn('s_value', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('is_major', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('alpha', 'double precision')
    .addColumn('r_value', 'double precision')
    .addColumn('grade', 'smallint', (c) => c.check(sql`grade between 1 and 4`))
    .addColumn('people_within_500m', 'integer')
    .addColumn('method_version', 'text', text)
    .addColumn('contact_person', 'text', text)
    .addColumn('contact_phone', 'text', text)
    .addColumn('boundary', geometry('Polygon'))
    .addColumn('geom', geometry('Point'), (c) => c.notNull())
    .execute();

  await editable(db.schema.createTable('risk_points'))
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('hazard_types', 'jsonb', json('[]'))
    .addColumn('assessment_method', 'text', (c) => c.notNull().check(sql`assessment_method in ('lec','matrix')`))
    .addColumn('assessment_inputs', 'jsonb', json('{}'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 1 and 4`))
    .addColumn('method_version', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text')
    .addColumn('assessor', 'text', text)
    .addColumn('direct_major_reason', 'text')
    .addColumn('enterprise', 'text', text)
    .addColumn('township_code', 'text')
    .addColumn('responsible_unit', 'text', text)
    .addColumn('responsible_person', 'text', text)
    .addColumn('responsible_phone', 'text', text)
    .addColumn('control_measures', 'text', text)
    .addColumn('hazard_source_code', 'text')
    .addColumn('geom', geometry('Geometry'), (c) => c.notNull())
    .execute();

  await editable(db.schema.createTable('shelters'))
    .addColumn('shelter_class', 'text', (c) => c.notNull())
    .addColumn('site_type', 'text', (c) => c.notNull())
    .addColumn('total_area_m2', 'double precision', (c) => c.notNull().check(sql`total_area_m2 >= 0`))
    .addColumn('effective_area_m2', 'double precision', (c) => c.notNull().check(sql`effective_area_m2 >= 0`))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','built','open','closed')`))
    .addColumn('suitability', 'jsonb', json('{}'))
    .addColumn('facilities', 'jsonb', json('[]'))
    .addColumn('address', 'text', text)
    .addColumn('access', 'text', text)
    .addColumn('contact_person', 'text', text)
    .addColumn('contact_phone', 'text', text)
    .addColumn('is_public', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('township_code', 'text')
    .addColumn('site', geometry('Polygon'))
    .addColumn('geom', geometry('Point'), (c) => c.notNull())
    .addCheckConstraint('shelters_effective_le_total', sql`effective_area_m2 <= total_area_m2`)
    .execute();

  await db.schema
    .createTable('shelter_status_history')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('shelter_id', 'integer', (c) => c.notNull().references('shelters.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed_by', 'text', text)
    .addColumn('note', 'text', text)
    .execute();

  await editable(db.schema.createTable('warehouses'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('county','township','park')`))
    .addColumn('floor_area_m2', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('township_code', 'text')
    .addColumn('contact_person', 'text', text)
    .addColumn('contact_phone', 'text', text)
    .addColumn('geom', geometry('Point'), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warehouse_stock')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull().check(sql`quantity >= 0`))
    .addColumn('minimum', 'double precision', (c) => c.notNull().defaultTo(0))
    .execute();

  await editable(db.schema.createTable('fire_stations'))
    .addColumn('station_type', 'text', (c) => c.notNull())
    .addColumn('vehicles', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('turnout_minutes', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('township_code', 'text')
    .addColumn('contact_phone', 'text', text)
    .addColumn('geom', geometry('Point'), (c) => c.notNull())
    .execute();

  await editable(db.schema.createTable('demand_points'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('township_code', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    .addColumn('geom', geometry('Point'), (c) => c.notNull())
    .execute();

  await editable(db.schema.createTable('candidate_sites'))
    .addColumn('site_type', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'double precision', (c) => c.notNull())
    .addColumn('effective_area_m2', 'double precision', (c) => c.notNull())
    .addColumn('suitable_for', 'jsonb', json('[]'))
    .addColumn('township_code', 'text')
    .addColumn('constraints', 'text', text)
    .addColumn('geom', geometry('Point'), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('feature_id', 'integer')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();

  for (const [table, column] of GIST) {
    await db.schema.createIndex(`${table}_${column}_gist`).on(table).using('gist').column(column).execute();
  }
  await db.schema.createIndex('audit_log_layer_feature').on('audit_log').columns(['layer', 'feature_id']).execute();
  await db.schema.createIndex('demand_points_township').on('demand_points').column('township_code').execute();
  await db.schema.createIndex('shelters_township').on('shelters').column('township_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'candidate_sites',
    'demand_points',
    'fire_stations',
    'warehouse_stock',
    'warehouses',
    'shelter_status_history',
    'shelters',
    'risk_points',
    'hazard_sources',
    'admin_areas',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
