/**
 * The four-colour risk e-map computed in the browser from risk points — the fallback used while
 * GET /api/analytics/risk-map is not available. Area colour = the highest level among its points.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { AdminAreaProps, EmapCellProps, EmapResult, RiskLevel, RiskPointProps } from '../api/types.js';
import { bboxOf, pointInPolygon } from '../common/geo-math.js';

type Colours = Record<RiskLevel, string>;
const emptyCounts = (): Record<string, number> => ({ 1: 0, 2: 0, 3: 0, 4: 0 });

function finish(props: EmapCellProps, colours: Colours): EmapCellProps {
  const levels = ([1, 2, 3, 4] as RiskLevel[]).filter((l) => (props.counts[l] ?? 0) > 0);
  const level = levels[0] ?? null;
  return { ...props, level, ...(level ? { color: colours[level] } : {}) };
}

/** Townships coloured by their highest risk level, with counts per level. */
export function emapByTownship(
  townships: readonly Feature<Polygon | MultiPolygon, AdminAreaProps>[],
  points: readonly Feature<Point, RiskPointProps>[],
  colours: Colours,
): EmapResult {
  const byCode = new Map<string, Record<string, number>>();
  const boxes = townships.map((t) => ({ t, b: bboxOf([t.geometry]) }));
  for (const p of points) {
    const lvl = p.properties.level;
    let code = p.properties.townshipCode;
    if (!code) {
      const c = p.geometry.coordinates as [number, number];
      const hit = boxes.find(({ t, b }) => b && c[0] >= b[0] && c[0] <= b[2] && c[1] >= b[1] && c[1] <= b[3] && pointInPolygon(c, t.geometry));
      code = hit?.t.properties.code ?? null;
    }
    if (!code) continue;
    const counts = byCode.get(code) ?? emptyCounts();
    counts[lvl] = (counts[lvl] ?? 0) + 1;
    byCode.set(code, counts);
  }
  return {
    type: 'FeatureCollection',
    features: townships.map((t) => ({
      type: 'Feature',
      geometry: t.geometry,
      properties: finish({ level: null, counts: byCode.get(t.properties.code) ?? emptyCounts(), name: t.properties.name, code: t.properties.code }, colours),
    })),
  };
}

/** Square metric grid (cells of `cellM` metres, only cells holding points), coloured by highest level. */
export function emapByGrid(points: readonly Feature<Point, RiskPointProps>[], cellM: number, colours: Colours): EmapResult {
  if (!(cellM > 0)) throw new Error(`emapByGrid: cellM must be > 0, got ${cellM}`);
  const box = bboxOf(points.map((p) => p.geometry));
  if (!box) return { type: 'FeatureCollection', features: [] };
  const lat0 = box[1];
  const lon0 = box[0];
  const mPerDegLat = 110_574;
  const mPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const cells = new Map<string, Record<string, number>>();
  for (const p of points) {
    const [lon, lat] = p.geometry.coordinates as [number, number];
    const key = `${Math.floor(((lon - lon0) * mPerDegLon) / cellM)}:${Math.floor(((lat - lat0) * mPerDegLat) / cellM)}`;
    const counts = cells.get(key) ?? emptyCounts();
    counts[p.properties.level] = (counts[p.properties.level] ?? 0) + 1;
    cells.set(key, counts);
  }
  const features: EmapResult['features'] = [];
  for (const [key, counts] of cells) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const x0 = lon0 + (i * cellM) / mPerDegLon;
    const x1 = lon0 + ((i + 1) * cellM) / mPerDegLon;
    const y0 = lat0 + (j * cellM) / mPerDegLat;
    const y1 = lat0 + ((j + 1) * cellM) / mPerDegLat;
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
      properties: finish({ level: null, counts, code: key }, colours),
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Counts of points per level 1–4. */
export function countByLevel(points: readonly Feature<Point, Pick<RiskPointProps, 'level'>>[]): Record<RiskLevel, number> {
  const c: Record<RiskLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const p of points) c[p.properties.level] += 1;
  return c;
}
