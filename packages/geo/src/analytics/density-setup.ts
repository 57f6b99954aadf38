import type { DomainConfig } from '@riskmap/config';
import type { BBox, Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { InputError } from '../input-error.js';
import { localMetricProjection } from './local-metric-projection.js';
import { riskLevelOf } from './summarize-risk-levels.js';
import { riskPointLonLat } from './risk-point-lon-lat.js';
import type { EmapRiskPointProps } from './risk-emap-by-grid.js';

export type DensityKernel = 'quartic' | 'epanechnikov';
export const DENSITY_KERNELS: readonly DensityKernel[] = ['quartic', 'epanechnikov'];

export interface DensityOptions {
  /** Raster cell size in metres (emap.minCellM … maxCellM, field 'cell'); default emap.defaultCellM. */
  cellM?: number;
  /** Kernel radius in metres; default emap.kernelBandwidthM. */
  bandwidthM?: number;
  kernel?: DensityKernel;
  /** Point weight: the level's weight (default) or 1 per point. */
  weightBy?: 'level' | 'count';
  /** Level weights (configuration). */
  riskLevels: DomainConfig['riskLevels'];
  /** Cell limits and default bandwidth (configuration). */
  emap: Pick<DomainConfig['emap'], 'minCellM' | 'maxCellM' | 'defaultCellM' | 'kernelBandwidthM'>;
}

export interface DensityRaster {
  /** Bounding box of the raster (lon/lat), which may extend up to one cell east and north of the extent. */
  bbox: BBox;
  cellM: number;
  bandwidthM: number;
  kernel: DensityKernel;
  cols: number;
  rows: number;
  /** Row-major, row 0 = north; weight per km² at the cell centres. */
  values: number[];
  max: number;
  unit: 'weight/km²';
}

type Extent = BBox | Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

/** Validated raster geometry, projected points and the kernel, shared by riskDensity and riskDensityNaive. */
export function densitySetup(extent: Extent, riskPoints: FeatureCollection<Geometry | null, EmapRiskPointProps>, options: DensityOptions) {
  const { emap, riskLevels } = options;
  const cellM = options.cellM ?? emap.defaultCellM;
  const bandwidthM = options.bandwidthM ?? emap.kernelBandwidthM;
  const kernel = options.kernel ?? 'quartic';
  if (!(Number.isFinite(cellM) && cellM >= emap.minCellM && cellM <= emap.maxCellM)) {
    throw new InputError(`cell size must be between ${emap.minCellM} and ${emap.maxCellM} m; got ${String(cellM)}`, 'cell');
  }
  if (!(Number.isFinite(bandwidthM) && bandwidthM > 0)) throw new InputError(`bandwidthM must be a distance > 0 m; got ${String(bandwidthM)}`, 'bandwidthM');
  if (!DENSITY_KERNELS.includes(kernel)) throw new InputError(`kernel must be quartic or epanechnikov; got ${String(kernel)}`, 'kernel', DENSITY_KERNELS);

  const bbox = Array.isArray(extent) ? (extent as BBox) : bboxOfGeometry('geometry' in extent ? extent.geometry : extent);
  const projection = localMetricProjection((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
  const [x0, y0] = projection.toXY(bbox[0], bbox[1]);
  const [x1, y1] = projection.toXY(bbox[2], bbox[3]);
  const cols = Math.max(1, Math.ceil((x1 - x0) / cellM));
  const rows = Math.max(1, Math.ceil((y1 - y0) / cellM));
  const centreX = Float64Array.from({ length: cols }, (_, c) => (c + 0.5) * cellM);
  const centreY = Float64Array.from({ length: rows }, (_, r) => (r + 0.5) * cellM);

  const n = riskPoints.features.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ws = new Float64Array(n);
  riskPoints.features.forEach((f, i) => {
    const level = riskLevelOf(f.properties?.level, i);
    const lonLat = riskPointLonLat(f);
    if (!lonLat) return; // weight 0: no position, no contribution
    const [x, y] = projection.toXY(lonLat[0], lonLat[1]);
    xs[i] = x - x0;
    ys[i] = y - y0;
    ws[i] = options.weightBy === 'count' ? 1 : riskLevels[level].weight;
  });

  const h2 = bandwidthM * bandwidthM;
  // 2-D kernels normalised to integrate to 1, scaled to per km².
  const norm = (kernel === 'quartic' ? 3 : 2) / (Math.PI * h2) * 1e6;
  const kernelValue = kernel === 'quartic'
    ? (w: number, d2: number) => { const t = 1 - d2 / h2; return w * norm * t * t; }
    : (w: number, d2: number) => w * norm * (1 - d2 / h2);

  const toRaster = (values: Float64Array): DensityRaster => {
    const out: number[] = new Array(cols * rows);
    let max = 0;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c]!;
      out[(rows - 1 - r) * cols + c] = v;
      if (v > max) max = v;
    }
    const [east, north] = projection.toLonLat(x0 + cols * cellM, y0 + rows * cellM);
    return { bbox: [bbox[0], bbox[1], east, north], cellM, bandwidthM, kernel, cols, rows, values: out, max, unit: 'weight/km²' };
  };
  return { cellM, bandwidthM, h2, cols, rows, centreX, centreY, xs, ys, ws, kernelValue, toRaster };
}

function bboxOfGeometry(g: Polygon | MultiPolygon): BBox {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) for (const [x, y] of p[0]!) {
    b[0] = Math.min(b[0], x!); b[1] = Math.min(b[1], y!); b[2] = Math.max(b[2], x!); b[3] = Math.max(b[3], y!);
  }
  return b;
}
