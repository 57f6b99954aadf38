import type { CoverageSets } from './coverage-sets.js';
import { covererGroups } from './coverer-groups.js';
import { lpTerms } from './lp-text.js';

export interface CoverageModel {
  /** The model in CPLEX LP format (read by HiGHS and by CBC). */
  lp: string;
  /** Site columns: `y${j}` is 1 when candidate j is chosen. */
  columns: string[];
  /** Coverage rows after grouping demand with the same coverers. */
  rows: number;
}

/**
 * The maximal covering location problem as a MIP: choose exactly p candidates (binary y) to maximise
 * the weight of the demand groups they cover (z ≤ 1, z ≤ Σ y over the group's coverers), with demand
 * of identical coverers merged into one row (`covererGroups`). `relax` drops integrality (the LP bound).
 * @example mclpModel(coverageSets(matrix, 1500), 10).rows; // 4 812
 */
export function mclpModel(cs: CoverageSets, p: number, o: { relax?: boolean } = {}): CoverageModel {
  const groups = covererGroups(cs);
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  groups.forEach(({ js, weight }, g) => {
    obj.push(`${weight} z${g}`);
    bounds.push(` z${g} <= 1`);
    rows.push(` c${g}: z${g}${lpTerms(js.map((j) => `-1 y${j}`))} <= 0`);
  });
  const columns = Array.from({ length: cs.c }, (_, j) => `y${j}`);
  rows.push(` p:${lpTerms(columns.map((y) => `1 ${y}`))} = ${p}`);
  for (const y of columns) bounds.push(` ${y} <= 1`);
  const integer = o.relax ? '' : `Binary\n ${columns.join('\n ')}\n`;
  const lp = `Maximize\n obj:${lpTerms(obj.length ? obj : ['0 y0'])}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\n${integer}End\n`;
  return { lp, columns, rows: groups.length };
}
