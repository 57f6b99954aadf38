import { haversineM } from '../analytics/haversine-m.js';
import type { SitingCandidate, SitingId } from './types.js';

export interface CandidateFilter {
  /** Keep only these site types (e.g. ['park', 'square', 'school']). */
  siteTypes?: readonly string[];
  /** Minimum site area (areaM2, else effectiveAreaM2). */
  minAreaM2?: number;
  /** Hazard sources (points); candidates closer than `minHazardDistanceM` to any are dropped. */
  hazards?: readonly { id?: SitingId; lon: number; lat: number }[];
  minHazardDistanceM?: number;
}

export interface ExcludedCandidate {
  id: SitingId;
  reason: 'site-type' | 'area' | 'hazard-distance';
  detail: string;
  /** Hazard distance: the nearest hazard source within the safety distance, how far (m) and the distance required (m). */
  hazardId?: SitingId;
  distanceM?: number;
  minDistanceM?: number;
}

/**
 * Splits candidates into those that pass the site-type, minimum-area and hazard safety-distance
 * rules and those excluded, each with its reason.
 * @example filterCandidates(sites, { minAreaM2: 2000, hazards, minHazardDistanceM: 1000 }).kept.length; // 7
 */
export function filterCandidates(
  candidates: readonly SitingCandidate[],
  filter: CandidateFilter = {},
): { kept: SitingCandidate[]; excluded: ExcludedCandidate[] } {
  const kept: SitingCandidate[] = [];
  const excluded: ExcludedCandidate[] = [];
  for (const c of candidates) {
    if (filter.siteTypes && !filter.siteTypes.includes(c.siteType ?? '')) {
      excluded.push({ id: c.id, reason: 'site-type', detail: `site type ${c.siteType ?? 'unknown'} is not one of ${filter.siteTypes.join(', ')}` });
      continue;
    }
    const area = c.areaM2 ?? c.effectiveAreaM2;
    if (filter.minAreaM2 !== undefined && !(area !== undefined && area >= filter.minAreaM2)) {
      excluded.push({ id: c.id, reason: 'area', detail: `area ${area ?? 'unknown'} m² is below ${filter.minAreaM2} m²` });
      continue;
    }
    const minD = filter.minHazardDistanceM ?? 0;
    let nearest: { id?: SitingId; d: number } | null = null;
    for (const h of filter.hazards ?? []) {
      const d = haversineM(c.lon, c.lat, h.lon, h.lat);
      if (d < minD && (!nearest || d < nearest.d)) nearest = { id: h.id, d };
    }
    if (nearest) {
      const name = nearest.id === undefined ? 'a hazard source' : `hazard source ${nearest.id}`;
      excluded.push({
        id: c.id,
        reason: 'hazard-distance',
        detail: `${Math.round(nearest.d)} m from ${name}, closer than ${minD} m`,
        ...(nearest.id !== undefined ? { hazardId: nearest.id } : {}),
        distanceM: Math.round(nearest.d),
        minDistanceM: minD,
      });
      continue;
    }
    kept.push(c);
  }
  return { kept, excluded };
}
