/** Nearest usable public shelters, computed locally (offline fallback for GET /api/shelters/nearest). */
import type { Feature, Point } from 'geojson';
import type { NearestShelter, ShelterProps } from '../api/types.js';
import { haversineM } from '../common/geo-math.js';

export interface NearestOptions {
  k: number;
  usableStatuses: readonly string[];
  walkingSpeedMPerMin: number;
  /** When given, open shelters come first and others only when no open one is within its class radius (as the API answers). */
  radiusByClass?: Readonly<Record<string, { radiusM: number }>>;
}

/** True when the public may be sent there: public and in a usable status. */
export function isUsablePublic(p: Pick<ShelterProps, 'isPublic' | 'status'>, usableStatuses: readonly string[]): boolean {
  return p.isPublic !== false && usableStatuses.includes(p.status);
}

/**
 * The k nearest usable public shelters to [lon, lat], sorted by straight-line distance.
 * @example nearestShelters(features, [115.78, 36.11], { k: 3, usableStatuses: ['built','open'], walkingSpeedMPerMin: 50 })
 */
export function nearestShelters(
  features: readonly Feature<Point, ShelterProps>[],
  from: readonly [number, number],
  opts: NearestOptions,
): NearestShelter[] {
  const rows: NearestShelter[] = [];
  for (const f of features) {
    if (!f.geometry || !isUsablePublic(f.properties, opts.usableStatuses)) continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const distanceM = haversineM(from, [lon, lat]);
    const p = f.properties;
    rows.push({
      id: p.id ?? p.code,
      name: p.name,
      distanceM,
      walkingMinutes: Math.max(1, Math.round(distanceM / opts.walkingSpeedMPerMin)),
      capacity: p.capacity,
      shelterClass: p.shelterClass,
      facilities: p.facilities ?? [],
      status: p.status,
      lon,
      lat,
      address: p.address ?? null,
      access: p.access ?? null,
      updatedAt: (p as { updatedAt?: string }).updatedAt ?? null,
    });
  }
  rows.sort((a, b) => a.distanceM - b.distanceM);
  const radii = opts.radiusByClass;
  if (!radii) return rows.slice(0, opts.k);
  const open = rows.filter((r) => r.status === 'open').slice(0, opts.k);
  if (open.some((r) => r.distanceM <= (radii[r.shelterClass]?.radiusM ?? 0))) return open;
  return [...open, ...rows.filter((r) => r.status !== 'open').slice(0, opts.k)];
}
