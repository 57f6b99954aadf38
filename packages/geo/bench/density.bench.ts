import { domainDefaults } from '@riskmap/config';
/**
 * Kernel density: 100,000 risk points, 200 m raster over the county bbox, 1 km quartic kernel;
 * riskDensity against the naive all-cells × all-points loop (identical values required).
 * Run: npx tsx bench/density.bench.ts   (the naive loop alone takes tens of seconds)
 */
import { pointInRings } from '../src/analytics/point-in-rings.js';
import { riskDensity } from '../src/analytics/risk-density.js';
import { riskDensityNaive } from '../src/analytics/risk-density-naive.js';
import { countyBbox, isMain, loadCounty, printTable, randomPointsInside, speedup, timeIt } from './seeded.js';

export function runDensityBench(): boolean {
  const county = loadCounty();
  const rings = county.geometry.coordinates.flat() as [number, number][][];
  const points = randomPointsInside(100_000, county, 43, (_i, rnd) => ({ level: (1 + Math.floor(rnd() * 4)) as 1 | 2 | 3 | 4 }), (x, y) => pointInRings(x, y, rings));
  const bbox = countyBbox(county);
  const options = { cellM: 200, bandwidthM: 1000, kernel: 'quartic' as const, riskLevels: domainDefaults.riskLevels, emap: domainDefaults.emap };
  const fast = timeIt(() => riskDensity(bbox, points, options), 5);
  const naive = timeIt(() => riskDensityNaive(bbox, points, options), 1, 0);
  let differing = 0;
  for (let k = 0; k < fast.result.values.length; k++) if (fast.result.values[k] !== naive.result.values[k]) differing++;
  const row = { case: 'riskDensity', oursMs: fast.ms, oursCpuMs: fast.cpuMs, peer: 'riskDensityNaive', peerMs: naive.ms, peerCpuMs: naive.cpuMs, target: '≥ 50× faster, same values' };
  printTable(`Density: 100,000 points, ${fast.result.cols}×${fast.result.rows} cells of 200 m, 1 km quartic`, [{ ...row, met: speedup(row)! >= 50 && differing === 0, note: `${differing} cells differ` }]);
  if (differing > 0) console.error(`DENSITY: ${differing} cells differ from the naive loop`);
  return differing === 0;
}

if (isMain(import.meta.url)) process.exit(runDensityBench() ? 0 : 1);
