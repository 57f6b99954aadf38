/** The API's answers (final shapes) mapped to what the views read. */
import type { NearestResult, PerCapitaResult } from './types.js';

type Raw = Record<string, unknown>;
const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

interface NearestAnswer {
  farFromCounty: boolean;
  shelters: { code: string; name: string; lonLat: [number, number]; distanceM: number; walkMinutes: number; capacity: number; shelterClass: string; status: string; facilities?: string[] }[];
}

/** GET /api/shelters/nearest → NearestResult. */
export function normalizeNearest(raw: unknown): NearestResult | null {
  const r = raw as NearestAnswer | null;
  if (!r || !Array.isArray(r.shelters)) return null;
  return {
    outsideCounty: Boolean(r.farFromCounty),
    shelters: r.shelters.map((s) => ({
      id: s.code,
      name: s.name,
      distanceM: num(s.distanceM),
      walkingMinutes: Math.max(1, Math.round(num(s.walkMinutes))),
      capacity: num(s.capacity),
      shelterClass: s.shelterClass,
      facilities: s.facilities ?? [],
      status: s.status,
      lon: s.lonLat[0],
      lat: s.lonLat[1],
    })),
  };
}

interface PerCapitaFigures {
  code: string;
  name: string;
  population: number;
  effectiveAreaM2: number;
  perCapitaM2: number;
  meetsTarget: boolean;
  shortfallM2: number;
}

/** GET /api/analytics/shelter-per-capita → PerCapitaResult. */
export function normalizePerCapita(raw: unknown): PerCapitaResult | null {
  const r = raw as { townships?: PerCapitaFigures[]; targetM2?: number; areaBasis?: string; countyTown?: PerCapitaFigures; county?: PerCapitaFigures } | null;
  if (!r || !Array.isArray(r.townships)) return null;
  const target = num(r.targetM2, 2.5);
  return {
    rows: r.townships.map((t) => ({ townshipCode: t.code, name: t.name, population: t.population, effectiveAreaM2: t.effectiveAreaM2, perCapitaM2: t.perCapitaM2, targetM2: target, meetsTarget: t.meetsTarget, shortfallM2: t.shortfallM2 })),
    ...(r.countyTown ? { countyTown: r.countyTown } : {}),
    ...(r.county ? { county: r.county } : {}),
    areaUsed: r.areaBasis ?? 'effective',
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
