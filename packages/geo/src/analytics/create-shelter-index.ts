import type { DomainConfig } from '@riskmap/config';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { InputError } from '../input-error.js';
import type { ShelterProps } from '../model.js';
import { distanceToPolygonM } from './distance-to-polygon-m.js';
import { haversineM } from './haversine-m.js';
import { pointBucketIndex } from './point-bucket-index.js';

type ShelterInput = Pick<ShelterProps, 'code' | 'name' | 'shelterClass' | 'status' | 'capacity' | 'facilities'> &
  Partial<Pick<ShelterProps, 'effectiveAreaM2' | 'address' | 'isPublic' | 'access'>> & { updatedAt?: string | Date | null };

export interface NearestShelter {
  code: string;
  name: string;
  lonLat: [number, number];
  /** Geodesic straight-line distance (m). */
  distanceM: number;
  /** distanceM ÷ walking speed (min). */
  walkMinutes: number;
  capacity: number;
  shelterClass: string;
  status: string;
  facilities: string[];
  effectiveAreaM2: number | null;
  address: string | null;
  /** How to get in (entrance), as stored. */
  access: string | null;
  /** When the shelter's record (its status included) was last changed (ISO time), if known. */
  updatedAt: string | null;
}

export interface NearestSheltersResult {
  query: [number, number];
  /** Distance from the query to the county (0 inside); to the shelters' bbox when no county was given. */
  distanceToCountyM: number;
  /** True when distanceToCountyM exceeds nearest.farFromCountyM: the answer is given but likely not what the user wants. */
  farFromCounty: boolean;
  shelters: NearestShelter[];
}

export interface ShelterIndex {
  size: number;
  /** The k nearest usable shelters to [lon, lat], nearest first; k in 1 … nearest.maxK (field 'k'). */
  nearest(lonLat: readonly [number, number], k?: number): NearestSheltersResult;
}

/**
 * Builds once a bucket-grid index of the usable shelters answering "k nearest to [lon, lat]" with
 * geodesic distance (m), walking time (min), capacity, class and facilities.
 * @example createShelterIndex(shelters, { county, shelters: config.domain.shelters, nearest: config.domain.nearest }).nearest([115.79, 36.11], 3).shelters[0].distanceM // → 412.7
 */
export function createShelterIndex(
  shelters: FeatureCollection<Point, ShelterInput>,
  options: {
    county?: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon;
    /** `distanceToPolygonM(county)` built earlier (it costs far more than the index): used instead of building it again. */
    countyDistance?: (lon: number, lat: number) => number;
    publicOnly?: boolean;
    shelters: Pick<DomainConfig['shelters'], 'usableStatuses' | 'walkingSpeedMPerMin'>;
    nearest: DomainConfig['nearest'];
  },
): ShelterIndex {
  const cfg = options.shelters;
  const nearestCfg = options.nearest;
  const usable = shelters.features.filter((s) => cfg.usableStatuses.includes(s.properties.status) && (!options.publicOnly || s.properties.isPublic !== false));
  const lonLats = usable.map((s) => [s.geometry.coordinates[0]!, s.geometry.coordinates[1]!] as const);
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const [lon, lat] of lonLats) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  // About two shelters per bucket.
  const spanM = usable.length ? Math.max(haversineM(minLon, minLat, maxLon, minLat), haversineM(minLon, minLat, minLon, maxLat), 1) : 1;
  const cellM = Math.max(50, spanM / Math.max(1, Math.sqrt(usable.length / 2)));
  const index = pointBucketIndex(lonLats, cellM);
  // Projected metres overstate true ones by at most 1/scale across the bbox (equirectangular).
  const scale = usable.length ? (Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180) / Math.cos((index.projection.lat0 * Math.PI) / 180)) * 0.999 : 1;
  const xs = Float64Array.from(lonLats, ([lon]) => (lon - index.projection.lon0) * index.projection.mPerDegLon);
  const ys = Float64Array.from(lonLats, ([, lat]) => (lat - index.projection.lat0) * index.projection.mPerDegLat);
  const toCounty = options.countyDistance ?? (options.county ? distanceToPolygonM(options.county) : null);

  const describe = (j: number, distanceM: number): NearestShelter => {
    const p = usable[j]!.properties;
    return {
      code: p.code, name: p.name, lonLat: [lonLats[j]![0], lonLats[j]![1]],
      distanceM: Math.round(distanceM * 10) / 10, walkMinutes: Math.round((distanceM / cfg.walkingSpeedMPerMin) * 10) / 10,
      capacity: p.capacity, shelterClass: p.shelterClass, status: p.status, facilities: p.facilities ?? [],
      effectiveAreaM2: p.effectiveAreaM2 ?? null, address: p.address ?? null,
      access: p.access ?? null, updatedAt: p.updatedAt == null ? null : new Date(p.updatedAt).toISOString(),
    };
  };

  return {
    size: usable.length,
    nearest(lonLat, k = nearestCfg.defaultK) {
      if (!(Number.isInteger(k) && k >= 1 && k <= nearestCfg.maxK)) throw new InputError(`k must be a whole number from 1 to ${nearestCfg.maxK}; got ${String(k)}`, 'k');
      const [lon, lat] = lonLat;
      if (!(Number.isFinite(lon) && lon >= -180 && lon <= 180)) throw new InputError(`longitude must be within −180…180; got ${String(lon)}`, 'lon');
      if (!(Number.isFinite(lat) && lat >= -90 && lat <= 90)) throw new InputError(`latitude must be within −90…90; got ${String(lat)}`, 'lat');
      const best: { j: number; d: number }[] = [];
      const qx = (lon - index.projection.lon0) * index.projection.mPerDegLon;
      const qy = (lat - index.projection.lat0) * index.projection.mPerDegLat;
      const consider = (j: number) => {
        // Skip the geodesic formula when even the (under-estimated) planar distance cannot make the top k.
        if (best.length === k) {
          const dx = xs[j]! - qx;
          const dy = ys[j]! - qy;
          const limit = best[k - 1]!.d / scale;
          if (dx * dx + dy * dy > limit * limit) return;
        }
        considerExact(j);
      };
      const considerExact = (j: number) => {
        const d = haversineM(lon, lat, lonLats[j]![0], lonLats[j]![1]);
        if (best.length === k && d >= best[k - 1]!.d) return;
        let at = best.length;
        while (at > 0 && best[at - 1]!.d > d) at--;
        best.splice(at, 0, { j, d });
        if (best.length > k) best.pop();
      };
      const insideBox = lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
      if (!insideBox) {
        for (let j = 0; j < usable.length; j++) considerExact(j);
      } else {
        for (let ring = 0; index.visitRing(lon, lat, ring, consider); ring++) {
          if (best.length === k && best[k - 1]!.d <= ring * cellM * scale) break;
        }
      }
      const distanceToCountyM = toCounty
        ? toCounty(lon, lat)
        : usable.length === 0 ? 0 : haversineM(lon, lat, Math.min(maxLon, Math.max(minLon, lon)), Math.min(maxLat, Math.max(minLat, lat)));
      return {
        query: [lon, lat],
        distanceToCountyM: Math.round(distanceToCountyM),
        farFromCounty: distanceToCountyM > nearestCfg.farFromCountyM,
        shelters: best.map((b) => describe(b.j, b.d)),
      };
    },
  };
}
