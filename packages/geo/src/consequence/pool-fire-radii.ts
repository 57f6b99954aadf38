import type { ConsequenceConfig } from '@riskmap/config';
import { atmosphericTransmissivity as tau } from './atmospheric-transmissivity.js';
import { solveDecreasing } from './solve-decreasing.js';

/**
 * Pool fire as a point source (CCPS 2000): heat release = burning rate × area × heat of combustion,
 * a radiative fraction of it spread over a sphere, flux = τ × fraction × Q ÷ (4π x²).
 * @example poolFireRadii(0.055, 44, cfg).radiiM[2] // metres to 4 kW/m² for a 20 m gasoline pool
 */
export function poolFireRadii(burningRateKgPerM2S: number, heatMjPerKg: number, cfg: ConsequenceConfig['thermal']): { heatReleaseMw: number; radiiM: [number, number, number] } {
  const area = (Math.PI * cfg.pool.diameterM ** 2) / 4;
  const qKw = burningRateKgPerM2S * area * heatMjPerKg * 1000;
  const flux = (x: number) => (tau(cfg.waterVapourPa, x) * cfg.pool.radiativeFraction * qKw) / (4 * Math.PI * Math.max(x, 0.1) ** 2);
  const r = cfg.fluxKwPerM2.map((q) => Math.max(cfg.pool.diameterM / 2, solveDecreasing(flux, q, 0.1, 50_000)));
  return { heatReleaseMw: qKw / 1000, radiiM: [r[0]!, r[1]!, r[2]!] };
}
