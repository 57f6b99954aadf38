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

/** Baidu Maps walking directions (web, opens the app when installed); WGS84 input (coord_type=wgs84). */
export function baiduUrl(lat: number, lon: number, label: string, from?: { lat: number; lon: number } | null): string {
  const to = `latlng:${lat.toFixed(6)},${lon.toFixed(6)}|name:${encodeURIComponent(label)}`;
  const origin = from ? `origin=latlng:${from.lat.toFixed(6)},${from.lon.toFixed(6)}|name:${encodeURIComponent('起点')}&` : '';
  return `https://api.map.baidu.com/direction?${origin}destination=${to}&mode=walking&coord_type=wgs84&output=html&src=riskmap`;
}

/** Apple Maps walking directions (iPhone / iPad). */
export function appleMapsUrl(lat: number, lon: number, label: string): string {
  return `https://maps.apple.com/?daddr=${lat.toFixed(6)},${lon.toFixed(6)}&q=${encodeURIComponent(label)}&dirflg=w`;
}

/** True on iPhone / iPad (iPadOS reports a Mac with touch), where `geo:` does nothing. */
export function isAppleMobile(ua: string, touchPoints = 0): boolean {
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1);
}

/** A link to this finder that opens with the shelter as the starting point (so it is listed first). */
export function shareUrl(origin: string, lat: number, lon: number, label: string): string {
  return `${origin}/find?at=${lon.toFixed(6)},${lat.toFixed(6)}&name=${encodeURIComponent(label)}`;
}

/** Parse `?at=lon,lat&name=` of a shared link; null when absent or not coordinates. */
export function parseShared(search: string): { lon: number; lat: number; label: string } | null {
  const q = new URLSearchParams(search);
  const at = q.get('at')?.split(',').map(Number);
  if (!at || at.length !== 2 || !at.every(Number.isFinite)) return null;
  const [lon, lat] = at as [number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { lon, lat, label: q.get('name') || `${lat.toFixed(5)}, ${lon.toFixed(5)}` };
}
