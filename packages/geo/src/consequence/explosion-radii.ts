import type { ConsequenceConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import { kinneyGrahamOverpressureKpa } from './kinney-graham-overpressure.js';
import { solveDecreasing } from './solve-decreasing.js';

/**
 * Vapour-cloud explosion zones by TNT equivalence: W = yield × mass × heat of combustion ÷ 4.6 MJ/kg,
 * each zone out to the distance where the Kinney–Graham side-on overpressure falls to its threshold
 * (21 / 7 / 3 kPa by default). `heatMjPerKg` = tntMjPerKg and yield 1 for an explosive itself.
 * @example explosionRadii(1, 46, cfg).tntKg // → 300 kg TNT for 1 t of LPG at 3 % yield
 */
export function explosionRadii(quantityT: number, heatMjPerKg: number, cfg: ConsequenceConfig['explosion'], yieldFactor = cfg.yieldFactor): { tntKg: number; radiiM: [number, number, number] } {
  if (!(Number.isFinite(quantityT) && quantityT > 0)) throw new InputError(`quantityT must be > 0; got ${String(quantityT)}`, 'quantityT');
  const tntKg = (yieldFactor * quantityT * 1000 * heatMjPerKg) / cfg.tntMjPerKg;
  const scale = Math.cbrt(tntKg);
  const r = cfg.overpressureKpa.map((kpa) => solveDecreasing(kinneyGrahamOverpressureKpa, kpa, 0.05, 500) * scale);
  return { tntKg, radiiM: [r[0]!, r[1]!, r[2]!] };
}
