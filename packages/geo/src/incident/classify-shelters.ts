import type { FeatureCollection, Point, Polygon } from 'geojson';
import { locateInZones } from './locate-in-zones.js';
import type { FeatureKey, ZoneProps } from './types.js';

export interface ShelterInput {
  code?: string;
  name: string;
  capacity: number;
  status?: string;
  shelterClass?: string;
  suitability?: Partial<Record<'earthquake' | 'flood' | 'fire' | 'hazmat', boolean>> | null;
}

export interface ShelterInZone {
  id: FeatureKey;
  code: string | null;
  name: string;
  zone: string;
  distanceM: number;
  capacity: number;
  status: string | null;
}

export interface SafeShelter {
  id: FeatureKey;
  code: string | null;
  name: string;
  shelterClass: string | null;
  distanceM: number;
  capacity: number;
  lonLat: [number, number];
}

export interface ShelterClassification {
  /** Shelters inside an impact zone (any status): not to be used. */
  unsafe: ShelterInZone[];
  /** Usable shelters outside every zone and suitable for the hazard, nearest the source first. */
  safe: SafeShelter[];
  /** Usable shelters outside the zones left out for lacking the hazard's suitability flag. */
  unsuitable: number;
}

/**
 * Splits shelters for an incident: those inside any zone are unsafe; of the rest, the usable ones
 * (status in `usableStatuses`) carrying the hazard's suitability flag (when `suitability` names one;
 * a shelter without suitability data counts as suitable) are safe destinations.
 * @example classifyShelters(zones, shelters, { usableStatuses: ['built', 'open'], suitability: 'hazmat' }).safe[0].distanceM
 */
export function classifyShelters(
  zones: FeatureCollection<Polygon, ZoneProps>,
  shelters: FeatureCollection<Point, ShelterInput>,
  options: { usableStatuses: readonly string[]; suitability: 'earthquake' | 'flood' | 'fire' | 'hazmat' | null },
): ShelterClassification {
  const usable = new Set(options.usableStatuses);
  const result: ShelterClassification = { unsafe: [], safe: [], unsuitable: 0 };
  for (const h of locateInZones(zones, shelters)) {
    const p = h.properties;
    const base = { id: h.id, code: p.code ?? null, name: p.name, distanceM: h.distanceM, capacity: Math.max(0, Math.floor(Number(p.capacity) || 0)) };
    if (h.zone !== null) {
      result.unsafe.push({ ...base, zone: h.zone, status: p.status ?? null });
      continue;
    }
    if (p.status !== undefined && !usable.has(p.status)) continue;
    if (options.suitability && p.suitability && p.suitability[options.suitability] === false) {
      result.unsuitable++;
      continue;
    }
    result.safe.push({ ...base, shelterClass: p.shelterClass ?? null, lonLat: h.lonLat });
  }
  return result;
}
