import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { haversineM } from '../analytics/haversine-m.js';
import { InputError } from '../input-error.js';

/** A directed road graph in CSR form; edge weights are driving minutes. */
export interface RoadGraph {
  lon: Float64Array;
  lat: Float64Array;
  start: Int32Array;
  to: Int32Array;
  minutes: Float64Array;
}

/**
 * Builds a road graph from GeoJSON LineStrings: vertices shared by lines (to 1e-7°) become one node,
 * each segment costs length ÷ speed, the speed coming from `speedKmh`, else `class` via
 * `classSpeedsKmh`, else `defaultSpeedKmh`; `oneway: true` keeps only the drawn direction.
 * @example buildRoadGraph(roads, { classSpeedsKmh: { primary: 50 }, defaultSpeedKmh: 30 }).start.length - 1; // node count
 */
export function buildRoadGraph(
  network: FeatureCollection<LineString | MultiLineString>,
  opts: { classSpeedsKmh?: Record<string, number>; defaultSpeedKmh: number },
): RoadGraph {
  if (!network || network.type !== 'FeatureCollection' || !Array.isArray(network.features)) {
    throw new InputError('network must be a GeoJSON FeatureCollection of LineStrings', 'impedance.network');
  }
  const ids = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const edges: [number, number, number][] = [];
  const node = (pos: Position): number => {
    const key = `${pos[0]!.toFixed(7)},${pos[1]!.toFixed(7)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = lon.length;
      ids.set(key, id);
      lon.push(pos[0]!);
      lat.push(pos[1]!);
    }
    return id;
  };
  network.features.forEach((f, k) => {
    const g = f?.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) {
      throw new InputError(`network feature ${k} is not a LineString`, `impedance.network.features[${k}].geometry`);
    }
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const speed = pickSpeed(props, opts);
    if (!(speed > 0)) throw new InputError(`network feature ${k} has no positive speed`, `impedance.network.features[${k}].properties.speedKmh`);
    const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    for (const line of lines) {
      for (let s = 1; s < line.length; s++) {
        const a = line[s - 1]!;
        const b = line[s]!;
        const u = node(a);
        const v = node(b);
        if (u === v) continue;
        const minutes = haversineM(a[0]!, a[1]!, b[0]!, b[1]!) / ((speed * 1000) / 60);
        edges.push([u, v, minutes]);
        if (props.oneway !== true) edges.push([v, u, minutes]);
      }
    }
  });
  const n = lon.length;
  const start = new Int32Array(n + 1);
  for (const e of edges) start[e[0] + 1] = start[e[0] + 1]! + 1;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, n);
  const to = new Int32Array(edges.length);
  const minutes = new Float64Array(edges.length);
  for (const [u, v, t] of edges) {
    const at = fill[u]!++;
    to[at] = v;
    minutes[at] = t;
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), start, to, minutes };
}

function pickSpeed(props: Record<string, unknown>, opts: { classSpeedsKmh?: Record<string, number>; defaultSpeedKmh: number }): number {
  if (typeof props.speedKmh === 'number') return props.speedKmh;
  const cls = typeof props.class === 'string' ? props.class : undefined;
  if (cls !== undefined && opts.classSpeedsKmh?.[cls] !== undefined) return opts.classSpeedsKmh[cls]!;
  return opts.defaultSpeedKmh;
}
