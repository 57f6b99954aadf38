import type { DomainConfig } from '@riskmap/config';
import { createShelterIndex, distanceToPolygonM, type NearestShelter, type NearestSheltersResult } from '@riskmap/geo';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export interface FinderNearestResult extends NearestSheltersResult {
  /**
   * True when shelters that are built but not open (status other than "open") were added because no
   * open shelter lies within its own class's service radius of the query.
   */
  notOpenIncluded: boolean;
}

export interface FinderIndex {
  nearest(lonLat: readonly [number, number], k: number): FinderNearestResult;
}

const countyDistances = new WeakMap<object, (lon: number, lat: number) => number>();

/**
 * The distance-to-county function of one county outline, built once per outline object (the layer cache keeps the
 * outline until the townships change): rebuilding the finder index when the shelters change then costs only the
 * shelters, not the county boundary's raster (about a second of the event loop on the sample county).
 */
function countyDistanceOf(county: Feature<Polygon | MultiPolygon>): (lon: number, lat: number) => number {
  let f = countyDistances.get(county);
  if (!f) countyDistances.set(county, (f = distanceToPolygonM(county)));
  return f;
}

/**
 * The public finder's answer, open shelters first: the k nearest open ones; only when none of them is
 * "near" (within the service radius of its class, `shelters.classes[*].radiusM`) are the k nearest
 * usable-but-not-open ones (e.g. built, not yet opened) appended, each keeping its status so the
 * screen labels it. Distances are straight-line (geodesic) metres.
 */
export function createFinderIndex(
  shelters: FeatureCollection<Point>,
  options: { county?: Feature<Polygon | MultiPolygon>; shelters: DomainConfig['shelters']; nearest: DomainConfig['nearest'] },
): FinderIndex {
  const usable = options.shelters.usableStatuses;
  const open = usable.filter((s) => s === 'open');
  const notOpen = usable.filter((s) => s !== 'open');
  const countyDistance = options.county ? countyDistanceOf(options.county) : undefined;
  const make = (statuses: string[]) =>
    createShelterIndex(shelters as never, { county: options.county, countyDistance, publicOnly: true, shelters: { ...options.shelters, usableStatuses: statuses }, nearest: options.nearest });
  const openIndex = make(open);
  const notOpenIndex = notOpen.length ? make(notOpen) : null;
  const near = (s: NearestShelter) => s.distanceM <= (options.shelters.classes[s.shelterClass]?.radiusM ?? 0);
  return {
    nearest(lonLat, k) {
      const first = openIndex.nearest(lonLat, k);
      if (!notOpenIndex || first.shelters.some(near)) return { ...first, notOpenIncluded: false };
      const more = notOpenIndex.nearest(lonLat, k);
      return { ...first, distanceToCountyM: more.distanceToCountyM, farFromCounty: more.farFromCounty, shelters: [...first.shelters, ...more.shelters], notOpenIncluded: more.shelters.length > 0 };
    },
  };
}
