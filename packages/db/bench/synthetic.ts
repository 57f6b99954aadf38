import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import * as turf from '@turf/turf';
import { createRng } from '@riskmap/sample';

/** `n` seeded random risk points inside the county, levels mostly low. */
export function syntheticRiskPoints(county: Feature<MultiPolygon | Polygon>, n: number, seed: number): FeatureCollection<Point, { code: string; name: string; level: 1 | 2 | 3 | 4; score: number }> {
  const r = createRng(seed);
  const rng = () => r.next();
  const [minX, minY, maxX, maxY] = turf.bbox(county);
  const features: Feature<Point, { code: string; name: string; level: 1 | 2 | 3 | 4; score: number }>[] = [];
  while (features.length < n) {
    const p: [number, number] = [minX + rng() * (maxX - minX), minY + rng() * (maxY - minY)];
    if (!turf.booleanPointInPolygon(p, county)) continue;
    const r = rng();
    const level = (r < 0.02 ? 1 : r < 0.1 ? 2 : r < 0.4 ? 3 : 4) as 1 | 2 | 3 | 4;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { code: `B${features.length}`, name: `B${features.length}`, level, score: 100 * rng() } });
  }
  return { type: 'FeatureCollection', features };
}

/** `t` square townships and `s` shelters spread over them (township codes set), seeded. */
export function syntheticPerCapita(t: number, s: number, seed: number) {
  const r = createRng(seed);
  const rng = () => r.next();
  const side = Math.ceil(Math.sqrt(t));
  const townships: FeatureCollection<Polygon, { code: string; name: string; population: number; isUrban: boolean }> = {
    type: 'FeatureCollection',
    features: Array.from({ length: t }, (_, i) => {
      const x = 115 + (i % side) * 0.05;
      const y = 35 + Math.floor(i / side) * 0.05;
      return {
        type: 'Feature' as const,
        geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.05], [x, y + 0.05], [x, y]]] },
        properties: { code: `T${String(i).padStart(4, '0')}`, name: `T${i}`, population: 5_000 + Math.floor(rng() * 60_000), isUrban: i < 3 },
      };
    }),
  };
  const statuses = ['open', 'built', 'planned', 'closed'];
  const shelters: FeatureCollection<Point, { code: string; effectiveAreaM2: number; capacity: number; status: string; townshipCode: string }> = {
    type: 'FeatureCollection',
    features: Array.from({ length: s }, (_, i) => {
      const ti = Math.floor(rng() * t);
      const x = 115 + (ti % side) * 0.05 + rng() * 0.05;
      const y = 35 + Math.floor(ti / side) * 0.05 + rng() * 0.05;
      const area = Math.round(rng() * 20_000 * 100) / 100;
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [x, y] },
        properties: { code: `S${i}`, effectiveAreaM2: area, capacity: Math.floor(area / 2), status: statuses[Math.floor(rng() * 4)]!, townshipCode: `T${String(ti).padStart(4, '0')}` },
      };
    }),
  };
  return { townships, shelters };
}
