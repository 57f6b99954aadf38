/**
 * Deterministic synthetic siting instances with CLUSTERED demand (villages gather around towns, town
 * sizes heavy-tailed), in planar metres, and helpers shared by the MCLP and p-median benchmarks.
 */
import type { CoverageSets } from '../src/siting/coverage-sets.js';
import type { SitingMatrix } from '../src/siting/types.js';
import { seededRandom } from './seeded.js';

export interface PlanarInstance {
  name: string;
  dx: Float64Array;
  dy: Float64Array;
  w: Float64Array;
  cx: Float64Array;
  cy: Float64Array;
}

function gauss(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/**
 * n villages around `towns` towns in a square of `sideM` metres (spread `spreadM`, town weights
 * Pareto-like, village populations 50–3 000), and c candidates: half near towns, half anywhere.
 * @example clusteredInstance({ n: 10_000, c: 200, towns: 40, sideM: 100_000, spreadM: 3_000, seed: 1 })
 */
export function clusteredInstance(o: { n: number; c: number; towns: number; sideM: number; spreadM: number; seed: number }): PlanarInstance {
  const rnd = seededRandom(o.seed);
  const tx = Array.from({ length: o.towns }, () => rnd() * o.sideM);
  const ty = Array.from({ length: o.towns }, () => rnd() * o.sideM);
  const size = Array.from({ length: o.towns }, () => 1 / Math.pow(1 - rnd() * 0.95, 1.2));
  const cum: number[] = [];
  size.reduce((s, x, k) => (cum[k] = s + x), 0);
  const pick = () => {
    const r = rnd() * cum[cum.length - 1]!;
    let k = 0;
    while (cum[k]! < r) k++;
    return k;
  };
  const clamp = (v: number) => Math.min(o.sideM, Math.max(0, v));
  const dx = new Float64Array(o.n);
  const dy = new Float64Array(o.n);
  const w = new Float64Array(o.n);
  for (let i = 0; i < o.n; i++) {
    const t = pick();
    const s = o.spreadM * (0.5 + rnd());
    dx[i] = clamp(tx[t]! + gauss(rnd) * s);
    dy[i] = clamp(ty[t]! + gauss(rnd) * s);
    w[i] = Math.round(50 + 2950 * Math.pow(rnd(), 3));
  }
  const cx = new Float64Array(o.c);
  const cy = new Float64Array(o.c);
  for (let j = 0; j < o.c; j++) {
    if (j % 2 === 0) {
      const t = pick();
      cx[j] = clamp(tx[t]! + gauss(rnd) * o.spreadM * 1.5);
      cy[j] = clamp(ty[t]! + gauss(rnd) * o.spreadM * 1.5);
    } else {
      cx[j] = rnd() * o.sideM;
      cy[j] = rnd() * o.sideM;
    }
  }
  return { name: `${o.n} × ${o.c}`, dx, dy, w, cx, cy };
}

/**
 * Which demand each candidate covers within `limitM` (CSR), built through a grid so 100 000 × 1 000 needs no full matrix.
 * @example coverageFromPlanar(inst, 5000).items.length
 */
export function coverageFromPlanar(inst: PlanarInstance, limitM: number): CoverageSets {
  const n = inst.dx.length;
  const c = inst.cx.length;
  const cell = limitM;
  const grid = new Map<number, number[]>();
  const key = (gx: number, gy: number) => gx * 100_003 + gy;
  for (let i = 0; i < n; i++) {
    const k = key(Math.floor(inst.dx[i]! / cell), Math.floor(inst.dy[i]! / cell));
    (grid.get(k) ?? grid.set(k, []).get(k)!).push(i);
  }
  const start = new Int32Array(c + 1);
  const list: number[] = [];
  const reach = new Uint8Array(n);
  const l2 = limitM * limitM;
  for (let j = 0; j < c; j++) {
    const gx = Math.floor(inst.cx[j]! / cell);
    const gy = Math.floor(inst.cy[j]! / cell);
    const mine: number[] = [];
    for (let a = -1; a <= 1; a++) {
      for (let b = -1; b <= 1; b++) {
        for (const i of grid.get(key(gx + a, gy + b)) ?? []) {
          const x = inst.dx[i]! - inst.cx[j]!;
          const y = inst.dy[i]! - inst.cy[j]!;
          if (x * x + y * y <= l2) mine.push(i);
        }
      }
    }
    mine.sort((p, q) => p - q);
    for (const i of mine) {
      list.push(i);
      reach[i] = 1;
    }
    start[j + 1] = list.length;
  }
  const uncoverable = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!reach[i]) uncoverable[i] = 1;
  return { n, c, start, items: Int32Array.from(list), coveredByExisting: new Uint8Array(n), uncoverable, w: inst.w };
}

/**
 * The full distance matrix (m) of a planar instance, no existing facilities.
 * @example planarMatrix(clusteredInstance({ n: 2000, c: 100, … })).values.length // 200 000
 */
export function planarMatrix(inst: PlanarInstance): SitingMatrix {
  const n = inst.dx.length;
  const c = inst.cx.length;
  const values = new Float64Array(n * c);
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < n; i++) values[j * n + i] = Math.hypot(inst.dx[i]! - inst.cx[j]!, inst.dy[i]! - inst.cy[j]!);
  }
  return { nDemand: n, nCandidates: c, values, existing: new Float64Array(n).fill(Infinity), weights: inst.w };
}

/** `--key=value` command-line options. */
export function benchArgs(): Map<string, string> {
  return new Map(
    process.argv.slice(2).map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k!, v ?? 'true'] as const;
    }),
  );
}

/** A markdown table from rows of strings. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const fmt = (r: string[]) => '| ' + r.map((c, k) => c.padStart(widths[k]!)).join(' | ') + ' |';
  return [fmt(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(fmt)].join('\n');
}
