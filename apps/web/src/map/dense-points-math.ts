/** Pure helpers of the dense point layer (tested without WebGL). */

/** Web-mercator x, y in 0..1 for each lon/lat (interleaved), and their minimum as the origin. */
export function mercatorPoints(lonLats: readonly (readonly [number, number])[]): { merc: Float64Array; origin: [number, number] } {
  const merc = new Float64Array(lonLats.length * 2);
  let ox = Infinity;
  let oy = Infinity;
  for (let i = 0; i < lonLats.length; i++) {
    const [lon, lat] = lonLats[i]!;
    const x = (lon + 180) / 360;
    const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
    const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    merc[i * 2] = x;
    merc[i * 2 + 1] = y;
    if (x < ox) ox = x;
    if (y < oy) oy = y;
  }
  return { merc, origin: lonLats.length ? [ox, oy] : [0, 0] };
}

/** Point radius in CSS pixels at a zoom: 4 px at zoom 8 growing to 8 px at zoom 14 (as the GeoJSON layer). */
export function pointRadiusPx(zoom: number): number {
  return 4 + (Math.min(14, Math.max(8, zoom)) - 8) * (4 / 6);
}

/** '#rrggbb' → [r, g, b] in 0..1. */
export function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.replace('#', '').slice(0, 6), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}
