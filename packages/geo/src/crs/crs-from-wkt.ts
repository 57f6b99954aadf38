import { InputError } from '../input-error.js';
import { crsInfo } from './crs-info.js';
import type { CrsInfo } from './crs-types.js';
import { listCrs } from './list-crs.js';

const num = (wkt: string, name: RegExp): number | null => {
  const m = new RegExp(`PARAMETER\\[\\s*"(?:${name.source})"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

function datumOf(wkt: string): 'wgs84' | 'cgcs2000' | string {
  const m = /DATUM\[\s*"([^"]+)"/i.exec(wkt);
  const name = (m?.[1] ?? '').replace(/[\s_-]/g, '').toLowerCase();
  if (/china2000|cgcs2000|chinageodeticcoordinatesystem2000/.test(name)) return 'cgcs2000';
  if (/wgs1984|wgs84|worldgeodeticsystem1984/.test(name)) return 'wgs84';
  return m?.[1] ?? 'unknown';
}

/**
 * The CRS that a WKT text (a Shapefile `.prj`, WKT1 in ESRI or OGC style, or WKT2) describes:
 * WGS84 / CGCS2000 lon/lat, Web Mercator, or a CGCS2000 Gauss-Krüger zone. Other datums (Xi'an 1980,
 * Beijing 1954) need transformation parameters the file does not carry, and are refused by name.
 * @example crsFromWkt(prjText).code // 'EPSG:4548' for ogr2ogr's "CGCS2000_3_Degree_GK_CM_117E"
 */
export function crsFromWkt(wkt: string, field = 'prj'): CrsInfo {
  const text = wkt.trim();
  // A top-level authority code (the last AUTHORITY / ID of the text belongs to the CRS itself).
  const ids = [...text.matchAll(/(?:AUTHORITY\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]|ID\[\s*"EPSG"\s*,\s*(\d+)\s*\])\s*\]\s*$/gi)];
  const code = ids.length ? (ids[ids.length - 1]![1] ?? ids[ids.length - 1]![2]) : null;
  if (code) {
    try {
      return crsInfo(`EPSG:${code}`, field);
    } catch {
      /* fall through to the parameters */
    }
  }
  const projected = /^(PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text);
  const datum = datumOf(text);
  if (!/^(PROJCS|PROJCRS|PROJECTEDCRS|GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\[/i.test(text)) {
    throw new InputError('the coordinate system text (.prj) is not WKT', field);
  }
  if (!projected) {
    if (datum === 'wgs84') return crsInfo('EPSG:4326', field);
    if (datum === 'cgcs2000') return crsInfo('EPSG:4490', field);
    throw new InputError(`datum "${datum}" is not supported: convert the file to CGCS2000 or WGS84 first`, field);
  }
  if (/Mercator_Auxiliary_Sphere|Pseudo[\s_-]?Mercator|Popular[\s_]Visualisation/i.test(text)) return crsInfo('EPSG:3857', field);
  if (!/Transverse_Mercator|Gauss_Kruger|Gauss[\s-]Kruger|Transverse Mercator/i.test(text)) {
    throw new InputError('projection not supported: only CGCS2000 Gauss-Krüger zones and Web Mercator are read', field);
  }
  if (datum !== 'cgcs2000') throw new InputError(`Gauss-Krüger on datum "${datum}" is not supported: only CGCS2000 zones are read`, field);
  const cm = num(text, /Central_Meridian|Longitude of natural origin/);
  const fe = num(text, /False_Easting|False easting/);
  const k = num(text, /Scale_Factor|Scale factor at natural origin/) ?? 1;
  if (cm === null || fe === null || Math.abs(k - 1) > 1e-9) throw new InputError('Gauss-Krüger parameters missing or not those of a CGCS2000 zone', field);
  const threeDegree = /3[\s_-]?Degree|3度/i.test(text);
  const matches = listCrs().filter((c) => c.gaussKruger && c.gaussKruger.centralMeridian === cm && c.gaussKruger.falseEastingM === fe);
  const pick = matches.find((c) => c.gaussKruger!.zone !== null) ?? matches.find((c) => (c.gaussKruger!.width === 3) === threeDegree) ?? matches[0];
  if (!pick) throw new InputError(`no CGCS2000 Gauss-Krüger zone has central meridian ${cm}°E and false easting ${fe} m`, field);
  return pick;
}
