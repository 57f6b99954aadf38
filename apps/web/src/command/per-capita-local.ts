/** Shelter effective area per resident by township, computed in the browser (fallback for the analytics API). */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { AdminAreaProps, PerCapitaResult, ShelterProps } from '../api/types.js';

/**
 * Σ effective area of usable shelters ÷ resident population, per township and for the county town
 * (the urban 街道 together). Planned/closed shelters do not count. Uses effective area only.
 */
export function perCapitaLocal(
  townships: readonly Feature<Polygon | MultiPolygon, AdminAreaProps>[],
  shelters: readonly Feature<Point, ShelterProps>[],
  targetM2: number,
  usableStatuses: readonly string[],
): PerCapitaResult {
  const area = new Map<string, number>();
  for (const s of shelters) {
    const p = s.properties;
    if (!p.townshipCode || !usableStatuses.includes(p.status)) continue;
    area.set(p.townshipCode, (area.get(p.townshipCode) ?? 0) + p.effectiveAreaM2);
  }
  const rows = townships.map((t) => {
    const p = t.properties;
    const effectiveAreaM2 = area.get(p.code) ?? 0;
    const perCapitaM2 = p.population > 0 ? effectiveAreaM2 / p.population : 0;
    return {
      townshipCode: p.code,
      name: p.name,
      population: p.population,
      effectiveAreaM2,
      perCapitaM2,
      targetM2,
      meetsTarget: perCapitaM2 >= targetM2,
      shortfallM2: Math.max(0, targetM2 * p.population - effectiveAreaM2),
      isUrban: p.isUrban,
    };
  });
  const urban = rows.filter((r) => r.isUrban);
  const sum = (rs: typeof rows, k: 'population' | 'effectiveAreaM2') => rs.reduce((a, r) => a + r[k], 0);
  const ct = { population: sum(urban, 'population'), effectiveAreaM2: sum(urban, 'effectiveAreaM2') };
  const all = { population: sum(rows, 'population'), effectiveAreaM2: sum(rows, 'effectiveAreaM2') };
  const pc = (x: { population: number; effectiveAreaM2: number }) => (x.population > 0 ? x.effectiveAreaM2 / x.population : 0);
  return {
    rows,
    countyTown: { ...ct, perCapitaM2: pc(ct), meetsTarget: pc(ct) >= targetM2 },
    county: { ...all, perCapitaM2: pc(all) },
    areaUsed: 'effective',
  };
}
