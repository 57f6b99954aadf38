import type { Feature, GeoJSON, Geometry, Polygon } from 'geojson';
import { crsInfo, crsTransformer, InputError, listCrs, mapPositions, type CrsInfo } from '@riskmap/geo';

export const CRS84_URI = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const GENERAL = ['OGC:CRS84', 'EPSG:4326', 'EPSG:4490', 'EPSG:3857'];

/**
 * The CRSs (OGC URIs) a collection offers (Part 2): CRS84, EPSG:4326, EPSG:4490 (CGCS2000), EPSG:3857 and
 * every CGCS2000 Gauss-Krüger zone (3° and 6°, with and without zone prefix) whose zone covers the extent.
 * @example collectionCrs([115.6, 35.9, 116.0, 36.3]) // [CRS84, …/4326, …/4490, …/3857, …/4498, …/4509, …/4527, …/4548]
 */
export function collectionCrs(extent: [number, number, number, number] | null): string[] {
  const [w, , e] = extent ?? [115.5, 35.9, 116.1, 36.4];
  const zones = listCrs().filter((c) => c.gaussKruger && c.areaOfUse[0] <= e && c.areaOfUse[2] >= w);
  return [...GENERAL.map((code) => crsInfo(code)), ...zones].map((c) => c.uri!).filter(Boolean);
}

/**
 * The CRS named by a `crs` or `bbox-crs` parameter (an OGC URI or any notation crsInfo reads: CRS84, EPSG:4326,
 * 4490, 3857 or any CGCS2000 Gauss-Krüger zone); throws an InputError naming the parameter otherwise (400).
 * @example ogcCrs('http://www.opengis.net/def/crs/EPSG/0/4548', 'crs').code // 'EPSG:4548'
 */
export function ogcCrs(value: string, field: string): CrsInfo {
  const c = crsInfo(value, field);
  if (!c.uri) throw new InputError(`${field}: ${value} has no OGC URI (GCJ-02 and BD-09 are not served)`, field, collectionCrs(null));
  return c;
}

/**
 * A GeoJSON object's positions from CRS84 into `crs`, in the CRS's own axis order as Part 2 requires
 * (EPSG:4326 and 4490 latitude first, Gauss-Krüger northing first), geometry-valued properties included;
 * CRS84 is returned unchanged.
 * @example toOutputCrs(fc, crsInfo('EPSG:4548'))
 */
export function toOutputCrs<T extends GeoJSON>(geojson: T, crs: CrsInfo): T {
  if (crs.code === 'OGC:CRS84') return geojson;
  const t = crsTransformer('OGC:CRS84', crs.code, { toAxes: 'authority' });
  const out = mapPositions(geojson, t);
  // Secondary geometries (a hazard source's boundary, a shelter's site) are properties holding GeoJSON: they follow `crs` too.
  const isGeometry = (v: unknown): v is Geometry => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && ('coordinates' in v || 'geometries' in v);
  const o = out as GeoJSON;
  const features: Feature[] = o.type === 'FeatureCollection' ? o.features : o.type === 'Feature' ? [o] : [];
  for (const f of features) {
    if (f.properties && Object.values(f.properties).some(isGeometry)) f.properties = Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, isGeometry(v) ? mapPositions(v, t) : v]));
  }
  return out;
}

/**
 * A `bbox` given in `crs` (its authority axis order) as a CRS84 polygon: the box's edges, densified so a
 * projected box stays the same area on the ground once in longitude/latitude.
 * @example bboxToCrs84([3980000, 39380000, 4000000, 39400000], crsInfo('EPSG:4527'))
 */
export function bboxToCrs84(bbox: readonly [number, number, number, number], crs: CrsInfo): Polygon {
  const t = crsTransformer(crs.code, 'OGC:CRS84', { fromAxes: 'authority' });
  const [a0, b0, a1, b1] = bbox;
  const n = 16;
  const ring: [number, number][] = [];
  const edge = (from: [number, number], to: [number, number]) => {
    for (let i = 0; i < n; i++) ring.push([from[0] + ((to[0] - from[0]) * i) / n, from[1] + ((to[1] - from[1]) * i) / n]);
  };
  edge([a0, b0], [a1, b0]);
  edge([a1, b0], [a1, b1]);
  edge([a1, b1], [a0, b1]);
  edge([a0, b1], [a0, b0]);
  const coords = ring.map((p) => t(p) as [number, number]);
  coords.push(coords[0]!);
  return { type: 'Polygon', coordinates: [coords] };
}
