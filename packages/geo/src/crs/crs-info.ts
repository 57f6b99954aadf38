import { InputError } from '../input-error.js';
import type { CrsInfo } from './crs-types.js';
import { listCrs } from './list-crs.js';

const ALIASES: Record<string, string> = {
  CRS84: 'OGC:CRS84', 'OGC:CRS84': 'OGC:CRS84', WGS84: 'EPSG:4326', CGCS2000: 'EPSG:4490',
  GCJ02: 'gcj02', 'GCJ-02': 'gcj02', BD09: 'bd09', 'BD-09': 'bd09', 'EPSG:900913': 'EPSG:3857', 'EPSG:3785': 'EPSG:3857',
};

/** Canonical code of a CRS as users and clients write it, or null when it is not a CRS notation. */
function canonical(input: string): string | null {
  const s = input.trim();
  const upper = s.toUpperCase();
  if (ALIASES[upper]) return ALIASES[upper]!;
  if (/^(https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/|urn:ogc:def:crs:OGC:(1\.3)?:)CRS84$/i.test(s)) return 'OGC:CRS84';
  const m = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)?(\d{4,6})$/i.exec(s);
  return m ? `EPSG:${m[1]}` : null;
}

/**
 * The CRS named by a code in any usual notation: `EPSG:4548`, `4548`, `urn:ogc:def:crs:EPSG::4548`,
 * `http://www.opengis.net/def/crs/EPSG/0/4548`, `CRS84`, `cgcs2000`, `wgs84`, `gcj02`, `bd09`.
 * Throws an InputError naming `field` for anything riskmap does not convert.
 * @example crsInfo('urn:ogc:def:crs:EPSG::4527').gaussKruger?.zone // 39
 */
export function crsInfo(code: string, field = 'crs'): CrsInfo {
  const key = typeof code === 'string' ? canonical(code) : null;
  const found = key ? listCrs().find((c) => c.code === key) : undefined;
  if (!found) throw new InputError(`unsupported coordinate reference system ${JSON.stringify(code)}`, field, listCrs().map((c) => c.code));
  return found;
}
