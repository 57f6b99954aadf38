/** Links and text for getting to a shelter. Coordinates stay WGS84; Amap is told so (coordinate=wgs84). */

/** `geo:` URI (RFC 5870) that phone map apps open. @example geoUri(36.1, 115.7, '公园') → 'geo:36.1,115.7?q=36.1,115.7(公园)' */
export function geoUri(lat: number, lon: number, label: string): string {
  const ll = `${lat.toFixed(6)},${lon.toFixed(6)}`;
  return `geo:${ll}?q=${ll}(${encodeURIComponent(label)})`;
}

/** Amap walking navigation link to the shelter (WGS84 input, converted by Amap). */
export function amapUrl(lat: number, lon: number, label: string): string {
  const to = `${lon.toFixed(6)},${lat.toFixed(6)},${encodeURIComponent(label)}`;
  return `https://uri.amap.com/navigation?to=${to}&mode=walk&coordinate=wgs84&callnative=1`;
}

/** "36.123456, 115.654321" (lat, lon as people read them aloud). */
export function formatCoords(lat: number, lon: number): string {
  return `${lat.toFixed(6)}, ${lon.toFixed(6)}`;
}

/** 850 → "850 m", 1234 → "1.2 km" (units from the caller's language). */
export function formatDistance(m: number, units: { metres: string; km: string }): string {
  return m < 1000 ? `${Math.round(m / 10) * 10} ${units.metres}` : `${(m / 1000).toFixed(1)} ${units.km}`;
}
