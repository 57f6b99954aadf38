import { sql, type Kysely } from 'kysely';

/**
 * The change log (migration 20261213_090000_change_log) is written per statement instead of per row: each layer
 * table gets three AFTER … FOR EACH STATEMENT triggers (insert, update, delete) with transition tables, and one
 * set-based INSERT writes the same change rows the row trigger wrote — one per changed row, in row id order, with
 * the same action, version, public flag, public_seq and actor — then NOTIFYs once. A 50,000-row import thus runs
 * 100 trigger calls of 500 rows instead of 50,000 calls, each with its own INSERT and NOTIFY.
 *
 * The rules (public layers, shelters only while `is_public`, an update public only when a public column, the
 * geometry or the deletion state changed) and the trigger arguments are the row trigger's, copied here as they
 * are at this migration. The old function `riskmap_record_change()` stays for `down`.
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
  { table: 'hidden_hazards', layer: 'hidden-hazards', mode: 'none', publicColumns: [] },
];

/** The advisory lock key that orders change ids by commit (the same constant as 20261213: 'rmch'). */
const ORDER_LOCK = 0x726d6368;

const EVENTS = [
  { op: 'insert', suffix: 'insert', referencing: sql`REFERENCING NEW TABLE AS new_rows` },
  { op: 'update', suffix: 'update', referencing: sql`REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows` },
  { op: 'delete', suffix: 'delete', referencing: sql`REFERENCING OLD TABLE AS old_rows` },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // Arguments: layer id, public mode (none | all | flag), public columns (comma-separated). The statement is built
  // with format() from those arguments (column names quoted by %I), so each compares only the columns it names
  // instead of turning whole rows into JSON (which would render every geometry as GeoJSON).
  await sql`
    CREATE FUNCTION riskmap_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      mode text := TG_ARGV[1];
      cols text[] := string_to_array(TG_ARGV[2], ',') || ARRAY['geom', 'deleted_at'];
      who text := coalesce(nullif(current_setting('riskmap.actor', true), ''), session_user::text);
      changed text;
      visible text;
      act text;
      source text;
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(format('o.%1$I IS DISTINCT FROM n.%1$I', c), ' OR ') INTO changed FROM unnest(cols) AS c WHERE c <> '';
        visible := CASE mode
          WHEN 'none' THEN 'false'
          WHEN 'flag' THEN format('(coalesce(o.is_public, false) OR coalesce(n.is_public, false)) AND (%s)', changed)
          ELSE format('(%s)', changed) END;
        act := $a$CASE WHEN o.deleted_at IS NULL AND n.deleted_at IS NOT NULL THEN 'delete'
          WHEN o.deleted_at IS NOT NULL AND n.deleted_at IS NULL THEN 'restore' ELSE 'update' END$a$;
        source := 'old_rows o JOIN new_rows n ON n.id = o.id';
        PERFORM 1 FROM new_rows LIMIT 1;
      ELSE
        visible := CASE mode WHEN 'none' THEN 'false' WHEN 'flag' THEN 'coalesce(n.is_public, false)' ELSE 'true' END;
        act := CASE TG_OP WHEN 'INSERT' THEN $a$'create'$a$ ELSE $a$'delete'$a$ END;
        source := CASE TG_OP WHEN 'INSERT' THEN 'new_rows n' ELSE 'old_rows n' END;
        IF TG_OP = 'INSERT' THEN PERFORM 1 FROM new_rows LIMIT 1; ELSE PERFORM 1 FROM old_rows LIMIT 1; END IF;
      END IF;
      IF NOT FOUND THEN RETURN NULL; END IF;
      PERFORM pg_advisory_xact_lock(${sql.lit(ORDER_LOCK)});
      EXECUTE format(
        'INSERT INTO changes (public_seq, layer, feature_id, action, version, public, actor)
         SELECT CASE WHEN s.visible THEN nextval(%L) END, $1, s.id, s.act, s.version, s.visible, $2
         FROM (SELECT n.id, n.version, %s AS act, %s AS visible FROM %s ORDER BY n.id) s',
        'change_public_seq', act, visible, source)
      USING TG_ARGV[0], who;
      PERFORM pg_notify('riskmap_changes', '');
      RETURN NULL;
    END $$
  `.execute(db);

  for (const t of LAYER_TABLES) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${t.table}_record_change`)} ON ${sql.table(t.table)}`.execute(db);
    for (const e of EVENTS) {
      await sql`
        CREATE TRIGGER ${sql.id(`${t.table}_record_changes_${e.suffix}`)} AFTER ${sql.raw(e.op.toUpperCase())} ON ${sql.table(t.table)}
        ${e.referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION riskmap_record_changes(${sql.lit(t.layer)}, ${sql.lit(t.mode)}, ${sql.lit(t.publicColumns.join(','))})
      `.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of LAYER_TABLES) {
    for (const e of EVENTS) await sql`DROP TRIGGER IF EXISTS ${sql.id(`${t.table}_record_changes_${e.suffix}`)} ON ${sql.table(t.table)}`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${t.table}_record_change`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(t.table)}
      FOR EACH ROW EXECUTE FUNCTION riskmap_record_change(${sql.lit(t.layer)}, ${sql.lit(t.mode)}, ${sql.lit(t.publicColumns.join(','))})
    `.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS riskmap_record_changes()`.execute(db);
}
