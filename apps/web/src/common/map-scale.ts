/** Scale-bar figures for a web-mercator map (512-px tiles, as maplibre draws): a round length and its width in pixels. */
const EARTH_M = 40_075_016.686;

/** Metres on the ground per CSS pixel at latitude `lat` and zoom `zoom`. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ m) that fits in `maxPx` pixels, with its label.
 * @example scaleBar(36, 10, 120) // → { metres: 5000, px: 90.6, label: '5 km' }
 */
export function scaleBar(lat: number, zoom: number, maxPx: number): { metres: number; px: number; label: string } {
  const mpp = metresPerPixel(lat, zoom);
  const max = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / mpp, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** True when [w, s, e, n] `outer` contains `inner` (both lon/lat). */
export function bboxContains(outer: readonly number[], inner: readonly number[]): boolean {
  return outer[0]! <= inner[0]! && outer[1]! <= inner[1]! && outer[2]! >= inner[2]! && outer[3]! >= inner[3]!;
}
