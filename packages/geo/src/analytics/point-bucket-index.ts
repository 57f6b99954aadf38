import { localMetricProjection, type LocalMetricProjection } from './local-metric-projection.js';

export interface PointBucketIndex {
  projection: LocalMetricProjection;
  cellM: number;
  cols: number;
  rows: number;
  /** Calls `visit(i)` for every point in the cells within `rings` cells of the one holding [lon, lat] (clamped to the grid). */
  visitRing(lon: number, lat: number, ring: number, visit: (i: number) => void): boolean;
}

/**
 * A uniform bucket grid over points (metre cells in a local projection): each point sits in one
 * bucket (counting sort), and queries visit only the buckets around a location, ring by ring.
 * @example pointBucketIndex([[115.8, 36.1]], 500).visitRing(115.8, 36.1, 0, (i) => …) // visits 0
 */
export function pointBucketIndex(lonLats: readonly (readonly [number, number])[], cellM: number): PointBucketIndex {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const [lon, lat] of lonLats) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  if (lonLats.length === 0) minLon = maxLon = minLat = maxLat = 0;
  const projection = localMetricProjection((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const [x0, y0] = projection.toXY(minLon, minLat);
  const [x1, y1] = projection.toXY(maxLon, maxLat);
  const cols = Math.max(1, Math.floor((x1 - x0) / cellM) + 1);
  const rows = Math.max(1, Math.floor((y1 - y0) / cellM) + 1);
  const colOf = (lon: number) => Math.min(cols - 1, Math.max(0, Math.floor(((lon - projection.lon0) * projection.mPerDegLon - x0) / cellM)));
  const rowOf = (lat: number) => Math.min(rows - 1, Math.max(0, Math.floor(((lat - projection.lat0) * projection.mPerDegLat - y0) / cellM)));

  const cellOf = new Int32Array(lonLats.length);
  const start = new Int32Array(cols * rows + 1);
  lonLats.forEach(([lon, lat], i) => {
    cellOf[i] = rowOf(lat) * cols + colOf(lon);
    start[cellOf[i]! + 1]!++;
  });
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols * rows);
  const order = new Int32Array(lonLats.length);
  for (let i = 0; i < lonLats.length; i++) order[fill[cellOf[i]!]!++] = i;

  const visitCell = (r: number, c: number, visit: (i: number) => void) => {
    const id = r * cols + c;
    for (let k = start[id]!; k < start[id + 1]!; k++) visit(order[k]!);
  };
  return {
    projection, cellM, cols, rows,
    visitRing(lon, lat, ring, visit) {
      const c0 = colOf(lon);
      const r0 = rowOf(lat);
      if (ring > Math.max(cols, rows)) return false;
      for (let r = Math.max(0, r0 - ring); r <= Math.min(rows - 1, r0 + ring); r++) {
        if (Math.abs(r - r0) === ring) {
          for (let c = Math.max(0, c0 - ring); c <= Math.min(cols - 1, c0 + ring); c++) visitCell(r, c, visit);
        } else {
          if (c0 - ring >= 0) visitCell(r, c0 - ring, visit);
          if (ring > 0 && c0 + ring < cols) visitCell(r, c0 + ring, visit);
        }
      }
      return true;
    },
  };
}
