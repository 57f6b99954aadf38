/**
 * Geometry validation on 1k / 20k / 100k-vertex polygons (a circle, a star, a circle with two corners
 * swapped so it crosses itself once), in process: validateGeometry as it is (findRingCrossings), and
 * its self-intersection step against turf.kinks, which it used before (quadratic: at 100k it would
 * run for minutes, so it runs at 1k and once at 20k). "validateGeometry with turf.kinks" is derived:
 * today's validateGeometry − findRingCrossings + turf.kinks on the same polygon, in CPU time (median
 * process CPU of the runs; steadier than wall time on a shared machine).
 * Run: npx tsx bench/validate-geometry.bench.ts
 */
import * as turf from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { findRingCrossings } from '../src/analytics/find-ring-crossings.js';
import { validateGeometry } from '../src/analytics/validate-geometry.js';
import { isMain, timeIt } from './seeded.js';

function polygon(n: number, shape: 'circle' | 'star' | 'circle, 1 crossing'): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const r = shape === 'star' && i % 2 === 0 ? 0.003 : 0.01;
    ring.push([115.79 + r * Math.cos((2 * Math.PI * i) / n), 36.11 + r * Math.sin((2 * Math.PI * i) / n)]);
  }
  if (shape === 'circle, 1 crossing') [ring[n >> 1], ring[(n >> 1) + 1]] = [ring[(n >> 1) + 1]!, ring[n >> 1]!];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** one timed call (for the quadratic peer, too slow to repeat): wall and process CPU ms */
function once<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, result };
}

export function runValidateGeometryBench(): boolean {
  const rows: Record<string, string>[] = [];
  let agree = true;
  for (const n of [1_000, 20_000, 100_000]) {
    for (const shape of ['circle', 'star', 'circle, 1 crossing'] as const) {
      const g = polygon(n, shape);
      // small polygons get more warm-up calls so the JIT has settled before the timed runs
      const [runs, warmUps] = n === 1_000 ? [9, 20] : [5, 2];
      const whole = timeIt(() => validateGeometry(g), runs, warmUps);
      const step = timeIt(() => findRingCrossings(g.coordinates), runs, warmUps);
      const runKinks = n === 1_000 || (n === 20_000 && shape === 'circle');
      const kinks = !runKinks ? null : n === 1_000 ? timeIt(() => turf.kinks(g).features.length, 3, 1) : once(() => turf.kinks(g).features.length);
      if (kinks && kinks.result !== step.result.count) {
        agree = false;
        console.error(`VALIDATE-GEOMETRY: ${n} ${shape}: turf.kinks finds ${kinks.result} crossings, findRingCrossings ${step.result.count}`);
      }
      rows.push({
        vertices: n.toLocaleString('en'),
        shape,
        'validateGeometry ms (cpu)': `${whole.ms.toFixed(1)} (${whole.cpuMs.toFixed(1)})`,
        'findRingCrossings ms (cpu)': `${step.ms.toFixed(1)} (${step.cpuMs.toFixed(1)})`,
        'turf.kinks ms (cpu)': kinks ? `${kinks.ms.toFixed(0)} (${kinks.cpuMs.toFixed(0)})` : 'not run',
        'validateGeometry with turf.kinks, cpu ms': kinks ? (whole.cpuMs - step.cpuMs + kinks.cpuMs).toFixed(0) : '—',
        'speed (cpu)': kinks ? `${(kinks.cpuMs / step.cpuMs).toFixed(0)}×` : '—',
        crossings: `${step.result.atLeast ? '≥ ' : ''}${step.result.count}${kinks ? ` (turf ${kinks.result})` : ''}`,
      });
    }
  }
  console.log('\nGeometry validation: self-intersections by sweep (findRingCrossings) vs turf.kinks, in process');
  console.table(rows);
  return agree;
}

if (isMain(import.meta.url)) {
  if (!runValidateGeometryBench()) process.exitCode = 1;
}
