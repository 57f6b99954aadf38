import { domainDefaults } from '@riskmap/config';
/**
 * Nearest shelters: 3 nearest of 2,000 usable shelters for 2,000 query points, the index (built
 * once) against turf.nearestPoint called 3 times per query on a shrinking collection.
 * Run: npx tsx bench/nearest.bench.ts
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { createShelterIndex } from '../src/analytics/create-shelter-index.js';
import { countyBbox, isMain, loadCounty, printTable, randomPoints, speedup, timeIt } from './seeded.js';

export function runNearestBench(): boolean {
  const county = loadCounty();
  const bbox = countyBbox(county);
  const shelters = randomPoints(2_000, bbox, 45, (i) => ({ code: `S${i}`, name: `避难场所${i}`, shelterClass: 'emergency' as const, status: 'open' as const, capacity: 1000, facilities: [] as string[] }));
  const queries = randomPoints(2_000, bbox, 46, () => ({})).features.map((f) => f.geometry.coordinates as [number, number]);

  const build = timeIt(() => createShelterIndex(shelters, { county, shelters: domainDefaults.shelters, nearest: domainDefaults.nearest }), 5);
  const index = build.result;
  const ours = timeIt(() => queries.map((q) => index.nearest(q, 3).shelters.map((s) => s.code)), 5);
  const peer = timeIt(() => queries.map((q) => {
    let pool: FeatureCollection<Point, { code: string }> = shelters;
    const found: string[] = [];
    for (let k = 0; k < 3; k++) {
      const hit = turf.nearestPoint(q, pool) as Feature<Point, { code: string }>;
      found.push(hit.properties.code);
      pool = { type: 'FeatureCollection', features: pool.features.filter((f) => f.properties.code !== hit.properties.code) };
    }
    return found;
  }), 1, 1);
  const disagree = ours.result.filter((codes, i) => codes.join() !== peer.result[i]!.join()).length;
  const row = { case: 'index.nearest(q, 3) × 2,000', oursMs: ours.ms, oursCpuMs: ours.cpuMs, peer: 'turf.nearestPoint × 3 per query', peerMs: peer.ms, peerCpuMs: peer.cpuMs, target: '≥ 100× faster' };
  printTable('Nearest 3 of 2,000 shelters, 2,000 queries', [
    { ...row, met: speedup(row)! >= 100 && disagree === 0, note: `${disagree} queries differ` },
    { case: 'createShelterIndex (once)', oursMs: build.ms, oursCpuMs: build.cpuMs, peer: '', peerMs: null, target: 'one-off', met: true },
  ]);
  if (disagree > 0) console.error(`NEAREST: ${disagree} queries differ from turf.nearestPoint`);
  return disagree === 0;
}

if (isMain(import.meta.url)) process.exit(runNearestBench() ? 0 : 1);
