import { InputError } from '../input-error.js';
import { haversineM } from './haversine-m.js';
import { pointBucketIndex } from './point-bucket-index.js';

const RAD = Math.PI / 180;

/** Risk points with their level weight, and the radius (m) within which they weight demand. */
export interface RiskWeighting {
  points: readonly { lon: number; lat: number; weight: number }[];
  radiusM: number;
}

/**
 * Risk-weighted demand: multiplies each demand point's `riskWeight` (1 when unset) by the level weight
 * of the highest risk point within `radiusM` geodesic metres (1 when none), in place. Risk points sit in
 * a pointBucketIndex of radius-wide buckets, so each demand point looks only at the buckets around it.
 * @example applyRiskWeights(demand, { points: [{ lon: 115.8, lat: 36.1, weight: 8 }], radiusM: 1000 }); demand[0].riskWeight // → 8
 */
export function applyRiskWeights(demand: { lon: number; lat: number; riskWeight?: number }[], w: RiskWeighting): void {
  if (!(Number.isFinite(w.radiusM) && w.radiusM > 0)) throw new InputError(`radiusM must be a distance > 0 m; got ${String(w.radiusM)}`, 'radiusM');
  // Buckets 1 % wider than the radius (the projection's east–west scale error over a county).
  const cellM = w.radiusM * 1.01;
  const index = pointBucketIndex(w.points.map((p) => [p.lon, p.lat] as const), cellM);
  const cos0 = Math.cos(index.projection.lat0 * RAD);
  for (const d of demand) {
    let best = 1;
    const visit = (i: number) => {
      const r = w.points[i]!;
      if (r.weight > best && haversineM(d.lon, d.lat, r.lon, r.lat) <= w.radiusM) best = r.weight;
    };
    // A bucket is cellM wide at the grid's centre latitude and narrower nearer the pole: enough rings to span the radius here.
    const rings = Math.ceil((w.radiusM * cos0) / (cellM * Math.max(Math.cos(d.lat * RAD), 0.05)));
    for (let ring = 0; ring <= rings && w.points.length > 0; ring++) if (!index.visitRing(d.lon, d.lat, ring, visit)) break;
    d.riskWeight = (d.riskWeight ?? 1) * best;
  }
}
