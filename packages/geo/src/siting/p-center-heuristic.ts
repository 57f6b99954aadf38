import { coverageSets } from './coverage-sets.js';
import { pCenterLowerBound } from './p-center-lower-bound.js';
import { lscpHeuristic } from './lscp-heuristic.js';
import { seededRandom } from './seeded-random.js';
import { servingCosts, type ServingCosts } from './serving-costs.js';
import type { CoreSolution, SitingMatrix } from './types.js';

const EPS = 1e-9;

/**
 * p-center by greedy construction then swap local search on (worst impedance, then weighted total),
 * with seeded perturbation rounds; demand of weight 0 is ignored.
 * @example pCenterHeuristic(matrix, 2, { seed: 1 }).objective; // 2 140 (m)
 */
export function pCenterHeuristic(
  m: SitingMatrix,
  p: number,
  opts: { timeLimitMs?: number; seed?: number; iterations?: number } = {},
): CoreSolution {
  const t0 = performance.now();
  const deadline = t0 + (opts.timeLimitMs ?? 10_000);
  const sc = servingCosts(m);
  const st = new CenterState(sc, p);
  for (let k = 0; k < p; k++) st.greedyAdd(k);
  const greedyObjective = st.value()[0];
  st.localSearch(deadline);
  let best = Int32Array.from(st.open);
  let bestVal = st.value();
  const rand = seededRandom(opts.seed ?? 1);
  const iterations = opts.iterations ?? 50;
  for (let it = 0; it < iterations && p < sc.c && performance.now() < deadline; it++) {
    const k = 1 + Math.floor(rand() * Math.min(3, p));
    for (let s = 0; s < k; s++) {
      let j = Math.floor(rand() * sc.c);
      while (st.isOpen[j]) j = (j + 1) % sc.c;
      st.setOpen(Math.floor(rand() * p), j);
    }
    st.update();
    st.localSearch(deadline);
    const v = st.value();
    if (better(v[0], v[1], bestVal[0], bestVal[1])) {
      bestVal = v;
      best = Int32Array.from(st.open);
    } else st.reset(best);
  }
  // Second route: the smallest radius whose set cover fits in p sites (binary search over radii).
  const cover = radiusSearch(sc, p, bestVal[0], opts.seed ?? 1, deadline);
  if (cover && cover.length === p) {
    st.reset(Int32Array.from(cover));
    st.localSearch(deadline);
    const v = st.value();
    if (better(v[0], v[1], bestVal[0], bestVal[1])) {
      bestVal = v;
      best = Int32Array.from(st.open);
    }
  }
  return {
    chosen: Array.from(best).sort((a, b) => a - b),
    objective: bestVal[0],
    solver: 'heuristic',
    optimal: false,
    bound: null,
    gap: null,
    timeMs: performance.now() - t0,
    timeLimitReached: performance.now() >= deadline,
    greedyObjective,
  };
}

function radiusSearch(sc: ServingCosts, p: number, upper: number, seed: number, deadline: number): number[] | null {
  const { n, c, cost, base, w } = sc;
  const lower = pCenterLowerBound(sc);
  const radii = [...new Set([...cost, ...base].filter((v) => v >= lower && v < upper))].sort((a, b) => a - b);
  const m = { nDemand: n, nCandidates: c, values: cost, existing: base, weights: w };
  let found: number[] | null = null;
  let lo = 0;
  let hi = radii.length;
  while (lo < hi && performance.now() < deadline) {
    const mid = (lo + hi) >> 1;
    const chosen = lscpHeuristic(coverageSets(m, radii[mid]!), { seed, iterations: 30, timeLimitMs: deadline - performance.now() }).chosen;
    if (chosen.length <= p) {
      found = chosen;
      hi = mid;
    } else lo = mid + 1;
  }
  if (!found) return null;
  const set = new Set(found);
  // Fill spare slots greedily by weighted total, so the later swap search starts from p sites.
  const near = Float64Array.from(base);
  for (const j of set) for (let i = 0; i < n; i++) near[i] = Math.min(near[i]!, cost[j * n + i]!);
  while (set.size < p) {
    let bestJ = -1;
    let bestGain = -1;
    for (let j = 0; j < c; j++) {
      if (set.has(j)) continue;
      let g = 0;
      for (let i = 0; i < n; i++) g += w[i]! * Math.max(0, near[i]! - cost[j * n + i]!);
      if (g > bestGain) [bestJ, bestGain] = [j, g];
    }
    set.add(bestJ);
    for (let i = 0; i < n; i++) near[i] = Math.min(near[i]!, cost[bestJ * n + i]!);
  }
  return [...set];
}

function better(max: number, sum: number, max0: number, sum0: number): boolean {
  return max < max0 - EPS * (1 + max0) || (Math.abs(max - max0) <= EPS * (1 + max0) && sum < sum0 - EPS * (1 + sum0));
}

class CenterState {
  readonly open: Int32Array;
  readonly isOpen: Uint8Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly f1: Int32Array;
  readonly active: number[] = [];
  constructor(
    readonly sc: ServingCosts,
    readonly p: number,
  ) {
    this.open = new Int32Array(p).fill(-1);
    this.isOpen = new Uint8Array(sc.c);
    this.d1 = Float64Array.from(sc.base);
    this.d2 = new Float64Array(sc.n).fill(Infinity);
    this.f1 = new Int32Array(sc.n).fill(-1);
    for (let i = 0; i < sc.n; i++) if (sc.w[i]! > 0) this.active.push(i);
  }

  value(): [number, number] {
    let max = 0;
    let sum = 0;
    for (const i of this.active) {
      max = Math.max(max, this.d1[i]!);
      sum += this.sc.w[i]! * this.d1[i]!;
    }
    return [max, sum];
  }

  greedyAdd(k: number): void {
    const { n, c, cost, w } = this.sc;
    let bestJ = -1;
    let bestMax = Infinity;
    let bestSum = Infinity;
    for (let j = 0; j < c; j++) {
      if (this.isOpen[j]) continue;
      let max = 0;
      let sum = 0;
      for (const i of this.active) {
        const d = Math.min(this.d1[i]!, cost[j * n + i]!);
        if (d > max) max = d;
        sum += w[i]! * d;
      }
      if (bestJ < 0 || better(max, sum, bestMax, bestSum)) [bestJ, bestMax, bestSum] = [j, max, sum];
    }
    this.setOpen(k, bestJ);
    this.update();
  }

  setOpen(pos: number, j: number): void {
    const old = this.open[pos]!;
    if (old >= 0) this.isOpen[old] = 0;
    this.open[pos] = j;
    this.isOpen[j] = 1;
  }

  reset(open: Int32Array): void {
    this.isOpen.fill(0);
    this.open.set(open);
    for (const j of open) this.isOpen[j] = 1;
    this.update();
  }

  update(): void {
    const { n, cost, base } = this.sc;
    for (let i = 0; i < n; i++) [this.d1[i], this.d2[i], this.f1[i]] = [base[i]!, Infinity, -1];
    this.open.forEach((j, k) => {
      if (j < 0) return;
      for (let i = 0; i < n; i++) {
        const d = cost[j * n + i]!;
        if (d < this.d1[i]!) [this.d2[i], this.d1[i], this.f1[i]] = [this.d1[i]!, d, k];
        else if (d < this.d2[i]!) this.d2[i] = d;
      }
    });
  }

  /** For each closed candidate: the best open site to drop for it, from per-site maxima of keep/remove impedances. */
  localSearch(deadline: number): void {
    const { n, c, cost, w } = this.sc;
    const p = this.p;
    const remMax = new Float64Array(p);
    const remSum = new Float64Array(p);
    const keepSum = new Float64Array(p);
    let [curMax, curSum] = this.value();
    let since = 0;
    let j = 0;
    let evals = 0;
    while (since < c && p < c) {
      j = (j + 1) % c;
      since++;
      if (this.isOpen[j]) continue;
      if (++evals % 32 === 0 && performance.now() > deadline) return;
      remMax.fill(0);
      remSum.fill(0);
      keepSum.fill(0);
      let m1 = 0;
      let g1 = -2;
      let m2 = 0;
      let sKeep = 0;
      const off = j * n;
      for (const i of this.active) {
        const d = cost[off + i]!;
        const keep = Math.min(d, this.d1[i]!);
        const f = this.f1[i]!;
        sKeep += w[i]! * keep;
        if (f >= 0) {
          const rem = Math.min(d, this.d2[i]!);
          if (rem > remMax[f]!) remMax[f] = rem;
          remSum[f] = remSum[f]! + w[i]! * rem;
          keepSum[f] = keepSum[f]! + w[i]! * keep;
        }
        if (keep > m1) {
          if (f !== g1) m2 = m1;
          m1 = keep;
          g1 = f;
        } else if (f !== g1 && keep > m2) m2 = keep;
      }
      let bestK = -1;
      let bestMax = curMax;
      let bestSum = curSum;
      for (let k = 0; k < p; k++) {
        const max = Math.max(k === g1 ? m2 : m1, remMax[k]!);
        const sum = sKeep - keepSum[k]! + remSum[k]!;
        if (better(max, sum, bestMax, bestSum)) [bestK, bestMax, bestSum] = [k, max, sum];
      }
      if (bestK >= 0) {
        this.setOpen(bestK, j);
        this.update();
        [curMax, curSum] = this.value();
        since = 0;
      }
    }
  }
}
