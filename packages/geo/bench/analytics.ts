/**
 * All analytics benchmarks (e-map, density, per-capita, nearest, geometry validation). Run: npx tsx bench/analytics.ts
 * (or `npm run bench` in packages/geo, which runs bench/run.ts). Sets a non-zero exit code when a
 * result disagrees with its peer.
 */
import { runDensityBench } from './density.bench.js';
import { runEmapBench } from './emap.bench.js';
import { runNearestBench } from './nearest.bench.js';
import { runPerCapitaBench } from './per-capita.bench.js';
import { runValidateGeometryBench } from './validate-geometry.bench.js';

const results = [runEmapBench(), runPerCapitaBench(), runNearestBench(), runDensityBench(), runValidateGeometryBench()];
if (results.some((ok) => !ok)) process.exitCode = 1;
