import { domainDefaults } from '@riskmap/config';
/**
 * MCLP benchmark: the Yanggu sample (all villages, all candidates, p = 5, 10, 20) and synthetic
 * CLUSTERED instances (10 000 × 200, p = 10, S = 5 km; 100 000 × 1 000, p = 30, S = 3 km), the
 * heuristic (greedy + swap, seed 1) against the HiGHS optimum or its best proven bound.
 *
 *   npx tsx bench/mclp.ts                      # default (≈ 20 s on 2 cores)
 *   npx tsx bench/mclp.ts --exact-limit-ms=600000   # give HiGHS longer on the 100 000 × 1 000 MIP
 */
import { generateSample } from '@riskmap/sample';
import { buildImpedanceMatrix } from '../src/siting/build-impedance-matrix.js';
import { coverageSets } from '../src/siting/coverage-sets.js';
import { loadHighs } from '../src/siting/load-highs.js';
import { mclpHeuristic } from '../src/siting/mclp-heuristic.js';
import { solveMclpModel } from './solve-mclp-model.js';
import { benchArgs, clusteredInstance, coverageFromPlanar, markdownTable } from './siting-synthetic.js';
import { coveredWeight } from '../src/siting/covered-weight.js';

const args = benchArgs();
const exactLimitMs = Number(args.get('exact-limit-ms') ?? 60_000);
const highs = await loadHighs();
const pct = (a: number, b: number) => (100 * (b - a)) / b;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time of `runs` heuristic runs after one warm-up (the result is deterministic for seed 1 unless the budget cuts it). */
function timedHeuristic(cs: ReturnType<typeof coverageSets>, p: number, budgetMs: number, runs = 3) {
  let r = mclpHeuristic(cs, p, { timeLimitMs: budgetMs, seed: 1 });
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    r = mclpHeuristic(cs, p, { timeLimitMs: budgetMs, seed: 1 });
    times.push(performance.now() - t0);
  }
  return { ...r, ms: median(times) };
}

console.log(`MCLP: heuristic = greedy + swap local search + seeded perturbation (seed 1); exact = HiGHS ${highs.version.string} (WebAssembly)\n`);

// 1. The Yanggu sample: 741 villages/communities × every candidate site, no existing facilities.
const sample = generateSample();
const demand = sample.demandPoints.features.map((f) => ({ id: f.properties.code, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!, weight: f.properties.population }));
const cands = sample.candidateSites.features.map((f) => ({ id: f.properties.code, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! }));
const radiusM = 2_500;
const { matrix } = buildImpedanceMatrix(demand, cands, [], { kind: 'geodesic', detourFactor: 1.3 }, domainDefaults.fireStations);
const ycs = coverageSets(matrix, radiusM);
const total = demand.reduce((s, d) => s + d.weight, 0);
const sampleRows: string[][] = [];
for (const p of [5, 10, 20]) {
  const h = timedHeuristic(ycs, p, 1_000);
  const e = solveMclpModel(highs, ycs, p, { timeLimitMs: exactLimitMs, start: h.chosen });
  const exactObj = e.status === 'optimal' ? e.objective! : e.bound!;
  sampleRows.push([String(p), h.objective.toFixed(0), ((100 * h.objective) / total).toFixed(1), h.ms.toFixed(1), (e.objective ?? NaN).toFixed(0), e.status, e.ms.toFixed(0), pct(h.objective, exactObj).toFixed(3)]);
}
console.log(`Yanggu sample: ${demand.length} demand × ${cands.length} candidates, S = ${radiusM} m (straight line × 1.3), population ${total}`);
console.log(markdownTable(['p', 'heuristic covered', 'share %', 'heur ms', 'HiGHS covered', 'HiGHS', 'HiGHS ms', 'gap %'], sampleRows));

// 2. Synthetic clustered instances.
const cases = [
  { label: '10 000 × 200, p = 10, S = 5 km', inst: { n: 10_000, c: 200, towns: 40, sideM: 100_000, spreadM: 3_000, seed: 1 }, p: 10, limitM: 5_000, budgetMs: 80, targetMs: 100, targetGap: 0.5, relax: false },
  { label: '100 000 × 1 000, p = 30, S = 3 km', inst: { n: 100_000, c: 1_000, towns: 150, sideM: 150_000, spreadM: 4_000, seed: 1 }, p: 30, limitM: 3_000, budgetMs: 1_800, targetMs: 2_000, targetGap: 0.5, relax: true },
];
const synthRows: string[][] = [];
for (const c of cases) {
  const inst = clusteredInstance(c.inst);
  const t0 = performance.now();
  const cs = coverageFromPlanar(inst, c.limitM);
  const buildMs = performance.now() - t0;
  const h = timedHeuristic(cs, c.p, c.budgetMs, c.relax ? 1 : 3);
  if (Math.abs(coveredWeight(cs, h.chosen) - h.objective) > 1e-6) throw new Error('heuristic objective does not match its sites');
  const mip = solveMclpModel(highs, cs, c.p, { timeLimitMs: exactLimitMs, start: h.chosen });
  let bound = mip.bound ?? Infinity;
  let boundName = mip.status === 'optimal' ? 'HiGHS optimum' : `HiGHS MIP bound after ${(mip.ms / 1000).toFixed(0)} s`;
  if (c.relax) {
    const lp = solveMclpModel(highs, cs, c.p, { timeLimitMs: exactLimitMs, relax: true });
    console.log(`${c.label}: LP relaxation bound ${lp.bound?.toFixed(0)} (${lp.status}, ${lp.ms.toFixed(0)} ms, ${lp.rows} merged demand rows); MIP ${mip.status} in ${mip.ms.toFixed(0)} ms`);
    if (lp.status === 'optimal' && lp.bound! < bound) [bound, boundName] = [lp.bound!, 'LP relaxation (HiGHS)'];
  }
  const best = Math.max(mip.objective ?? 0, h.objective);
  const gap = pct(h.objective, bound);
  const met = h.ms <= c.targetMs && gap <= c.targetGap;
  synthRows.push([
    c.label, buildMs.toFixed(0), h.greedyObjective!.toFixed(0), h.objective.toFixed(0), h.ms.toFixed(0), (mip.objective ?? NaN).toFixed(0), mip.status, mip.ms.toFixed(0),
    bound.toFixed(0), boundName, pct(h.greedyObjective!, bound).toFixed(3), gap.toFixed(3), pct(best, bound).toFixed(3), `≤ ${c.targetMs} ms, ≤ ${c.targetGap} %`, met ? 'yes' : 'NO',
  ]);
}
console.log('\nSynthetic clustered demand (villages around towns; planar metres; deterministic seeds); coverage-set build time shown apart');
console.log(markdownTable(['instance', 'sets ms', 'greedy', 'heuristic', 'heur ms', 'HiGHS incumbent', 'HiGHS', 'HiGHS ms', 'bound', 'bound is', 'greedy gap %', 'heur gap %', 'best-known gap %', 'target', 'met'], synthRows));
