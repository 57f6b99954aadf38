import type { DomainConfig } from '@riskmap/config';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { RiskLevel, RiskPointProps } from '../model.js';
import { createMetricGrid, type CellShape, type MetricGrid } from './create-metric-grid.js';
import { riskPointLonLat } from './risk-point-lon-lat.js';
import {
  emapLegend, resolveEmapOptions, riskLevelOf, summarizeRiskLevels,
  type AreaRiskSummary, type EmapLegend, type EmapLevelOptions, type TopRisk,
} from './summarize-risk-levels.js';

export type EmapRiskPointProps = Pick<RiskPointProps, 'level'> & Partial<Pick<RiskPointProps, 'code' | 'name' | 'score'>>;

export interface EmapCellProps extends AreaRiskSummary {
  cellId: number;
  row: number;
  col: number;
}

export type RiskEmapGrid = FeatureCollection<Polygon | MultiPolygon, EmapCellProps> & {
  legend: EmapLegend;
  cellM: number;
  shape: CellShape;
  /** Risk points outside the county (in no cell that touches it), or without geometry. */
  unassigned: number;
};

type EmapCellLimits = Pick<DomainConfig['emap'], 'minCellM' | 'maxCellM' | 'defaultCellM'>;

export type RiskEmapGridOptions = EmapLevelOptions & {
  /** Cell size in metres (square side or hex side), validated against emap.minCellM…maxCellM (field 'cell'). */
  cellM?: number;
  shape?: CellShape;
  /** Also return cells with no risk point (level null). */
  includeEmpty?: boolean;
} & (
  /** A grid built earlier with createMetricGrid over the same county, to skip rebuilding it … */
  | { grid: MetricGrid; emap?: EmapCellLimits }
  /** … or the cell limits (configuration) to build one with. */
  | { grid?: undefined; emap: EmapCellLimits }
);

/**
 * Four-colour risk e-map on a regular grid of square or hex cells of `cellM` metres clipped to the
 * county: each cell's level (highest inside, or weighted index per km²), counts, top risks, colour.
 * @example riskEmapByGrid(county, riskPoints, { cellM: 500, shape: 'hex', riskLevels: config.domain.riskLevels, emap: config.domain.emap }).features[0].properties.level // → 1 … 4
 */
export function riskEmapByGrid(
  county: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon,
  riskPoints: FeatureCollection<Geometry | null, EmapRiskPointProps>,
  options: RiskEmapGridOptions,
): RiskEmapGrid {
  const opts = resolveEmapOptions(options);
  const grid = options.grid ?? createMetricGrid(county, { cellM: options.cellM, shape: options.shape }, options.emap);

  // Bucket points by cell id (counting sort): O(1) per point, no polygon tests.
  const n = riskPoints.features.length;
  const cellOf = new Int32Array(n);
  const perCell = new Int32Array(grid.idCount + 1);
  // One sequential pass over the features into compact arrays; later passes by cell touch only these.
  const levels = new Uint8Array(n);
  const scores = new Float64Array(n);
  const codes: string[] = new Array(n);
  const names: string[] = new Array(n);
  riskPoints.features.forEach((f, i) => {
    const p = f.properties;
    levels[i] = riskLevelOf(p?.level, i);
    scores[i] = p?.score ?? 0;
    codes[i] = p?.code ?? String(f.id ?? i);
    names[i] = p?.name ?? '';
    const g = f.geometry;
    const lonLat = g?.type === 'Point' ? g.coordinates : riskPointLonLat(f);
    const id = lonLat ? grid.cellIdOf(lonLat[0]!, lonLat[1]!) : -1;
    cellOf[i] = id;
    if (id >= 0) perCell[id + 1]!++;
  });
  for (let id = 0; id < grid.idCount; id++) perCell[id + 1]! += perCell[id]!;
  const start = perCell.slice(0, grid.idCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) if (cellOf[i]! >= 0) order[start[cellOf[i]!]!++] = i;

  const ranksBefore = (a: number, b: number) =>
    levels[a]! < levels[b]! || (levels[a] === levels[b] && (scores[a]! > scores[b]! || (scores[a] === scores[b] && codes[a]! < codes[b]!)));

  // Top N by level, then score, then code: insertion into a short scratch list of point indices.
  const best = new Int32Array(Math.max(1, opts.topN));
  const ids = options.includeEmpty ? grid.cellIdsInExtent() : [];
  if (!options.includeEmpty) for (let id = 0; id < grid.idCount; id++) if (perCell[id + 1]! > perCell[id]!) ids.push(id);

  let unassigned = cellOf.reduce((a, id) => a + (id < 0 ? 1 : 0), 0);
  const features: Feature<Polygon | MultiPolygon, EmapCellProps>[] = [];
  for (const id of ids) {
    const cell = grid.clippedCell(id);
    if (!cell) {
      unassigned += perCell[id + 1]! - perCell[id]!;
      continue;
    }
    const counts: Record<RiskLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    let size = 0;
    for (let k = perCell[id]!; k < perCell[id + 1]!; k++) {
      const i = order[k]!;
      counts[levels[i] as RiskLevel]++;
      let at = size;
      while (at > 0 && ranksBefore(i, best[at - 1]!)) at--;
      if (at >= opts.topN) continue;
      for (let m = Math.min(size, opts.topN - 1); m > at; m--) best[m] = best[m - 1]!;
      best[at] = i;
      if (size < opts.topN) size++;
    }
    const top: TopRisk[] = new Array(size);
    for (let m = 0; m < size; m++) {
      const i = best[m]!;
      top[m] = { code: codes[i]!, name: names[i]!, level: levels[i] as RiskLevel, score: scores[i]! };
    }
    const s = summarizeRiskLevels(counts, top, cell.areaM2 / 1e6, opts);
    const { row, col } = grid.cellRowCol(id);
    const properties: EmapCellProps = {
      cellId: id, row, col, level: s.level, color: s.color, counts, total: s.total, weightedIndex: s.weightedIndex, areaKm2: s.areaKm2, top,
    };
    features.push({ type: 'Feature', geometry: cell.geometry, properties });
  }
  return {
    type: 'FeatureCollection',
    features,
    legend: emapLegend(features.map((f) => f.properties.level), opts),
    cellM: grid.cellM,
    shape: grid.shape,
    unassigned,
  };
}
