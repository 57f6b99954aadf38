/** View logic of the incident tool: the request from the form, zone styling, summary figures, print text. */
import type { Impact, ImpactRequest, IncidentType } from './types.js';

/** Where the incident starts: a hazard source (by id) or a clicked point. */
export type Origin = { kind: 'source'; id: number | string; name: string; lonLat: [number, number] } | { kind: 'point'; lonLat: [number, number] };

export interface IncidentForm {
  /** null = let the API infer it from the hazard source's substances (only for a source). */
  type: IncidentType | null;
  /** Direction the wind blows FROM (degrees from north); null = no wind (circles). */
  windFromDeg: number | null;
  windSpeedMs: number;
}

export const DEFAULT_FORM: IncidentForm = { type: null, windFromDeg: null, windSpeedMs: 2 };

/** The 8 compass directions offered for the wind (label keys are `wind.N` …). */
export const WIND_DIRECTIONS: { key: string; deg: number }[] = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'].map((key, i) => ({ key, deg: i * 45 }));

/** Body of POST /api/incidents/impact; a point needs a type, so it falls back to `fallbackType`. */
export function impactRequest(origin: Origin, form: IncidentForm, fallbackType: IncidentType = 'fire'): ImpactRequest {
  const body: ImpactRequest = origin.kind === 'source' ? { hazardSourceId: origin.id } : { location: origin.lonLat };
  const type = form.type ?? (origin.kind === 'point' ? fallbackType : null);
  if (type) body.type = type;
  if (form.windFromDeg !== null) {
    body.windFromDeg = form.windFromDeg;
    body.windSpeedMs = form.windSpeedMs;
  }
  return body;
}

/** Zone colours, innermost first (red → orange → yellow); more zones repeat the last. */
export const ZONE_COLOURS = ['#b2182b', '#ef8a62', '#f6d04d', '#fdf1b8'];
export const zoneColour = (rank: number): string => ZONE_COLOURS[Math.min(rank, ZONE_COLOURS.length - 1)]!;

/** Metres as "850 m" or "2.3 km". */
export function formatDistance(m: number): string {
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} km`;
}

export interface ImpactSummary {
  population: number;
  evacuees: number;
  placed: number;
  unplaced: number;
  dominoRisks: number;
  dominoMajor: number;
  firstEtaMinutes: number | null;
  safeRemaining: number;
}

/** Headline figures for the top of the panel and the brief. */
export function summarize(r: Impact): ImpactSummary {
  return {
    population: r.population,
    evacuees: r.evacuees,
    placed: r.allocations.reduce((s, a) => s + a.people, 0),
    unplaced: r.unplaced,
    dominoRisks: r.riskPoints.length + r.hazardSources.length,
    dominoMajor: r.riskPoints.filter((p) => p.level === 1).length + r.hazardSources.filter((h) => h.isMajor).length,
    firstEtaMinutes: r.fireStations[0]?.etaMinutes ?? null,
    safeRemaining: r.safeShelters.reduce((s, x) => s + x.remainingCapacity, 0),
  };
}

/** Bounding box [w, s, e, n] of the zones (to frame the map on them), or null. */
export function zonesBounds(r: Impact): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const f of r.zones.features) for (const ring of f.geometry.coordinates) for (const [x, y] of ring) {
    if (x! < w) w = x!;
    if (x! > e) e = x!;
    if (y! < s) s = y!;
    if (y! > n) n = y!;
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Stock lines of a warehouse as short text: "帐篷 52顶", with a mark where below the minimum. */
export function stockText(stock: Impact['warehouses'][number]['stock'], below: string, limit = 4, more?: string): string {
  const lines = stock.slice(0, limit).map((s) => `${s.item} ${s.quantity.toLocaleString()}${s.unit}${s.belowMinimum ? ` (${below})` : ''}`);
  // A cut list says how many items it left out ("另有 3 项"), given the message with {n}.
  return lines.join('、') + (stock.length > limit ? (more ? `、${more.replace('{n}', String(stock.length - limit))}` : ' …') : '');
}

/** Time stamp for the brief: "2026-05-01 14:03" in local time. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
