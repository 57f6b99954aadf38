import type { IncidentType } from '@riskmap/config';

export type { IncidentType };
export const INCIDENT_TYPES: readonly IncidentType[] = ['toxic-release', 'fire', 'explosion'];

/** A feature's identity in results: the feature id (database id), else `properties.id`, else `properties.code`. */
export type FeatureKey = string | number;

/** Properties of one impact zone polygon (zones are nested: every zone contains the ones before it). */
export interface ZoneProps {
  key: string;
  /** 0 = innermost. */
  rank: number;
  /** Reach of the zone from the source (m): the circle's radius, or the downwind sector's length. */
  radiusM: number;
  /** 'circle', or 'plume' = a circle of `roundRadiusM` all round plus a downwind sector of `radiusM`. */
  shape: 'circle' | 'plume';
  center: [number, number];
  roundRadiusM: number;
  /** Direction the plume travels TOWARDS (degrees clockwise from north); null for circles. */
  bearingDeg: number | null;
  halfAngleDeg: number | null;
  /** Residents of this zone are evacuated (else they shelter in place). */
  evacuate: boolean;
  /** Minutes for the released gas to reach the zone's outer edge at the wind speed; null without wind. */
  arrivalMinutes: number | null;
}

export interface PlacedPoint {
  id: FeatureKey;
  lon: number;
  lat: number;
}
