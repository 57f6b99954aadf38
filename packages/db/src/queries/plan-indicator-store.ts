import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface IndicatorValue {
  indicatorKey: string;
  year: number;
  value: number;
  source: string;
  note: string;
  sample: boolean;
  version: number;
  enteredBy: string;
  enteredAt: string;
}

/** Every entered indicator value, by key then year. */
export async function listIndicatorValues(db: Kysely<Database>): Promise<IndicatorValue[]> {
  const rows = await db.selectFrom('plan_indicator_values').selectAll().orderBy('indicator_key').orderBy('year').execute();
  return rows.map((r) => ({
    indicatorKey: r.indicator_key, year: r.year, value: Number(r.value), source: r.source, note: r.note, sample: r.sample, version: r.version,
    enteredBy: r.entered_by, enteredAt: r.entered_at instanceof Date ? r.entered_at.toISOString() : String(r.entered_at),
  }));
}

/**
 * Enter (version undefined: must be new) or replace (version = the one read) an indicator's value for a year.
 * Returns the stored value, or `{ stale: current }` when the version does not match.
 * @example await upsertIndicatorValue(trx, { indicatorKey: 'fire-deaths-per-100k', year: 2024, value: 0.14, source: '2024年统计公报', note: '', enteredBy: 'admin' })
 */
export async function upsertIndicatorValue(
  trx: Kysely<Database>,
  v: { indicatorKey: string; year: number; value: number; source: string; note: string; enteredBy: string; sample?: boolean; version?: number },
): Promise<{ ok: true; value: IndicatorValue } | { ok: false; current: IndicatorValue | null }> {
  const current = await trx.selectFrom('plan_indicator_values').selectAll().where('indicator_key', '=', v.indicatorKey).where('year', '=', v.year).forUpdate().executeTakeFirst();
  if (current ? v.version !== current.version : v.version !== undefined) {
    return { ok: false, current: current ? (await listIndicatorValues(trx)).find((x) => x.indicatorKey === v.indicatorKey && x.year === v.year)! : null };
  }
  if (current) {
    await trx
      .updateTable('plan_indicator_values')
      .set({ value: v.value, source: v.source, note: v.note, entered_by: v.enteredBy, entered_at: sql`now()`, version: sql`version + 1`, sample: v.sample ?? false })
      .where('id', '=', current.id)
      .execute();
  } else {
    await trx
      .insertInto('plan_indicator_values')
      .values({ indicator_key: v.indicatorKey, year: v.year, value: v.value, source: v.source, note: v.note, entered_by: v.enteredBy, sample: v.sample ?? false })
      .execute();
  }
  const all = await listIndicatorValues(trx);
  return { ok: true, value: all.find((x) => x.indicatorKey === v.indicatorKey && x.year === v.year)! };
}
