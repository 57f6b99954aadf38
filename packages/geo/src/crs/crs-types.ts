/** A coordinate reference system riskmap reads and writes (see `listCrs`). */
export interface CrsInfo {
  /** Canonical code: `OGC:CRS84`, `EPSG:nnnn`, or `gcj02` / `bd09` for the Chinese offset systems. */
  code: string;
  /** OGC URI (`http://www.opengis.net/def/crs/EPSG/0/4548`); the offset systems have none. */
  uri: string | null;
  name: string;
  nameZh: string;
  kind: 'geographic' | 'projected';
  /** Datum: CGCS2000 and WGS84 agree within centimetres at county scale (treated as equal). */
  datum: 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';
  /**
   * The authority's axis order: `lonlat` (CRS84), `latlon` (EPSG:4326, EPSG:4490), `eastnorth`
   * (EPSG:3857) or `northeast` (the CGCS2000 Gauss-Krüger CRSs: X = northing first).
   */
  axisOrder: 'lonlat' | 'latlon' | 'eastnorth' | 'northeast';
  /** proj4 definition; null for GCJ-02 / BD-09 (converted by their own formulas). */
  proj4: string | null;
  /** Gauss-Krüger zones: central meridian (°E), zone width (3 or 6) and zone number when prefixed. */
  gaussKruger?: { centralMeridian: number; width: 3 | 6; zone: number | null; falseEastingM: number };
  /** Where the CRS is meant to be used (lon/lat degrees): [west, south, east, north]. */
  areaOfUse: [number, number, number, number];
}
