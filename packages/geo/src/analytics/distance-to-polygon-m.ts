import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { haversineM } from './haversine-m.js';
import { localMetricProjection } from './local-metric-projection.js';
import { pointInRings } from './point-in-rings.js';
import type { XY } from './clip-ring-to-convex.js';

const RASTER = 64;

/**
 * Returns a function giving the distance in metres from [lon, lat] to a polygon (0 inside): the
 * nearest point on its boundary is found in a local projection, the distance to it measured
 * geodesically. A coarse raster answers points well inside at once.
 * @example distanceToPolygonM(county)(116.5, 36.1) // → ≈ 34,000
 */
export function distanceToPolygonM(polygon: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon): (lon: number, lat: number) => number {
  const g = 'geometry' in polygon ? polygon.geometry : polygon;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const first = polys[0]?.[0]?.[0] ?? [0, 0];
  const projection = localMetricProjection(first[0]!, first[1]!);
  const rings: XY[][] = polys.flat().map((ring) => ring.map(([lon, lat]) => projection.toXY(lon!, lat!)));
  // Edges as flat [ax, ay, bx, by] for a tight loop.
  const edges = new Float64Array(rings.reduce((a, r) => a + Math.max(0, r.length - 1), 0) * 4);
  let e = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      edges[e++] = ring[i]![0]; edges[e++] = ring[i]![1]; edges[e++] = ring[i + 1]![0]; edges[e++] = ring[i + 1]![1];
    }
    for (const [x, y] of ring) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
  }
  // Raster of cells wholly inside (no edge sample in or next to them, centre inside).
  const cw = (maxX - minX) / RASTER || 1;
  const ch = (maxY - minY) / RASTER || 1;
  const cellOf = (x: number, y: number) => Math.min(RASTER - 1, Math.floor((y - minY) / ch)) * RASTER + Math.min(RASTER - 1, Math.floor((x - minX) / cw));
  const crossed = new Uint8Array(RASTER * RASTER);
  for (let k = 0; k < edges.length; k += 4) {
    const n = Math.max(1, Math.ceil(Math.hypot(edges[k + 2]! - edges[k]!, edges[k + 3]! - edges[k + 1]!) / (Math.min(cw, ch) / 4)));
    for (let s = 0; s <= n; s++) {
      const id = cellOf(edges[k]! + ((edges[k + 2]! - edges[k]!) * s) / n, edges[k + 1]! + ((edges[k + 3]! - edges[k + 1]!) * s) / n);
      const r = Math.floor(id / RASTER);
      const c = id % RASTER;
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
        if (r + dr >= 0 && r + dr < RASTER && c + dc >= 0 && c + dc < RASTER) crossed[(r + dr) * RASTER + c + dc] = 1;
      }
    }
  }
  const whollyInside = new Uint8Array(RASTER * RASTER);
  for (let id = 0; id < RASTER * RASTER; id++) {
    if (!crossed[id]) whollyInside[id] = pointInRings(minX + ((id % RASTER) + 0.5) * cw, minY + (Math.floor(id / RASTER) + 0.5) * ch, rings) ? 1 : 0;
  }

  const segDist2 = (k: number, x: number, y: number): number => {
    const ax = edges[k]!;
    const ay = edges[k + 1]!;
    const dx = edges[k + 2]! - ax;
    const dy = edges[k + 3]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py;
  };
  // Per raster cell, the only edges that can be nearest to a point in it: within the nearest edge's
  // distance from the centre plus a cell diagonal (triangle inequality).
  const halfDiag = Math.hypot(cw, ch) / 2;
  const candStart = new Int32Array(RASTER * RASTER + 1);
  const cand: number[] = [];
  const dist = new Float64Array(edges.length / 4);
  for (let id = 0; id < RASTER * RASTER; id++) {
    const cx = minX + ((id % RASTER) + 0.5) * cw;
    const cy = minY + (Math.floor(id / RASTER) + 0.5) * ch;
    let dmin = Infinity;
    for (let k = 0; k < edges.length; k += 4) dmin = Math.min(dmin, (dist[k / 4] = Math.sqrt(segDist2(k, cx, cy))));
    for (let j = 0; j < dist.length; j++) if (dist[j]! <= dmin + 2 * halfDiag) cand.push(j * 4);
    candStart[id + 1] = cand.length;
  }
  const candidates = Int32Array.from(cand);

  return (lon, lat) => {
    const x = (lon - projection.lon0) * projection.mPerDegLon;
    const y = (lat - projection.lat0) * projection.mPerDegLat;
    const inBox = x >= minX && x <= maxX && y >= minY && y <= maxY;
    const id = inBox ? cellOf(x, y) : -1;
    if (inBox && whollyInside[id]) return 0;
    if (inBox && pointInRings(x, y, rings)) return 0;
    let best = Infinity;
    let bestK = 0;
    const from = inBox ? candStart[id]! : 0;
    const to = inBox ? candStart[id + 1]! : edges.length / 4;
    for (let c = from; c < to; c++) {
      const k = inBox ? candidates[c]! : c * 4;
      const d2 = segDist2(k, x, y);
      if (d2 < best) {
        best = d2;
        bestK = k;
      }
    }
    // The nearest point on the nearest edge, measured geodesically.
    const ax = edges[bestK]!;
    const ay = edges[bestK + 1]!;
    const dx = edges[bestK + 2]! - ax;
    const dy = edges[bestK + 3]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const [plon, plat] = projection.toLonLat(ax + t * dx, ay + t * dy);
    return haversineM(lon, lat, plon, plat);
  };
}
