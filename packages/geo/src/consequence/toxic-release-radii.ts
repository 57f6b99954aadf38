import type { ConsequenceConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import { gaussianPlumeMgM3 } from './gaussian-plume.js';
import { solveDecreasing } from './solve-decreasing.js';

export interface ToxicRadii {
  substance: string;
  /** Severe (ERPG-3), evacuate (ERPG-2), shelter-in-place (ERPG-1) distances downwind (m), before any cap. */
  radiiM: [number, number, number];
  endpointsMgM3: [number, number, number];
  rateKgS: number;
  /** The substance's ERG 2024 rows, for comparison: isolation m, protective day / night km, small and large spills. */
  erg: { small: [number, number, number]; large: [number, number, number]; largeFrom: string };
}

/**
 * Toxic-release zones for `quantityT` tonnes of a substance: the inventory released over
 * `releaseMinutes` (times the airborne fraction) as a continuous ground-level Gaussian plume, each
 * zone reaching as far as the centreline concentration stays above its ERPG endpoint.
 * @example toxicReleaseRadii('Cl2', 1, cfg).radiiM[1] // → distance to 3 ppm chlorine
 */
export function toxicReleaseRadii(substance: string, quantityT: number, cfg: ConsequenceConfig['toxic'], maxM: number): ToxicRadii {
  const s = cfg.substances[substance];
  if (!s) throw new InputError(`substance must be one of ${Object.keys(cfg.substances).join(', ')}; got ${substance}`, 'substance', Object.keys(cfg.substances));
  if (!(Number.isFinite(quantityT) && quantityT > 0)) throw new InputError(`quantityT must be > 0; got ${String(quantityT)}`, 'quantityT');
  const rateKgS = (quantityT * 1000 * cfg.airborneFraction) / (cfg.releaseMinutes * 60);
  const endpoints = s.erpgPpm.map((ppm) => (ppm * s.molarMass) / 24.45) as [number, number, number];
  const at = (x: number) => gaussianPlumeMgM3(rateKgS, x, cfg.stability, cfg.windSpeedMs);
  const d = endpoints.map((e) => solveDecreasing(at, e, 10, maxM));
  return { substance, radiiM: [d[2]!, d[1]!, d[0]!], endpointsMgM3: [endpoints[2], endpoints[1], endpoints[0]], rateKgS, erg: s.erg };
}
