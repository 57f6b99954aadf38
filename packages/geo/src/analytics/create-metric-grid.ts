import type { DomainConfig } from '@riskmap/config';
import type { BBox, Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { InputError } from '../input-error.js';
import { clipRingToConvex, ringAreaXY, type XY } from './clip-ring-to-convex.js';
import { localMetricProjection, type LocalMetricProjection } from './local-metric-projection.js';

export type CellShape = 'square' | 'hex';
export const CELL_SHAPES: readonly CellShape[] = ['square', 'hex'];

export interface MetricGrid {
  shape: CellShape;
  /** Square: side; hex: side = circumradius (as turf.hexGrid's cellSide), metres on the ground. */
  cellM: number;
  bbox: BBox;
  projection: LocalMetricProjection;
  /** Size of the id space: ids run 0 … idCount − 1 (not all of them need intersect the extent). */
  idCount: number;
  /** The one cell containing [lon, lat], by index arithmetic; −1 outside the grid's bbox. */
  cellIdOf(lon: number, lat: number): number;
  /** Row/column (square) or axial r/q (hex) of a cell. */
  cellRowCol(id: number): { row: number; col: number };
  /** The whole cell as a lon/lat polygon. */
  cellPolygon(id: number): Polygon;
  /** The cell clipped to the extent polygon with its area (m²); null when it lies outside. Cached: do not mutate. */
  clippedCell(id: number): { geometry: Polygon | MultiPolygon; areaM2: number } | null;
  /** Ids of all cells that intersect the extent polygon (all cells in the bbox when given a bbox). */
  cellIdsInExtent(): number[];
}

type Extent = BBox | Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;
const SQRT3 = Math.sqrt(3);
const SQUARE_NEIGHBOURS: XY[] = [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]];
const HEX_NEIGHBOURS: XY[] = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, -1], [-1, 1]];

/**
 * Builds a grid of square or pointy-top hexagonal cells of `cellM` metres on the ground (local
 * equirectangular projection, not degrees) over a county polygon or bbox; points map to cells in O(1).
 * @example createMetricGrid(county, { cellM: 200, shape: 'square' }, config.domain.emap).cellIdOf(115.8, 36.1) // → a cell id
 */
export function createMetricGrid(
  extent: Extent,
  options: { cellM?: number; shape?: CellShape },
  /** Cell limits and default cell size (configuration). */
  emap: Pick<DomainConfig['emap'], 'minCellM' | 'maxCellM' | 'defaultCellM'>,
): MetricGrid {
  const cellM = options.cellM ?? emap.defaultCellM;
  const shape = options.shape ?? 'square';
  if (!(Number.isFinite(cellM) && cellM >= emap.minCellM && cellM <= emap.maxCellM)) {
    throw new InputError(`cell size must be between ${emap.minCellM} and ${emap.maxCellM} m; got ${String(cellM)}`, 'cell');
  }
  if (!CELL_SHAPES.includes(shape)) throw new InputError(`cell shape must be square or hex; got ${String(shape)}`, 'shape', CELL_SHAPES);

  const polygons = extentPolygons(extent);
  const bbox = polygons ? bboxOf(polygons) : (extent as BBox);
  const projection = localMetricProjection((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
  const [x0, y0] = projection.toXY(bbox[0], bbox[1]);
  const [x1, y1] = projection.toXY(bbox[2], bbox[3]);
  const width = x1 - x0;
  const height = y1 - y0;
  const s = cellM;

  // Index space: square rows × cols; hex axial (q, r) over a parallelogram covering the bbox.
  const cols = Math.max(1, Math.ceil(width / s));
  const rows = Math.max(1, Math.ceil(height / s));
  const rMin = -1;
  const rMax = Math.ceil((2 * height) / (3 * s)) + 1;
  const qMin = Math.floor(-height / (3 * s)) - 1;
  const qMax = Math.ceil((SQRT3 * width) / (3 * s)) + 1;
  const nq = qMax - qMin + 1;
  const idCount = shape === 'square' ? rows * cols : (rMax - rMin + 1) * nq;

  const idOfXY = (x: number, y: number): number => {
    if (shape === 'square') {
      const col = Math.min(cols - 1, Math.floor(x / s));
      const row = Math.min(rows - 1, Math.floor(y / s));
      return row * cols + col;
    }
    const fq = ((SQRT3 / 3) * x - y / 3) / s;
    const fr = ((2 / 3) * y) / s;
    const fs = -fq - fr;
    let q = Math.round(fq);
    let r = Math.round(fr);
    const sr = Math.round(fs);
    const dq = Math.abs(q - fq);
    const dr = Math.abs(r - fr);
    const ds = Math.abs(sr - fs);
    if (dq > dr && dq > ds) q = -r - sr;
    else if (dr > ds) r = -q - sr;
    return (r - rMin) * nq + (q - qMin);
  };
  const rowCol = (id: number) =>
    shape === 'square' ? { row: Math.floor(id / cols), col: id % cols } : { row: Math.floor(id / nq) + rMin, col: (id % nq) + qMin };
  const idOfRowCol = (row: number, col: number): number => {
    if (shape === 'square') return row < 0 || col < 0 || row >= rows || col >= cols ? -1 : row * cols + col;
    return row < rMin || row > rMax || col < qMin || col > qMax ? -1 : (row - rMin) * nq + (col - qMin);
  };
  const cornersXY = (id: number): XY[] => {
    const { row, col } = rowCol(id);
    if (shape === 'square') {
      const ax = col * s;
      const ay = row * s;
      return [[ax, ay], [ax + s, ay], [ax + s, ay + s], [ax, ay + s]];
    }
    const cx = s * SQRT3 * (col + row / 2);
    const cy = s * 1.5 * row;
    return [0, 1, 2, 3, 4, 5].map((i) => [cx + s * Math.cos(((30 + 60 * i) * Math.PI) / 180), cy + s * Math.sin(((30 + 60 * i) * Math.PI) / 180)] as XY);
  };
  const toLonLat = (p: XY): Position => projection.toLonLat(p[0] + x0, p[1] + y0);
  const cellPolygon = (id: number): Polygon => {
    const ring = cornersXY(id).map(toLonLat);
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  };
  const cellIdOf = (lon: number, lat: number): number => {
    const x = (lon - projection.lon0) * projection.mPerDegLon - x0;
    const y = (lat - projection.lat0) * projection.mPerDegLat - y0;
    if (!(x >= 0 && y >= 0 && x <= width && y <= height)) return -1;
    return idOfXY(x, y);
  };

  // Rings of the extent in grid metres, and the cells any extent edge may cross (edges sampled at
  // cellM/4, each sample marking its cell and the neighbours, so no crossed cell is missed).
  const ringsXY: XY[][][] = (polygons ?? []).map((poly) => poly.map((ring) => ring.map(([lon, lat]) => {
    const [x, y] = projection.toXY(lon!, lat!);
    return [x - x0, y - y0] as XY;
  })));
  const allRings = ringsXY.flat();
  const boundary = new Uint8Array(idCount);
  const step = s / 4;
  for (const ring of allRings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[i + 1]!;
      const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
      for (let k = 0; k <= n; k++) {
        const id = idOfXY(ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n);
        const { row, col } = rowCol(id);
        boundary[id] = 1;
        for (const [dr, dc] of shape === 'square' ? SQUARE_NEIGHBOURS : HEX_NEIGHBOURS) {
          const nid = idOfRowCol(row + dr, col + dc);
          if (nid >= 0) boundary[nid] = 1;
        }
      }
    }
  }

  // Inside/outside of every cell not crossed by an edge, by its centre: one scanline per row of
  // centres (crossings of all edges with that row), so no per-cell polygon test.
  const inside = new Uint8Array(idCount);
  if (polygons) {
    const rowIds = new Map<number, number[]>();
    for (let id = 0; id < idCount; id++) {
      if (boundary[id]) continue;
      const row = rowCol(id).row;
      let list = rowIds.get(row);
      if (!list) rowIds.set(row, (list = []));
      list.push(id);
    }
    for (const [, list] of rowIds) {
      const cy = centreXY(list[0]!)[1];
      const crossings: number[] = [];
      for (const ring of allRings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax, ay] = ring[i]!;
          const [bx, by] = ring[i + 1]!;
          if (ay > cy !== by > cy) crossings.push(ax + ((bx - ax) * (cy - ay)) / (by - ay));
        }
      }
      crossings.sort((a, b) => a - b);
      for (const id of list) {
        const cx = centreXY(id)[0];
        let k = 0;
        while (k < crossings.length && crossings[k]! < cx) k++;
        inside[id] = k % 2;
      }
    }
  }
  function centreXY(id: number): XY {
    const { row, col } = rowCol(id);
    return shape === 'square' ? [(col + 0.5) * s, (row + 0.5) * s] : [s * SQRT3 * (col + row / 2), s * 1.5 * row];
  }

  const nominalAreaM2 = shape === 'square' ? s * s : ((3 * SQRT3) / 2) * s * s;
  const clippedCache: ({ geometry: Polygon | MultiPolygon; areaM2: number } | null | undefined)[] = new Array(idCount);
  const clippedCell = (id: number): { geometry: Polygon | MultiPolygon; areaM2: number } | null => {
    if (id < 0 || id >= idCount) return null;
    if (!polygons) return { geometry: cellPolygon(id), areaM2: nominalAreaM2 };
    const cached = clippedCache[id];
    if (cached !== undefined) return cached;
    if (!boundary[id]) {
      const whole = inside[id] ? { geometry: cellPolygon(id), areaM2: nominalAreaM2 } : null;
      clippedCache[id] = whole;
      return whole;
    }
    const corners = cornersXY(id);
    const parts: Position[][][] = [];
    let areaM2 = 0;
    for (const poly of ringsXY) {
      const outer = clipRingToConvex(poly[0]!, corners);
      if (!outer) continue;
      const holes = poly.slice(1).map((h) => clipRingToConvex(h, corners)).filter((h): h is XY[] => h !== null);
      areaM2 += Math.abs(ringAreaXY(outer)) - holes.reduce((a, h) => a + Math.abs(ringAreaXY(h)), 0);
      parts.push([outer, ...holes].map((ring) => ring.map(toLonLat)));
    }
    const result: { geometry: Polygon | MultiPolygon; areaM2: number } | null =
      parts.length === 0 || areaM2 <= 0 ? null
        : { geometry: parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts }, areaM2 };
    clippedCache[id] = result;
    return result;
  };
  const cellIdsInExtent = (): number[] => {
    const ids: number[] = [];
    for (let id = 0; id < idCount; id++) {
      const [cx, cy] = centreXY(id);
      // Hex ids form a parallelogram; skip cells wholly outside the bbox.
      if (cx < -s || cy < -s || cx > width + s || cy > height + s) continue;
      if (!polygons ? cellOverlapsBox(cornersXY(id), width, height) : boundary[id] ? clippedCell(id) !== null : inside[id] === 1) ids.push(id);
    }
    return ids;
  };
  return { shape, cellM, bbox, projection, idCount, cellIdOf, cellRowCol: rowCol, cellPolygon, clippedCell, cellIdsInExtent };
}

function cellOverlapsBox(corners: XY[], width: number, height: number): boolean {
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return Math.max(...xs) > 0 && Math.min(...xs) < width && Math.max(...ys) > 0 && Math.min(...ys) < height;
}

function extentPolygons(extent: Extent): Position[][][] | null {
  if (Array.isArray(extent)) return null;
  const geometry = 'geometry' in extent ? extent.geometry : extent;
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new InputError(`the grid extent must be a Polygon, a MultiPolygon or a bbox`, 'extent');
}

function bboxOf(polygons: Position[][][]): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygons) for (const [lon, lat] of poly[0]!) {
    b[0] = Math.min(b[0], lon!); b[1] = Math.min(b[1], lat!); b[2] = Math.max(b[2], lon!); b[3] = Math.max(b[3], lat!);
  }
  return b;
}
