/**
 * Shelter area still needed to reach a per-capita target: target × population − effective area, in whole m²
 * rounded up (the area to add), 0 when met (within a millionth of a m², so float noise never asks for 1 m²).
 * The one definition behind every shortfall shown: a township's, the county's net, and the sum of townships'.
 * @example areaShortfallM2(2.5, 1000, 2400.2) // 100
 */
export function areaShortfallM2(targetM2: number, population: number, effectiveAreaM2: number): number {
  const missing = targetM2 * population - effectiveAreaM2;
  return missing <= 1e-6 ? 0 : Math.ceil(missing - 1e-6);
}
