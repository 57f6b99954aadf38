/**
 * OR-Library p-median benchmark (pmed1–40, Beasley): the heuristic on every instance and HiGHS on the
 * small ones, against the published optima. Deterministic for a seed unless a time budget cuts a run.
 *
 *   npx tsx bench/pmed.ts                 # default: all 40 heuristic (200 rounds, ≤ 30 s each), exact MIP for n = 100
 *   npx tsx bench/pmed.ts --all           # also the exact MIP up to n = 300 (120 s limit each)
 *   npx tsx bench/pmed.ts --only=pmed1,pmed6 --budget-ms=10000 --exact-max-n=200 --exact-limit-ms=60000 --seed=1
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHighs } from '../src/siting/load-highs.js';
import { pMedianHeuristic } from '../src/siting/p-median-heuristic.js';
import { solvePMedian } from '../src/siting/solve-p-median.js';
import { pmedMatrix, readPmedInstance } from './pmed-instance.js';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), 'data', 'orlib-pmed');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const all = args.get('all') === 'true';
const budgetMs = Number(args.get('budget-ms') ?? 30_000);
const iterations = Number(args.get('iterations') ?? 200);
const exactMaxN = Number(args.get('exact-max-n') ?? (all ? 300 : 100));
const exactLimitMs = Number(args.get('exact-limit-ms') ?? (all ? 120_000 : 20_000));
const seed = Number(args.get('seed') ?? 1);
const only = args.get('only')?.split(',');

const optima = new Map<string, number>();
for (const line of readFileSync(join(dataDir, 'pmedopt.txt'), 'utf8').split('\n')) {
  const m = /^(pmed\d+)\s+(\d+)/.exec(line.trim());
  if (m) optima.set(m[1]!, Number(m[2]));
}

const names = only ?? Array.from({ length: 40 }, (_, k) => `pmed${k + 1}`);
const highs = await loadHighs();
const pct = (found: number, opt: number) => (100 * (found - opt)) / opt;
const rows: string[][] = [];
const gaps: number[] = [];
let heuristicOptimal = 0;
let exactRuns = 0;
let exactProved = 0;
console.log(`p-median heuristic: greedy + fast interchange + ${iterations} perturbation rounds, seed ${seed}, budget ${budgetMs} ms/instance`);
console.log(`exact: HiGHS ${highs.version.string} (WebAssembly), assignment MIP for n ≤ ${exactMaxN}, limit ${exactLimitMs} ms\n`);
for (const name of names) {
  const inst = readPmedInstance(join(dataDir, `${name}.txt`), name);
  const opt = optima.get(name)!;
  const matrix = pmedMatrix(inst);
  const h = pMedianHeuristic(matrix, inst.p, { timeLimitMs: budgetMs, seed, iterations });
  const gap = pct(h.objective, opt);
  gaps.push(gap);
  if (Math.abs(h.objective - opt) < 1e-9) heuristicOptimal++;
  let exactCols = ['–', '–', '–'];
  if (inst.n <= exactMaxN) {
    exactRuns++;
    const e = solvePMedian(matrix, { p: inst.p, highs, timeLimitMs: exactLimitMs, seed, iterations: 20 });
    if (e.optimal) exactProved++;
    exactCols = [String(e.objective), e.optimal ? 'proved' : `gap ${(100 * (e.gap ?? NaN)).toFixed(2)} %`, e.timeMs.toFixed(0)];
  }
  const row = [name, String(inst.n), String(inst.p), String(opt), String(h.objective), gap.toFixed(2), h.timeMs.toFixed(0), ...exactCols];
  rows.push(row);
  console.log(row.join('\t'));
}

const header = ['instance', 'n', 'p', 'optimum', 'found', 'gap %', 'ms', 'exact', 'exact status', 'exact ms'];
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const fmt = (r: string[]) => '| ' + r.map((c, k) => c.padStart(widths[k]!)).join(' | ') + ' |';
console.log('\n' + fmt(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(fmt(r));
const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
console.log(
  `\nheuristic: mean gap ${mean.toFixed(3)} %, max gap ${Math.max(...gaps).toFixed(3)} %, optimal on ${heuristicOptimal}/${gaps.length}` +
    (exactRuns ? `; HiGHS proved ${exactProved}/${exactRuns} optimal` : ''),
);
