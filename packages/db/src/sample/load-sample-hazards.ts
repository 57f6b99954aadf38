import type { FeatureCollection, Point } from 'geojson';
import type { Kysely } from 'kysely';
import type { RiskPointProps } from '@riskmap/geo';
import { generateSampleHazards, sampleIndicatorValues } from '@riskmap/sample';
import type { Database } from '../schema.js';
import { LAYERS } from '../layers/descriptors.js';
import { rowFromFeature } from '../layers/feature-row.js';

/**
 * Load the sample hidden hazards (with their status steps) and the invented indicator values, all 示例数据;
 * call inside the sample-loading transaction. Returns the number of hazards.
 * @example await loadSampleHazards(trx, ds.riskPoints, ds.seed)
 */
export async function loadSampleHazards(trx: Kysely<Database>, riskPoints: FeatureCollection<Point, RiskPointProps>, seed: number): Promise<number> {
  const { hazards, steps } = generateSampleHazards(riskPoints, seed);
  const d = LAYERS['hidden-hazards'];
  const ids = new Map<string, number>();
  for (let i = 0; i < hazards.length; i += 200) {
    const rows = hazards.slice(i, i + 200).map((f) => rowFromFeature(d, f as never));
    const inserted = await trx.insertInto('hidden_hazards').values(rows as never).returning(['id', 'code']).execute();
    for (const r of inserted) ids.set(r.code, r.id);
  }
  const stepRows = steps.map((s) => ({ hazard_id: ids.get(s.code)!, step: s.step, from_status: s.fromStatus, to_status: s.toStatus, on_date: s.onDate, note: s.note, actor: s.actor, role: s.role }));
  for (let i = 0; i < stepRows.length; i += 500) await trx.insertInto('hidden_hazard_steps').values(stepRows.slice(i, i + 500)).execute();
  const values = sampleIndicatorValues(seed).map((v) => ({
    indicator_key: v.indicatorKey, year: v.year, value: v.value, source: '示例数据（虚构，非统计公报数据）', note: '示例数据', sample: true, entered_by: 'sample',
  }));
  if (values.length) await trx.insertInto('plan_indicator_values').values(values).execute();
  return hazards.length;
}
