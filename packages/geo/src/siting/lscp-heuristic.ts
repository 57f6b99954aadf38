import type { CoverageSets } from './coverage-sets.js';
import { seededRandom } from './seeded-random.js';
import type { CoreSolution } from './types.js';

/**
 * LSCP (set covering) by greedy construction (most uncovered demand points first), removal of
 * redundant sites, and seeded destroy-and-repair rounds; objective = number of new sites.
 * @example lscpHeuristic(coverageSets(matrix, 1500), { seed: 1 }).chosen; // [2, 7, 11]
 */
export function lscpHeuristic(cs: CoverageSets, opts: { timeLimitMs?: number; seed?: number; iterations?: number } = {}): CoreSolution {
  const t0 = performance.now();
  const deadline = t0 + (opts.timeLimitMs ?? 10_000);
  const cnt = new Int32Array(cs.n);
  const open = new Uint8Array(cs.c);
  const need = (i: number): boolean => !cs.coveredByExisting[i] && !cs.uncoverable[i];
  const toggle = (j: number, on: boolean): void => {
    open[j] = on ? 1 : 0;
    for (let k = cs.start[j]!; k < cs.start[j + 1]!; k++) cnt[cs.items[k]!] = cnt[cs.items[k]!]! + (on ? 1 : -1);
  };
  const repair = (): void => {
    for (;;) {
      let bestJ = -1;
      let bestCount = 0;
      let bestWeight = 0;
      for (let j = 0; j < cs.c; j++) {
        if (open[j]) continue;
        let count = 0;
        let weight = 0;
        for (let k = cs.start[j]!; k < cs.start[j + 1]!; k++) {
          const i = cs.items[k]!;
          if (cnt[i] === 0 && need(i)) {
            count++;
            weight += cs.w[i]!;
          }
        }
        if (count > bestCount || (count === bestCount && count > 0 && weight > bestWeight)) {
          bestJ = j;
          bestCount = count;
          bestWeight = weight;
        }
      }
      if (bestJ < 0) return;
      toggle(bestJ, true);
    }
  };
  const prune = (): void => {
    for (let j = cs.c - 1; j >= 0; j--) {
      if (!open[j]) continue;
      let redundant = true;
      for (let k = cs.start[j]!; k < cs.start[j + 1]! && redundant; k++) if (cnt[cs.items[k]!]! < 2) redundant = false;
      if (redundant) toggle(j, false);
    }
  };
  const list = (): number[] => {
    const out: number[] = [];
    open.forEach((o, j) => o && out.push(j));
    return out;
  };
  repair();
  const greedyObjective = list().length;
  prune();
  let best = list();
  const rand = seededRandom(opts.seed ?? 1);
  const iterations = opts.iterations ?? 100;
  for (let it = 0; it < iterations && best.length > 1 && performance.now() < deadline; it++) {
    const k = 1 + Math.floor(rand() * Math.min(3, best.length));
    for (let s = 0; s < k; s++) {
      const cur = list();
      toggle(cur[Math.floor(rand() * cur.length)]!, false);
    }
    repair();
    prune();
    const now = list();
    if (now.length <= best.length) best = now;
    else {
      for (const j of now) toggle(j, false);
      for (const j of best) toggle(j, true);
    }
  }
  return {
    chosen: best,
    objective: best.length,
    solver: 'heuristic',
    optimal: false,
    bound: null,
    gap: null,
    timeMs: performance.now() - t0,
    timeLimitReached: performance.now() >= deadline,
    greedyObjective,
  };
}
