/** Scenario comparison: the stored scenario shape, colours for 2–3 scenarios, the side-by-side indicator table. */
import type { FeatureCollection, Point } from 'geojson';
import { fill, zhT, type Translate } from '../i18n/index.js';
import { indicatorLabel, indicatorRows, indicatorValue, problemLabel, unitLabel, type Problem, type SitingResult } from './siting-logic.js';

export interface Scenario {
  id: number;
  name: string;
  problem: Problem;
  params: Record<string, unknown>;
  result?: SitingResult;
  createdBy: string;
  createdAt: string;
}

export const SCENARIO_COLOURS = ['#e41a1c', '#377eb8', '#984ea3'];
export const MAX_COMPARE = 3;

/** Toggle a scenario in the comparison (at most three; the oldest pick drops out). */
export function toggleCompare(ids: readonly number[], id: number): number[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return [...ids, id].slice(-MAX_COMPARE);
}

export interface CompareRow {
  label: string;
  values: (number | string | null)[];
  digits: number;
}

/** Rows of the comparison table: sites added, then before → after of each indicator the problems share. */
export function compareTable(scenarios: readonly Scenario[], t: Translate = zhT): CompareRow[] {
  const rows: CompareRow[] = [
    { label: t('planning.compare.problem'), values: scenarios.map((s) => problemLabel(s.problem, t)), digits: 0 },
    { label: t('planning.compare.sites'), values: scenarios.map((s) => s.result?.chosen.length ?? null), digits: 0 },
  ];
  const kinds = new Set(scenarios.map((s) => (s.problem === 'shelter-gap' ? 'gap' : 'loc')));
  for (const kind of kinds) {
    for (const r of indicatorRows(kind === 'gap' ? 'shelter-gap' : 'mclp')) {
      const unit = fill(t('planning.unit.wrap'), { unit: unitLabel(r.unit, t) });
      const label = indicatorLabel(r, t);
      rows.push({ label: fill(t('planning.compare.before'), { label, unit }), values: scenarios.map((s) => (sameKind(s, kind) ? indicatorValue(r, s.result?.before[r.key]) : null)), digits: r.digits });
      rows.push({ label: fill(t('planning.compare.after'), { label, unit }), values: scenarios.map((s) => (sameKind(s, kind) ? indicatorValue(r, s.result?.after[r.key]) : null)), digits: r.digits });
    }
  }
  return rows;
}

const sameKind = (s: Scenario, kind: string) => (s.problem === 'shelter-gap' ? 'gap' : 'loc') === kind;

/** All proposed sites of the compared scenarios in one collection, each tagged with its scenario's colour. */
export function compareSites(scenarios: readonly Scenario[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: scenarios.flatMap((s, i) =>
      (s.result?.sites.features ?? []).map((f) => ({ ...f, properties: { code: f.properties.code, name: f.properties.name, scenario: s.name, colour: SCENARIO_COLOURS[i] ?? '#333', slot: i } })),
    ),
  };
}
