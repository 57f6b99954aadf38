import type { SitingDemand } from '@riskmap/geo';
import type { RiskWeighting } from './build-siting-task.js';

const M_PER_DEG = 111_320;

/**
 * Sets each demand point's `riskWeight` to the level weight of the highest risk point within
 * `radiusM` (1 when none), bucketing risk points in a grid so 100 000 points stay fast.
 * @example applyRiskWeights(demand, { points: [{ lon, lat, weight: 8 }], radiusM: 1000 }); demand[0].riskWeight // 8
 */
export function applyRiskWeights(demand: SitingDemand[], w: RiskWeighting): void {
  const cellDeg = w.radiusM / M_PER_DEG;
  const grid = new Map<string, { lon: number; lat: number; weight: number }[]>();
  for (const r of w.points) {
    const key = `${Math.floor(r.lon / cellDeg)}:${Math.floor(r.lat / cellDeg)}`;
    (grid.get(key) ?? grid.set(key, []).get(key)!).push(r);
  }
  for (const d of demand) {
    const cosLat = Math.cos((d.lat * Math.PI) / 180);
    const reach = Math.ceil(1 / Math.max(cosLat, 0.05));
    const cx = Math.floor(d.lon / cellDeg);
    const cy = Math.floor(d.lat / cellDeg);
    let best = 1;
    for (let dx = -reach; dx <= reach; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const r of grid.get(`${cx + dx}:${cy + dy}`) ?? []) {
          if (r.weight <= best) continue;
          const x = (r.lon - d.lon) * cosLat * M_PER_DEG;
          const y = (r.lat - d.lat) * M_PER_DEG;
          if (x * x + y * y <= w.radiusM * w.radiusM) best = r.weight;
        }
      }
    }
    d.riskWeight = (d.riskWeight ?? 1) * best;
  }
}
