import type { CoreSolution } from './types.js';

/**
 * Per township, picks candidates until the area need is met: largest first (fewest sites) or
 * best fit (least area), then drops redundant sites and swaps chosen sites for smaller ones that still suffice.
 * @example shelterGapHeuristic([3000, 800], [0, 0], [2500], [true, true], 'least-area', sum).chosen; // [0]
 */
export function shelterGapHeuristic(
  area: readonly number[],
  group: readonly number[],
  need: readonly number[],
  open: readonly boolean[],
  objective: 'fewest-sites' | 'least-area',
  evaluate: (chosen: number[]) => number,
): CoreSolution {
  const t0 = performance.now();
  const chosen: number[] = [];
  need.forEach((nd, t) => {
    const pool = group.flatMap((g, j) => (g === t && open[j] ? [j] : [])).sort((a, b) => area[b]! - area[a]! || a - b);
    if (nd <= 0 || pool.length === 0) return;
    const pick = new Set<number>();
    let sum = 0;
    if (objective === 'fewest-sites') {
      for (const j of pool) {
        if (sum >= nd) break;
        pick.add(j);
        sum += area[j]!;
      }
    } else {
      while (sum < nd) {
        const rest = pool.filter((j) => !pick.has(j));
        if (rest.length === 0) break;
        const fits = rest.filter((j) => area[j]! >= nd - sum);
        const j = fits.length > 0 ? fits[fits.length - 1]! : rest[0]!;
        pick.add(j);
        sum += area[j]!;
      }
      for (const j of [...pick]) {
        if (sum - area[j]! >= nd) {
          pick.delete(j);
          sum -= area[j]!;
        }
      }
    }
    // Swap a chosen site for the smallest unchosen one that keeps the township at target.
    for (let improved = true; improved; ) {
      improved = false;
      for (const j of [...pick]) {
        const smaller = pool.filter((k) => !pick.has(k) && area[k]! < area[j]! && sum - area[j]! + area[k]! >= nd);
        const k = smaller[smaller.length - 1];
        if (k !== undefined) {
          pick.delete(j);
          pick.add(k);
          sum += area[k]! - area[j]!;
          improved = true;
        }
      }
    }
    chosen.push(...pick);
  });
  chosen.sort((a, b) => a - b);
  return { chosen, objective: evaluate(chosen), solver: 'heuristic', optimal: false, bound: null, gap: null, timeMs: performance.now() - t0 };
}
