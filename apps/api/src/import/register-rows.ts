import { townshipNames, type Database, type Kysely, type LayerDescriptor } from '@riskmap/db';
import { normalizeWord } from '@riskmap/contract';
import type { RawRecord } from './types.js';

/** The longest name the schema accepts (a name taken from the description is cut to it). */
const NAME_MAX = 200;

/**
 * Township names as a county's registers write them (古城镇, 城关街道) → their codes, for the `townshipCode` column
 * of any layer that has one: a value that is a township's name (or its name without 镇/乡/街道) is replaced by the code;
 * anything else is left for the township rule to name.
 * @example await townshipNamesToCodes(db, d, records) // { 所属乡镇: '古城镇' } → townshipCode '371521101'
 */
export async function townshipNamesToCodes(db: Kysely<Database>, d: LayerDescriptor, records: RawRecord[]): Promise<void> {
  if (!d.columns.includes('township_code')) return;
  const given = records.map((r) => r.properties.townshipCode).filter((v): v is string => typeof v === 'string');
  if (given.length === 0) return;
  const townships = await townshipNames(db);
  const byName = new Map<string, string>();
  for (const [code, name] of townships) {
    const k = normalizeWord(name);
    byName.set(k, code);
    const short = k.replace(/(街道办事处|街道|镇|乡)$/, '');
    if (short && short !== k && !byName.has(short)) byName.set(short, code);
  }
  for (const r of records) {
    const v = r.properties.townshipCode;
    if (typeof v !== 'string' || townships.has(v)) continue;
    const code = byName.get(normalizeWord(v));
    if (code) r.properties.townshipCode = code;
  }
}

/**
 * A hidden-hazard register row as the 登记 step stores it: the name from 隐患描述 when the register has none, and
 * 挂牌督办 from the configured grades (never from the file). Status is left as given (default 已发现).
 * @example completeHazardRows(records, ['major']) // { grade: 'major', description: '…' } → name '…', supervised true
 */
export function completeHazardRows(records: RawRecord[], supervisedGrades: readonly string[]): void {
  for (const r of records) {
    const p = r.properties;
    if ((p.name === undefined || p.name === '') && typeof p.description === 'string' && p.description.trim() !== '') {
      p.name = [...p.description.trim()].slice(0, NAME_MAX).join('');
      if (r.columns?.description) r.columns.name = r.columns.description;
    }
    if (typeof p.grade === 'string') p.supervised = supervisedGrades.includes(p.grade);
  }
}
