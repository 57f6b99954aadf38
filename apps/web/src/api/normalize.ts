/** The API's answers (final shapes) mapped to what the views read. */
import type { RouteAnswer, sheltersNearest } from '@riskmap/contract';
import type { NearestResult } from './types.js';

const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

type NearestAnswer = RouteAnswer<typeof sheltersNearest>;

/** GET /api/shelters/nearest → NearestResult. */
export function normalizeNearest(raw: NearestAnswer | null): NearestResult | null {
  const r = raw;
  if (!r || !Array.isArray(r.shelters)) return null;
  return {
    outsideCounty: Boolean(r.farFromCounty),
    notOpenIncluded: Boolean(r.notOpenIncluded),
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
      address: s.address ?? null,
      access: s.access ?? null,
      updatedAt: s.updatedAt ?? null,
    })),
  };
}
