import { seededRandom } from './seeded-random.js';
import { servingCosts } from './serving-costs.js';
import type { CoreSolution, SitingMatrix } from './types.js';

/**
 * p-median by greedy construction then fast interchange (Whitaker's swap evaluation with nearest and
 * second-nearest site) and seeded perturbation rounds; deterministic unless the time budget cuts it.
 * @example pMedianHeuristic(matrix, 3, { timeLimitMs: 500, seed: 1 }).chosen; // [4, 9, 17]
 */
export function pMedianHeuristic(
  m: SitingMatrix,
  p: number,
  opts: { timeLimitMs?: number; seed?: number; iterations?: number; start?: number[] } = {},
): CoreSolution {
  const t0 = performance.now();
  const deadline = t0 + (opts.timeLimitMs ?? 10_000);
  const { n, c, cost, base, w } = servingCosts(m);
  const open = opts.start ? Int32Array.from(opts.start) : greedy(n, c, p, cost, base, w);
  const st = new State(n, c, p, cost, base, w, open);
  const greedyObjective = st.objective();
  st.localSearch(deadline);
  let best = Int32Array.from(st.open);
  let bestObj = st.objective();
  const rand = seededRandom(opts.seed ?? 1);
  const iterations = opts.iterations ?? Math.min(200, 20 + Math.floor(2e7 / Math.max(1, n * c)));
  // Iterated local search: kick the best solution with k random swaps (mostly few, sometimes up to p/2,
  // since small kicks fall back into the same basin), re-optimise, keep only improvements.
  const maxK = Math.max(1, Math.min(p, Math.max(3, Math.floor(p / 2))));
  for (let it = 0; it < iterations && p < c && performance.now() < deadline; it++) {
    const r = rand();
    const k = 1 + Math.floor(r * r * maxK);
    for (let s = 0; s < k; s++) {
      let j = Math.floor(rand() * c);
      while (st.isOpen[j]) j = (j + 1) % c;
      st.swap(Math.floor(rand() * p), j, false);
    }
    st.update();
    st.localSearch(deadline);
    const obj = st.objective();
    if (obj < bestObj - 1e-9) {
      bestObj = obj;
      best = Int32Array.from(st.open);
    } else {
      st.reset(best);
    }
  }
  const chosen = Array.from(best).sort((a, b) => a - b);
  return {
    chosen,
    objective: bestObj,
    solver: 'heuristic',
    optimal: false,
    bound: null,
    gap: null,
    timeMs: performance.now() - t0,
    timeLimitReached: performance.now() >= deadline,
    greedyObjective,
  };
}

function greedy(n: number, c: number, p: number, cost: Float64Array, base: Float64Array, w: Float64Array): Int32Array {
  const cur = Float64Array.from(base);
  const isOpen = new Uint8Array(c);
  const open = new Int32Array(p);
  for (let k = 0; k < p; k++) {
    let bestJ = -1;
    let bestGain = -1;
    for (let j = 0; j < c; j++) {
      if (isOpen[j]) continue;
      let gain = 0;
      const off = j * n;
      for (let i = 0; i < n; i++) {
        const d = cost[off + i]!;
        const ci = cur[i]!;
        if (d < ci) gain += w[i]! * (ci - d);
      }
      if (gain > bestGain) {
        bestGain = gain;
        bestJ = j;
      }
    }
    open[k] = bestJ;
    isOpen[bestJ] = 1;
    const off = bestJ * n;
    for (let i = 0; i < n; i++) cur[i] = Math.min(cur[i]!, cost[off + i]!);
  }
  return open;
}

/** Nearest / second-nearest bookkeeping; `f1[i]` is a position in `open`, or −1 for the existing sites. */
class State {
  readonly isOpen: Uint8Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly f1: Int32Array;
  readonly lossBase: Float64Array;
  readonly loss: Float64Array;
  constructor(
    readonly n: number,
    readonly c: number,
    readonly p: number,
    readonly cost: Float64Array,
    readonly base: Float64Array,
    readonly w: Float64Array,
    readonly open: Int32Array,
  ) {
    this.isOpen = new Uint8Array(c);
    for (const j of open) this.isOpen[j] = 1;
    this.d1 = new Float64Array(n);
    this.d2 = new Float64Array(n);
    this.f1 = new Int32Array(n);
    this.lossBase = new Float64Array(p);
    this.loss = new Float64Array(p);
    this.update();
  }

  reset(open: Int32Array): void {
    this.isOpen.fill(0);
    this.open.set(open);
    for (const j of open) this.isOpen[j] = 1;
    this.update();
  }

  swap(pos: number, j: number, update = true): void {
    this.isOpen[this.open[pos]!] = 0;
    this.open[pos] = j;
    this.isOpen[j] = 1;
    if (update) this.update();
  }

  objective(): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.w[i]! * this.d1[i]!;
    return s;
  }

  update(): void {
    const { n, p, cost, open, d1, d2, f1, w, lossBase } = this;
    for (let i = 0; i < n; i++) {
      d1[i] = this.base[i]!;
      d2[i] = Infinity;
      f1[i] = -1;
    }
    for (let k = 0; k < p; k++) {
      const off = open[k]! * n;
      for (let i = 0; i < n; i++) {
        const d = cost[off + i]!;
        if (d < d1[i]!) {
          d2[i] = d1[i]!;
          d1[i] = d;
          f1[i] = k;
        } else if (d < d2[i]!) d2[i] = d;
      }
    }
    lossBase.fill(0);
    for (let i = 0; i < n; i++) {
      const f = f1[i]!;
      if (f >= 0) lossBase[f] = lossBase[f]! + w[i]! * (d2[i]! - d1[i]!);
    }
  }

  /** First-improvement interchange: for each closed candidate, the best site to drop for it. */
  localSearch(deadline: number): void {
    const { n, c, p, cost, d1, d2, f1, w, lossBase, loss } = this;
    if (p >= c) return;
    let sinceImprove = 0;
    let j = 0;
    let evals = 0;
    while (sinceImprove < c) {
      j = (j + 1) % c;
      sinceImprove++;
      if (this.isOpen[j]) continue;
      if (++evals % 32 === 0 && performance.now() > deadline) return;
      loss.set(lossBase);
      let gain = 0;
      const off = j * n;
      for (let i = 0; i < n; i++) {
        const d = cost[off + i]!;
        const a = d1[i]!;
        if (d < a) {
          gain += w[i]! * (a - d);
          const f = f1[i]!;
          if (f >= 0) loss[f] = loss[f]! - w[i]! * (d2[i]! - a);
        } else {
          const b = d2[i]!;
          const f = f1[i]!;
          if (d < b && f >= 0) loss[f] = loss[f]! - w[i]! * (b - d);
        }
      }
      let bestK = 0;
      for (let k = 1; k < p; k++) if (loss[k]! < loss[bestK]!) bestK = k;
      if (gain - loss[bestK]! > 1e-9 * (1 + gain)) {
        this.swap(bestK, j);
        sinceImprove = 0;
      }
    }
  }
}
