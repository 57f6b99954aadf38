import type { Geometry } from 'geojson';
import wkx from 'wkx';

/** A geometry written as text in a cell: GeoJSON, WKT or EWKT (`SRID=4490;POINT(…)`); the EWKT SRID is returned too. */
export function parseGeometryText(text: string): { geometry: Geometry; srid?: number } | undefined {
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      const g = JSON.parse(t) as Geometry;
      return g && typeof g === 'object' && 'type' in g ? { geometry: g } : undefined;
    } catch {
      return undefined;
    }
  }
  if (!/^(SRID=\d+;)?\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i.test(t)) return undefined;
  try {
    const g = wkx.Geometry.parse(t);
    const srid = /^SRID=(\d+);/i.exec(t)?.[1];
    return { geometry: g.toGeoJSON() as Geometry, ...(srid ? { srid: Number(srid) } : {}) };
  } catch {
    return undefined;
  }
}
