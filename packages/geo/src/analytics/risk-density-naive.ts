import type { BBox, Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { densitySetup, type DensityOptions, type DensityRaster } from './density-setup.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';

/**
 * The reference kernel density: every cell × every point (O(cells × points)); for tests and the
 * benchmark of riskDensity, which must return identical values.
 * @example riskDensityNaive(bbox, riskPoints, { cellM: 500, riskLevels, emap }).max // → same as riskDensity(…).max
 */
export function riskDensityNaive(
  extent: BBox | Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>,
  riskPoints: FeatureCollection<Geometry | null, EmapRiskPointProps>,
  options: DensityOptions,
): DensityRaster {
  const { h2, cols, rows, centreX, centreY, xs, ys, ws, kernelValue, toRaster } = densitySetup(extent, riskPoints, options);
  const values = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let v = 0;
      for (let i = 0; i < xs.length; i++) {
        if (ws[i] === 0) continue;
        const dx = centreX[c]! - xs[i]!;
        const dy = centreY[r]! - ys[i]!;
        const d2 = dx * dx + dy * dy;
        if (d2 < h2) v += kernelValue(ws[i]!, d2);
      }
      values[r * cols + c] = v;
    }
  }
  return toRaster(values);
}
