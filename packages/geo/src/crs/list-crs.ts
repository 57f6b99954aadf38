import type { CrsInfo } from './crs-types.js';

const CHINA_SOUTH = 16.7;
const CHINA_NORTH = 53.6;
const CGCS2000_TOWGS84 = '+towgs84=0,0,0,0,0,0,0';

function gaussKruger(code: number, width: 3 | 6, centralMeridian: number, zone: number | null): CrsInfo {
  const falseEastingM = (zone ?? 0) * 1_000_000 + 500_000;
  const cm = `CM ${centralMeridian}E`;
  const name = width === 3
    ? `CGCS2000 / 3-degree Gauss-Kruger ${zone === null ? cm : `zone ${zone}`}`
    : `CGCS2000 / Gauss-Kruger ${zone === null ? cm : `zone ${zone}`}`;
  const nameZh = `CGCS2000 ${width}度带高斯-克吕格投影 ${zone === null ? `中央经线 ${centralMeridian}°E（无带号）` : `第 ${zone} 带（带号前缀，中央经线 ${centralMeridian}°E）`}`;
  return {
    code: `EPSG:${code}`,
    uri: `http://www.opengis.net/def/crs/EPSG/0/${code}`,
    name,
    nameZh,
    kind: 'projected',
    datum: 'cgcs2000',
    axisOrder: 'northeast',
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEastingM} +y_0=0 +ellps=GRS80 ${CGCS2000_TOWGS84} +units=m +no_defs`,
    gaussKruger: { centralMeridian, width, zone, falseEastingM },
    areaOfUse: [centralMeridian - width / 2, CHINA_SOUTH, centralMeridian + width / 2, CHINA_NORTH],
  };
}

function build(): CrsInfo[] {
  const list: CrsInfo[] = [
    { code: 'OGC:CRS84', uri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', name: 'WGS 84 (CRS84, lon/lat)', nameZh: 'WGS84 经纬度（经度在前）', kind: 'geographic', datum: 'wgs84', axisOrder: 'lonlat', proj4: '+proj=longlat +datum=WGS84 +no_defs', areaOfUse: [-180, -90, 180, 90] },
    { code: 'EPSG:4326', uri: 'http://www.opengis.net/def/crs/EPSG/0/4326', name: 'WGS 84', nameZh: 'WGS84 经纬度', kind: 'geographic', datum: 'wgs84', axisOrder: 'latlon', proj4: '+proj=longlat +datum=WGS84 +no_defs', areaOfUse: [-180, -90, 180, 90] },
    { code: 'EPSG:4490', uri: 'http://www.opengis.net/def/crs/EPSG/0/4490', name: 'China Geodetic Coordinate System 2000', nameZh: 'CGCS2000 经纬度（2000国家大地坐标系）', kind: 'geographic', datum: 'cgcs2000', axisOrder: 'latlon', proj4: `+proj=longlat +ellps=GRS80 ${CGCS2000_TOWGS84} +no_defs`, areaOfUse: [73.6, CHINA_SOUTH, 134.8, CHINA_NORTH] },
    { code: 'EPSG:3857', uri: 'http://www.opengis.net/def/crs/EPSG/0/3857', name: 'WGS 84 / Pseudo-Mercator', nameZh: 'Web 墨卡托（EPSG:3857）', kind: 'projected', datum: 'wgs84', axisOrder: 'eastnorth', proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs', areaOfUse: [-180, -85.06, 180, 85.06] },
    { code: 'gcj02', uri: null, name: 'GCJ-02 (Amap, Tencent)', nameZh: 'GCJ-02 火星坐标（高德、腾讯）', kind: 'geographic', datum: 'gcj02', axisOrder: 'lonlat', proj4: null, areaOfUse: [73.6, CHINA_SOUTH, 134.8, CHINA_NORTH] },
    { code: 'bd09', uri: null, name: 'BD-09 (Baidu)', nameZh: 'BD-09 百度坐标', kind: 'geographic', datum: 'bd09', axisOrder: 'lonlat', proj4: null, areaOfUse: [73.6, CHINA_SOUTH, 134.8, CHINA_NORTH] },
  ];
  // EPSG:4491–4501: 6° zones 13–23 with zone prefix; 4502–4512: the same CMs (75°–135°E) without.
  for (let zone = 13; zone <= 23; zone++) list.push(gaussKruger(4491 + zone - 13, 6, zone * 6 - 3, zone));
  for (let i = 0; i <= 10; i++) list.push(gaussKruger(4502 + i, 6, 75 + 6 * i, null));
  // EPSG:4513–4533: 3° zones 25–45 with zone prefix; 4534–4554: CMs 75°–135°E without.
  for (let zone = 25; zone <= 45; zone++) list.push(gaussKruger(4513 + zone - 25, 3, zone * 3, zone));
  for (let i = 0; i <= 20; i++) list.push(gaussKruger(4534 + i, 3, 75 + 3 * i, null));
  return list;
}

let cached: readonly CrsInfo[] | null = null;

/**
 * Every coordinate reference system riskmap converts: CRS84, EPSG:4326, CGCS2000 (EPSG:4490), Web
 * Mercator (EPSG:3857), the CGCS2000 3° and 6° Gauss-Krüger zones with and without zone prefix
 * (EPSG:4491–4554), GCJ-02 and BD-09. Definitions checked against GDAL/PROJ's EPSG data.
 * @example listCrs().find((c) => c.code === 'EPSG:4548')!.gaussKruger // { centralMeridian: 117, width: 3, zone: null, falseEastingM: 500000 }
 */
export function listCrs(): readonly CrsInfo[] {
  cached ??= Object.freeze(build());
  return cached;
}
