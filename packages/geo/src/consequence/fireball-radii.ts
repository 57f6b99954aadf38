import type { ConsequenceConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import { atmosphericTransmissivity as tau } from './atmospheric-transmissivity.js';
import { solveDecreasing } from './solve-decreasing.js';

/**
 * BLEVE fireball of `quantityT` tonnes of flammable gas (CCPS 1994 / TNO Yellow Book): diameter
 * 5.8 M^(1/3) m, duration 0.45 M^(1/3) s (M < 30 t) or 2.6 M^(1/6) s, centre at 0.75 D, and the
 * ground distance to each radiation threshold with flux = SEP × τ × (D/2)² ÷ x².
 * @example fireballRadii(1, cfg).diameterM // → 58 m for 1 t
 */
export function fireballRadii(quantityT: number, cfg: ConsequenceConfig['thermal']): { diameterM: number; durationS: number; radiiM: [number, number, number] } {
  if (!(Number.isFinite(quantityT) && quantityT > 0)) throw new InputError(`quantityT must be > 0; got ${String(quantityT)}`, 'quantityT');
  const m = quantityT * 1000;
  const d = 5.8 * Math.cbrt(m);
  const durationS = m < 30_000 ? 0.45 * Math.cbrt(m) : 2.6 * m ** (1 / 6);
  const h = 0.75 * d;
  const flux = (ground: number) => {
    const x = Math.hypot(ground, h);
    return cfg.fireballSepKwPerM2 * tau(cfg.waterVapourPa, x - d / 2) * Math.min(1, (d / 2) ** 2 / x ** 2);
  };
  const r = cfg.fluxKwPerM2.map((q) => solveDecreasing(flux, q, 0, 50_000));
  return { diameterM: d, durationS, radiiM: [r[0]!, r[1]!, r[2]!] };
}
