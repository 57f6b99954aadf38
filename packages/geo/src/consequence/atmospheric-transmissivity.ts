/**
 * Atmospheric transmissivity for thermal radiation over a path of x metres with water vapour
 * partial pressure pw (Pa): τ = 2.02 (pw·x)^−0.09 (Pietersen & Huerta, as in the TNO Yellow Book), at most 1.
 * @example atmosphericTransmissivity(1400, 500) // → 0.71
 */
export function atmosphericTransmissivity(pw: number, x: number): number {
  return Math.min(1, 2.02 * (pw * Math.max(x, 1)) ** -0.09);
}
