import type { BBox, Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { densitySetup, type DensityOptions, type DensityRaster } from './density-setup.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';

/**
 * Kernel-density surface of risk weight (level weights per km², quartic or Epanechnikov kernel of
 * `bandwidthM` metres) on a raster of `cellM` metre cells over the extent; each point visits only
 * the cells within its bandwidth, giving the same values as riskDensityNaive.
 * @example riskDensity(county, riskPoints, { cellM: 200, bandwidthM: 1000, riskLevels: config.domain.riskLevels, emap: config.domain.emap }).values // → row-major, north first
 */
export function riskDensity(
  extent: BBox | Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>,
  riskPoints: FeatureCollection<Geometry | null, EmapRiskPointProps>,
  options: DensityOptions,
): DensityRaster {
  const { cellM, bandwidthM, h2, cols, rows, centreX, centreY, xs, ys, ws, kernelValue, toRaster } = densitySetup(extent, riskPoints, options);
  const values = new Float64Array(cols * rows);
  for (let i = 0; i < xs.length; i++) {
    const w = ws[i]!;
    if (w === 0) continue;
    const x = xs[i]!;
    const y = ys[i]!;
    const c0 = Math.max(0, Math.floor((x - bandwidthM) / cellM - 0.5));
    const c1 = Math.min(cols - 1, Math.ceil((x + bandwidthM) / cellM - 0.5));
    const r0 = Math.max(0, Math.floor((y - bandwidthM) / cellM - 0.5));
    const r1 = Math.min(rows - 1, Math.ceil((y + bandwidthM) / cellM - 0.5));
    for (let r = r0; r <= r1; r++) {
      const dy = centreY[r]! - y;
      const dy2 = dy * dy;
      if (dy2 >= h2) continue;
      const base = r * cols;
      for (let c = c0; c <= c1; c++) {
        const dx = centreX[c]! - x;
        const d2 = dx * dx + dy2;
        if (d2 < h2) values[base + c]! += kernelValue(w, d2);
      }
    }
  }
  return toRaster(values);
}
