import type { CoverageSets } from './coverage-sets.js';

export interface CovererGroup {
  /** The candidate indices that cover every demand point of the group, ascending. */
  js: number[];
  /** Total demand weight of the group's points. */
  weight: number;
  /** How many demand points share this set of coverers. */
  points: number;
}

/**
 * Demand that needs cover and can get it, grouped by its exact set of covering candidates: points in
 * one group are covered by the same sites, so a coverage model needs one row per group, not per point
 * (an exact reduction; 80,000 clustered points at 1.5 km fall to about 5,000 groups).
 * @example covererGroups(coverageSets(matrix, 1500)).length; // 4 812
 */
export function covererGroups(cs: CoverageSets): CovererGroup[] {
  const lists: number[][] = Array.from({ length: cs.n }, () => []);
  for (let j = 0; j < cs.c; j++) for (let k = cs.start[j]!; k < cs.start[j + 1]!; k++) lists[cs.items[k]!]!.push(j);
  const groups = new Map<string, CovererGroup>();
  lists.forEach((js, i) => {
    const w = cs.w[i]!;
    if (js.length === 0 || !(w > 0)) return;
    const key = js.join(',');
    const g = groups.get(key);
    if (g) {
      g.weight += w;
      g.points++;
    } else groups.set(key, { js, weight: w, points: 1 });
  });
  return [...groups.values()];
}
