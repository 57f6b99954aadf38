/** Deterministic data for the analytics benchmarks (mulberry32); no files, no network. */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';

export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadCounty(): Feature<MultiPolygon> {
  const url = new URL('../test/fixtures/createMetricGrid/county.geojson', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as FeatureCollection<MultiPolygon>).features[0]!;
}

export function countyBbox(county: Feature<MultiPolygon>): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of county.geometry.coordinates) for (const [x, y] of poly[0]!) {
    b[0] = Math.min(b[0], x!); b[1] = Math.min(b[1], y!); b[2] = Math.max(b[2], x!); b[3] = Math.max(b[3], y!);
  }
  return b;
}

/** n random points in the bbox with properties from `props(i, rnd)`. */
export function randomPoints<P>(n: number, bbox: [number, number, number, number], seed: number, props: (i: number, rnd: () => number) => P): FeatureCollection<Point, P> {
  const rnd = seededRandom(seed);
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [bbox[0] + rnd() * (bbox[2] - bbox[0]), bbox[1] + rnd() * (bbox[3] - bbox[1])] },
      properties: props(i, rnd),
    })),
  };
}

/**
 * Median wall time and median process CPU time (ms) of `runs` calls after warm-ups (JIT, caches),
 * and the last result. CPU time (all threads, so GC included) is steadier on a shared machine.
 */
export function timeIt<T>(fn: () => T, runs = 5, warmUps = 2): { ms: number; cpuMs: number; result: T } {
  let result = fn();
  for (let i = 1; i < warmUps; i++) result = fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ms: median(wall), cpuMs: median(cpu), result };
}

/** n random points inside a polygon (rejection sampling in its bbox). */
export function randomPointsInside<P>(n: number, county: Feature<MultiPolygon>, seed: number, props: (i: number, rnd: () => number) => P, inside: (lon: number, lat: number) => boolean): FeatureCollection<Point, P> {
  const rnd = seededRandom(seed);
  const b = countyBbox(county);
  const features: Feature<Point, P>[] = [];
  while (features.length < n) {
    const lon = b[0] + rnd() * (b[2] - b[0]);
    const lat = b[1] + rnd() * (b[3] - b[1]);
    if (inside(lon, lat)) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props(features.length, rnd) });
  }
  return { type: 'FeatureCollection', features };
}

export interface BenchRow { case: string; oursMs: number; oursCpuMs?: number; peer: string; peerMs: number | null; peerCpuMs?: number; target: string; met: boolean; note?: string }

/** Peer ÷ ours, by CPU time when both have it (steadier on a shared machine), else by wall time. */
export function speedup(r: Pick<BenchRow, 'oursMs' | 'oursCpuMs' | 'peerMs' | 'peerCpuMs'>): number | null {
  if (r.peerMs === null) return null;
  return r.oursCpuMs !== undefined && r.peerCpuMs !== undefined ? r.peerCpuMs / r.oursCpuMs : r.peerMs / r.oursMs;
}

export function printTable(title: string, rows: BenchRow[]): void {
  console.log(`\n${title}`);
  console.table(rows.map((r) => ({
    case: r.case,
    'ours ms': r.oursMs.toFixed(1),
    'ours cpu ms': r.oursCpuMs === undefined ? '—' : r.oursCpuMs.toFixed(1),
    peer: r.peer,
    'peer ms': r.peerMs === null ? '—' : r.peerMs.toFixed(1),
    'peer cpu ms': r.peerCpuMs === undefined ? '—' : r.peerCpuMs.toFixed(1),
    speed: speedup(r) === null ? '—' : `${speedup(r)!.toFixed(0)}×`,
    target: r.target,
    met: r.met ? 'yes' : 'NO',
    ...(r.note ? { note: r.note } : {}),
  })));
}

/** True when this module is the script tsx was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && new URL(url).pathname.replace(/\.ts$/, '') === process.argv[1].replace(/\.ts$/, '');
}
