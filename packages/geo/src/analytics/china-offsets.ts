/**
 * The published GCJ-02 (国测局) and BD-09 (百度) forward transforms, [lon, lat] in degrees, and a
 * generic fixed-point inverse. Outside China's rough bounding box GCJ-02 is the identity.
 */
const A = 6_378_245.0; // Krasovsky 1940 semi-major axis (m), as the published algorithm uses
const EE = 0.006_693_421_622_965_943_23;
const X_PI = (Math.PI * 3000.0) / 180.0;

/** True outside the rough bbox of China used by the published algorithm (no offset there). */
export function outsideChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS84 → GCJ-02, the published forward formula. */
export function gcj02Forward(lon: number, lat: number): [number, number] {
  if (outsideChina(lon, lat)) return [lon, lat];
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → BD-09, the published forward formula. */
export function bd09Forward(lon: number, lat: number): [number, number] {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * Inverts a forward transform by fixed-point iteration (x ← x − (f(x) − target)) until the
 * residual is below 1e-10° (≈ 0.01 mm).
 */
export function invertTransform(forward: (lon: number, lat: number) => [number, number], lon: number, lat: number): [number, number] {
  let x = lon;
  let y = lat;
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = forward(x, y);
    const ex = fx - lon;
    const ey = fy - lat;
    x -= ex;
    y -= ey;
    if (Math.abs(ex) < 1e-10 && Math.abs(ey) < 1e-10) break;
  }
  return [x, y];
}
