/** Accept the API's answer shapes (current and planned) and give the views one shape each. */
import type { NearestResult, NearestShelter, PerCapitaResult, PerCapitaRow } from './types.js';

type Raw = Record<string, unknown>;
const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/** GET /api/shelters/nearest → NearestResult (accepts lonLat or lon/lat, walkMinutes or walkingMinutes, farFromCounty or outsideCounty). */
export function normalizeNearest(raw: unknown): NearestResult | null {
  const r = raw as Raw | null;
  if (!r || !Array.isArray(r.shelters)) return null;
  const shelters: NearestShelter[] = (r.shelters as Raw[]).map((s) => {
    const ll = Array.isArray(s.lonLat) ? (s.lonLat as number[]) : [num(s.lon), num(s.lat)];
    return {
      id: (s.id ?? s.code ?? s.name) as string,
      name: String(s.name ?? ''),
      distanceM: num(s.distanceM),
      walkingMinutes: Math.max(1, Math.round(num(s.walkingMinutes ?? s.walkMinutes))),
      capacity: num(s.capacity),
      shelterClass: String(s.shelterClass ?? ''),
      facilities: Array.isArray(s.facilities) ? (s.facilities as string[]) : [],
      status: String(s.status ?? ''),
      lon: ll[0] ?? 0,
      lat: ll[1] ?? 0,
    };
  });
  return { shelters, outsideCounty: Boolean(r.outsideCounty ?? r.farFromCounty) };
}

/** GET /api/analytics/shelter-per-capita → PerCapitaResult (accepts `rows` or `townships`). */
export function normalizePerCapita(raw: unknown): PerCapitaResult | null {
  const r = raw as Raw | null;
  const list = (r?.rows ?? r?.townships) as Raw[] | undefined;
  if (!r || !Array.isArray(list)) return null;
  const target = num(r.targetM2, 2.5);
  const rows: PerCapitaRow[] = list.map((t) => ({
    townshipCode: String(t.townshipCode ?? t.code),
    name: String(t.name ?? ''),
    population: num(t.population),
    effectiveAreaM2: num(t.effectiveAreaM2),
    perCapitaM2: num(t.perCapitaM2),
    targetM2: num(t.targetM2, target),
    meetsTarget: Boolean(t.meetsTarget),
    shortfallM2: num(t.shortfallM2),
  }));
  const ct = r.countyTown as Raw | undefined;
  const co = r.county as Raw | undefined;
  return {
    rows,
    ...(ct ? { countyTown: { population: num(ct.population), effectiveAreaM2: num(ct.effectiveAreaM2), perCapitaM2: num(ct.perCapitaM2), meetsTarget: Boolean(ct.meetsTarget) } } : {}),
    ...(co ? { county: { population: num(co.population), effectiveAreaM2: num(co.effectiveAreaM2), perCapitaM2: num(co.perCapitaM2) } } : {}),
    areaUsed: String(r.areaUsed ?? r.areaBasis ?? 'effective'),
  };
}

export interface CoverageSummary {
  facility: string;
  population: number;
  coveredPopulation: number;
  coveredShare: number;
  method?: string;
}

/** GET /api/analytics/coverage → the county-wide summary. */
export function normalizeCoverage(raw: unknown): CoverageSummary | null {
  const r = raw as Raw | null;
  if (!r || typeof r.coveredShare !== 'number') return null;
  const imp = r.impedance as Raw | undefined;
  return { facility: String(r.facility ?? ''), population: num(r.population), coveredPopulation: num(r.coveredPopulation), coveredShare: num(r.coveredShare), ...(imp?.method ? { method: String(imp.method) } : {}) };
}
