import type { CoverageSets } from './coverage-sets.js';
import { seededRandom } from './seeded-random.js';
import type { CoreSolution } from './types.js';

/** Ruin-and-recreate rounds in a row without a better cover after which the search stops (when no round count is given). */
const STALL_ROUNDS = 1000;

/**
 * MCLP by greedy construction then swap local search (add the best closed candidate, drop the open
 * site whose unique coverage it loses least) with seeded perturbation rounds; objective = weight newly covered.
 * @example mclpHeuristic(coverageSets(matrix, 1500), 2, { seed: 1 }).objective; // 12 400
 */
export function mclpHeuristic(
  cs: CoverageSets,
  p: number,
  opts: { timeLimitMs?: number; seed?: number; iterations?: number; stall?: number } = {},
): CoreSolution {
  const t0 = performance.now();
  const deadline = t0 + (opts.timeLimitMs ?? 10_000);
  const st = new CoverState(cs);
  for (let k = 0; k < p; k++) {
    let bestJ = -1;
    let bestGain = -1;
    for (let j = 0; j < cs.c; j++) {
      if (st.isOpen[j]) continue;
      const g = st.gain(j);
      if (g > bestGain) {
        bestGain = g;
        bestJ = j;
      }
    }
    st.add(bestJ);
  }
  const greedyObjective = st.covered;
  st.localSearch(deadline);
  let best = st.openList();
  let bestObj = st.covered;
  const rand = seededRandom(opts.seed ?? 1);
  // Rounds end at `iterations` when given; otherwise after `stall` rounds in a row without a better cover (or at the deadline).
  const iterations = opts.iterations ?? Infinity;
  const stall = opts.iterations === undefined ? (opts.stall ?? STALL_ROUNDS) : Infinity;
  let since = 0;
  for (let it = 0; it < iterations && since < stall && p < cs.c && performance.now() < deadline; it++) {
    // Ruin and recreate: close k random sites, then reopen as many, each a random pick among the
    // three closed candidates of largest gain (the dropped sites excluded); pure random additions
    // mostly land where nobody lives and are undone at once by the local search.
    const k = 1 + Math.floor(rand() * Math.min(3, p));
    const dropped: number[] = [];
    for (let s = 0; s < k; s++) {
      const open = st.openList();
      const r = open[Math.floor(rand() * open.length)]!;
      st.remove(r);
      dropped.push(r);
    }
    for (let s = 0; s < k; s++) st.add(st.topGainPick(rand, dropped));
    st.localSearch(deadline);
    if (st.covered > bestObj + 1e-9) {
      bestObj = st.covered;
      best = st.openList();
      since = 0;
    } else {
      st.reset(best);
      since++;
    }
  }
  return {
    chosen: best,
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

class CoverState {
  readonly isOpen: Uint8Array;
  readonly cnt: Int32Array;
  /** Sum of the open coverers' indices: the unique coverer where cnt = 1. */
  readonly who: Float64Array;
  readonly adj: Float64Array;
  covered = 0;
  constructor(readonly cs: CoverageSets) {
    this.isOpen = new Uint8Array(cs.c);
    this.cnt = new Int32Array(cs.n);
    this.who = new Float64Array(cs.n);
    this.adj = new Float64Array(cs.c);
  }

  openList(): number[] {
    const out: number[] = [];
    this.isOpen.forEach((o, j) => o && out.push(j));
    return out;
  }

  gain(j: number): number {
    const { start, items, w } = this.cs;
    let g = 0;
    for (let k = start[j]!; k < start[j + 1]!; k++) if (this.cnt[items[k]!] === 0) g += w[items[k]!]!;
    return g;
  }

  add(j: number): void {
    const { start, items, w } = this.cs;
    this.isOpen[j] = 1;
    for (let k = start[j]!; k < start[j + 1]!; k++) {
      const i = items[k]!;
      this.cnt[i] = this.cnt[i]! + 1;
      if (this.cnt[i] === 1) this.covered += w[i]!;
      this.who[i] = this.who[i]! + j;
    }
  }

  remove(j: number): void {
    const { start, items, w } = this.cs;
    this.isOpen[j] = 0;
    for (let k = start[j]!; k < start[j + 1]!; k++) {
      const i = items[k]!;
      this.cnt[i] = this.cnt[i]! - 1;
      if (this.cnt[i] === 0) this.covered -= w[i]!;
      this.who[i] = this.who[i]! - j;
    }
  }

  reset(open: number[]): void {
    for (const j of this.openList()) this.remove(j);
    this.covered = 0;
    for (const j of open) this.add(j);
  }

  /** A random one of the (up to) three closed candidates of largest gain, skipping `exclude`. */
  topGainPick(rand: () => number, exclude: readonly number[]): number {
    const top: { j: number; g: number }[] = [];
    for (let j = 0; j < this.cs.c; j++) {
      if (this.isOpen[j] || exclude.includes(j)) continue;
      const g = this.gain(j);
      if (top.length < 3 || g > top[top.length - 1]!.g) {
        top.push({ j, g });
        top.sort((a, b) => b.g - a.g || a.j - b.j);
        if (top.length > 3) top.pop();
      }
    }
    if (top.length === 0) {
      let j = 0;
      while (this.isOpen[j]) j++;
      return j;
    }
    return top[Math.floor(rand() * top.length)]!.j;
  }

  /** Weight only site j covers among the open sites. */
  uniqueLoss(j: number): number {
    const { start, items, w } = this.cs;
    let l = 0;
    for (let k = start[j]!; k < start[j + 1]!; k++) if (this.cnt[items[k]!] === 1) l += w[items[k]!]!;
    return l;
  }

  localSearch(deadline: number): void {
    const { c, start, items, w } = this.cs;
    let open = this.openList();
    let loss = open.map((j) => this.uniqueLoss(j));
    let since = 0;
    let j = 0;
    let evals = 0;
    while (since < c && open.length < c) {
      j = (j + 1) % c;
      since++;
      if (this.isOpen[j]) continue;
      if (++evals % 64 === 0 && performance.now() > deadline) return;
      let g = 0;
      for (let k = start[j]!; k < start[j + 1]!; k++) {
        const i = items[k]!;
        const n = this.cnt[i]!;
        if (n === 0) g += w[i]!;
        else if (n === 1) this.adj[this.who[i]!] = this.adj[this.who[i]!]! + w[i]!;
      }
      let bestPos = -1;
      let bestLoss = Infinity;
      open.forEach((r, pos) => {
        const l = loss[pos]! - this.adj[r]!;
        if (l < bestLoss) {
          bestLoss = l;
          bestPos = pos;
        }
      });
      for (let k = start[j]!; k < start[j + 1]!; k++) this.adj[this.who[items[k]!]!] = 0;
      if (bestPos >= 0 && g - bestLoss > 1e-9 * (1 + g)) {
        this.remove(open[bestPos]!);
        this.add(j);
        open = this.openList();
        loss = open.map((r) => this.uniqueLoss(r));
        since = 0;
      }
    }
  }
}
