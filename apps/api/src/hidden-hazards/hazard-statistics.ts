import type { HiddenHazardsConfig } from '@riskmap/config';
import type { HazardRow } from '@riskmap/db';
import { addDays, daysBetween } from './local-date.js';
import { hazardState } from './hazard-state.js';

export interface HazardGroupStats {
  key: string;
  found: number;
  major: number;
  /** Closed (已销号) as of today, among those found in the period. */
  rectified: number;
  open: number;
  overdue: number;
  /** rectified ÷ found; null when nothing was found. */
  rectificationRate: number | null;
  /** Mean of closedOn − foundOn (days) over the rectified; null when none. */
  avgDaysToClose: number | null;
}

export interface RecurringUnit {
  unit: string;
  townshipCode: string | null;
  count: number;
  codes: string[];
}

export interface HazardStatistics {
  by: 'township' | 'category';
  today: string;
  period: { from: string | null; to: string | null };
  groups: HazardGroupStats[];
  total: HazardGroupStats;
  recurring: { rule: { minHazards: number; windowDays: number }; units: RecurringUnit[] };
}

function group(key: string, rows: HazardRow[], today: string, cfg: HiddenHazardsConfig): HazardGroupStats {
  let rectified = 0, overdue = 0, major = 0, days = 0;
  for (const r of rows) {
    const s = hazardState(r, today, cfg);
    if (r.grade === 'major') major++;
    if (s.overdue) overdue++;
    if (!s.open) {
      rectified++;
      days += r.closedOn ? daysBetween(r.foundOn, r.closedOn) : 0;
    }
  }
  const found = rows.length;
  return {
    key, found, major, rectified, open: found - rectified, overdue,
    rectificationRate: found ? rectified / found : null,
    avgDaysToClose: rectified ? days / rectified : null,
  };
}

/**
 * Per township or per category: found, rectified, open, overdue, rectification rate and mean days to
 * close, over the hazards found in [from, to] (inclusive; open-ended when null), as of `today`; and the
 * 屡改屡犯 units (same enterprise with ≥ minHazards hazards found in the last windowDays).
 * @example hazardStatistics(rows, { by: 'township', today: '2026-12-01', cfg })
 */
export function hazardStatistics(
  all: HazardRow[],
  o: { by: 'township' | 'category'; today: string; from?: string | null; to?: string | null; cfg: HiddenHazardsConfig },
): HazardStatistics {
  const rows = all.filter((r) => (!o.from || r.foundOn >= o.from) && (!o.to || r.foundOn <= o.to));
  const keyOf = (r: HazardRow) => (o.by === 'township' ? (r.townshipCode ?? '') : r.category);
  const byKey = new Map<string, HazardRow[]>();
  for (const r of rows) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
  const groups = [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, rs]) => group(k, rs, o.today, o.cfg));
  const { minHazards, windowDays } = o.cfg.recurring;
  const since = addDays(o.today, -windowDays);
  const units = new Map<string, HazardRow[]>();
  for (const r of all) {
    if (!r.enterprise || r.foundOn <= since || r.foundOn > o.today) continue;
    units.set(r.enterprise, [...(units.get(r.enterprise) ?? []), r]);
  }
  const recurring = [...units.entries()]
    .filter(([, rs]) => rs.length >= minHazards)
    .map(([unit, rs]) => ({ unit, townshipCode: rs[0]!.townshipCode, count: rs.length, codes: rs.map((r) => r.code) }))
    .sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit));
  return {
    by: o.by, today: o.today, period: { from: o.from ?? null, to: o.to ?? null },
    groups, total: group('total', rows, o.today, o.cfg), recurring: { rule: { minHazards, windowDays }, units: recurring },
  };
}
