import { sql, type Kysely } from 'kysely';

/**
 * The hidden-hazard register joins the change log (migration 20261213_090000_change_log): every committed
 * change to a hidden hazard writes a change row and NOTIFYs, like the other layers. None of it is public.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TRIGGER hidden_hazards_record_change AFTER INSERT OR UPDATE OR DELETE ON hidden_hazards
    FOR EACH ROW EXECUTE FUNCTION riskmap_record_change('hidden-hazards', 'none', '')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS hidden_hazards_record_change ON hidden_hazards`.execute(db);
}
