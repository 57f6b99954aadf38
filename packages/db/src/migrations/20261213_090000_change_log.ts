import { sql, type Kysely } from 'kysely';

/**
 * The database is the clock: every committed change to a layer table — through the API, an import or
 * plain SQL — writes a `changes` row in its own transaction (a trigger) and NOTIFYs `riskmap_changes`.
 * Change ids follow commit order (writers of layer tables take one transaction-scoped advisory lock
 * before they number their change), so a reader that has seen id N has seen every change up to N.
 * A change the public may see also gets the next `public_seq`, a sequence of its own, so the
 * public event stream has no gaps that would reveal hidden edits.
 *
 * Which rows and columns are public is copied from the layer descriptors as they are at this migration
 * (public layers; shelters only while `is_public`; an update counts as public only when a public
 * column, the geometry or the deletion state changed).
 */
const LAYER_TABLES: { table: string; layer: string; mode: 'none' | 'all' | 'flag'; publicColumns: string[] }[] = [
  { table: 'admin_areas', layer: 'townships', mode: 'all', publicColumns: ['code', 'name', 'sample', 'level', 'parent_code', 'population', 'is_urban', 'kind', 'approximate', 'seat'] },
  { table: 'risk_points', layer: 'risk-points', mode: 'none', publicColumns: [] },
  { table: 'hazard_sources', layer: 'hazard-sources', mode: 'none', publicColumns: [] },
  {
    table: 'shelters', layer: 'shelters', mode: 'flag',
    publicColumns: ['code', 'name', 'sample', 'shelter_class', 'site_type', 'effective_area_m2', 'capacity', 'status', 'suitability', 'facilities', 'address', 'access', 'township_code', 'site', 'is_public'],
  },
  { table: 'warehouses', layer: 'warehouses', mode: 'none', publicColumns: [] },
  { table: 'fire_stations', layer: 'fire-stations', mode: 'all', publicColumns: ['code', 'name', 'sample', 'station_type', 'township_code'] },
  { table: 'demand_points', layer: 'demand-points', mode: 'all', publicColumns: ['code', 'name', 'sample', 'kind', 'township_code'] },
  { table: 'candidate_sites', layer: 'candidate-sites', mode: 'none', publicColumns: [] },
];

/** The advisory lock key that orders change ids by commit (any constant; 'rmch'). */
const ORDER_LOCK = 0x726d6368;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('public_seq', 'bigint', (c) => c.unique())
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('feature_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('create','update','delete','restore')`))
    .addColumn('version', 'integer')
    .addColumn('public', 'boolean', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('changes_layer_id').on('changes').columns(['layer', 'id']).execute();
  await sql`CREATE SEQUENCE change_public_seq`.execute(db);

  await sql`
    CREATE FUNCTION riskmap_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
      n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
      mode text := TG_ARGV[1];
      cols text[] := string_to_array(TG_ARGV[2], ',') || ARRAY['geom', 'deleted_at'];
      act text;
      visible boolean;
    BEGIN
      PERFORM pg_advisory_xact_lock(${sql.lit(ORDER_LOCK)});
      act := CASE
        WHEN TG_OP = 'INSERT' THEN 'create'
        WHEN TG_OP = 'DELETE' THEN 'delete'
        WHEN (o->>'deleted_at') IS NULL AND (n->>'deleted_at') IS NOT NULL THEN 'delete'
        WHEN (o->>'deleted_at') IS NOT NULL AND (n->>'deleted_at') IS NULL THEN 'restore'
        ELSE 'update' END;
      visible := CASE mode
        WHEN 'none' THEN false
        WHEN 'flag' THEN coalesce((o->>'is_public')::boolean, false) OR coalesce((n->>'is_public')::boolean, false)
        ELSE true END;
      IF visible AND TG_OP = 'UPDATE' THEN
        visible := EXISTS (SELECT 1 FROM unnest(cols) AS c WHERE (o->c) IS DISTINCT FROM (n->c));
      END IF;
      INSERT INTO changes (public_seq, layer, feature_id, action, version, public, actor)
      VALUES (
        CASE WHEN visible THEN nextval('change_public_seq') END,
        TG_ARGV[0],
        (coalesce(n, o)->>'id')::integer,
        act,
        (coalesce(n, o)->>'version')::integer,
        visible,
        coalesce(nullif(current_setting('riskmap.actor', true), ''), session_user::text)
      );
      PERFORM pg_notify('riskmap_changes', '');
      RETURN NULL;
    END $$
  `.execute(db);

  for (const t of LAYER_TABLES) {
    await sql`
      CREATE TRIGGER ${sql.id(`${t.table}_record_change`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(t.table)}
      FOR EACH ROW EXECUTE FUNCTION riskmap_record_change(${sql.lit(t.layer)}, ${sql.lit(t.mode)}, ${sql.lit(t.publicColumns.join(','))})
    `.execute(db);
  }

  // Siting runs are rows: any process answers for a run, cancels it, or finds that its worker died.
  await db.schema
    .createTable('siting_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('request', 'jsonb', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status in ('queued','running','done','failed','cancelled')`))
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('time_limit_ms', 'integer', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('worker', 'text')
    .addColumn('cancel_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('siting_runs_status').on('siting_runs').columns(['status', 'created_at']).execute();
  await db.schema.alterTable('siting_scenarios').addColumn('run_id', 'uuid', (c) => c.references('siting_runs.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('siting_scenarios').dropColumn('run_id').execute();
  await db.schema.dropTable('siting_runs').ifExists().execute();
  for (const t of LAYER_TABLES) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${t.table}_record_change`)} ON ${sql.table(t.table)}`.execute(db);
  await sql`DROP FUNCTION IF EXISTS riskmap_record_change()`.execute(db);
  await sql`DROP SEQUENCE IF EXISTS change_public_seq`.execute(db);
  await db.schema.dropTable('changes').ifExists().execute();
}
