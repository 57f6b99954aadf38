/** Counts of the loaded risk points per level 1–4 (what the layer panel and the indicator panel show). */
import type { Feature, Point } from 'geojson';
import type { RiskLevel, RiskPointProps } from '../api/types.js';

export function countByLevel(points: readonly Feature<Point, Pick<RiskPointProps, 'level'>>[]): Record<RiskLevel, number> {
  const c: Record<RiskLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const p of points) c[p.properties.level] += 1;
  return c;
}
