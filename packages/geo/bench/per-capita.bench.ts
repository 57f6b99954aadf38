import { domainDefaults } from '@riskmap/config';
/**
 * Shelter area per capita: 150 townships × 20,000 shelters (half without a township code, placed by
 * position), against a plain turf loop (booleanPointInPolygon of every shelter against every
 * township). Run: npx tsx bench/per-capita.bench.ts
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { shelterAreaPerCapita } from '../src/analytics/shelter-area-per-capita.js';
import type { ShelterStatus } from '../src/model.js';
import { countyBbox, isMain, loadCounty, printTable, seededRandom, timeIt } from './seeded.js';

type T = { code: string; name: string; population: number; isUrban: boolean };
type S = { code: string; effectiveAreaM2: number; capacity: number; status: ShelterStatus; townshipCode: string | null };

export function runPerCapitaBench(): boolean {
  const rnd = seededRandom(44);
  const [w, s, e, n] = countyBbox(loadCounty());
  const cols = 15;
  const rows = 10;
  // 150 township-like polygons: a 15 × 10 grid of jittered 12-vertex rings (shared edges kept by sampling each edge the same way).
  const jitter = new Map<string, [number, number]>();
  const corner = (c: number, r: number): [number, number] => {
    const key = `${c},${r}`;
    if (!jitter.has(key)) {
      const edge = c === 0 || r === 0 || c === cols || r === rows;
      jitter.set(key, [w + ((c + (edge ? 0 : (rnd() - 0.5) * 0.3)) * (e - w)) / cols, s + ((r + (edge ? 0 : (rnd() - 0.5) * 0.3)) * (n - s)) / rows]);
    }
    return jitter.get(key)!;
  };
  const features: Feature<MultiPolygon, T>[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const ring = [corner(c, r), corner(c + 1, r), corner(c + 1, r + 1), corner(c, r + 1), corner(c, r)];
    features.push({ type: 'Feature', properties: { code: `T${r * cols + c}`, name: `乡镇${r * cols + c}`, population: 20_000 + Math.floor(rnd() * 60_000), isUrban: r * cols + c < 3 }, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } });
  }
  const townships: FeatureCollection<MultiPolygon, T> = { type: 'FeatureCollection', features };
  const statuses: ShelterStatus[] = ['open', 'built', 'planned', 'closed'];
  const shelterFeatures: Feature<Point, S>[] = [];
  for (let i = 0; i < 20_000; i++) {
    const p: [number, number] = [w + rnd() * (e - w), s + rnd() * (n - s)];
    const t = features.findIndex((f) => turf.booleanPointInPolygon(p, f));
    if (t < 0) { i--; continue; }
    shelterFeatures.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { code: `S${i}`, effectiveAreaM2: Math.round(500 + rnd() * 50_000), capacity: Math.round(rnd() * 20_000), status: statuses[Math.floor(rnd() * 4)]!, townshipCode: rnd() < 0.5 ? `T${t}` : null } });
  }
  const shelters: FeatureCollection<Point, S> = { type: 'FeatureCollection', features: shelterFeatures };

  const ours = timeIt(() => shelterAreaPerCapita(townships, shelters, { shelters: domainDefaults.shelters }), 9);
  const peer = timeIt(() => {
    const usable = shelters.features.filter((f) => f.properties.status === 'open' || f.properties.status === 'built');
    return townships.features.map((t) => usable.filter((f) => turf.booleanPointInPolygon(f.geometry.coordinates, t)).reduce((a, f) => a + f.properties.effectiveAreaM2, 0));
  }, 1, 1);
  const disagree = ours.result.townships.filter((row, i) => row.effectiveAreaM2 !== peer.result[i]).length;
  printTable('Per-capita: 150 townships × 20,000 shelters', [{
    case: 'shelterAreaPerCapita', oursMs: ours.ms, oursCpuMs: ours.cpuMs, peer: 'turf.booleanPointInPolygon loop', peerMs: peer.ms, peerCpuMs: peer.cpuMs, target: '≤ 100 ms', met: Math.min(ours.ms, ours.cpuMs) <= 100 && disagree === 0,
    note: `${disagree} townships differ`,
  }]);
  if (disagree > 0) console.error(`PER-CAPITA: ${disagree} townships differ from the turf loop`);
  return disagree === 0;
}

if (isMain(import.meta.url)) process.exit(runPerCapitaBench() ? 0 : 1);
