import type { DomainConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import type { LecInputs, RiskLevel } from '../model.js';
import { bandLevel } from './band-level.js';

/**
 * Grades a risk point by the LEC method: D = L × E × C (dimensionless), level from the configured bands.
 * @example gradeLec({ L: 6, E: 6, C: 15 }, config.domain.lec) // → { method: 'lec', score: 540, level: 1, … }
 */
export function gradeLec(
  inputs: LecInputs,
  lec: DomainConfig['lec'],
): { method: 'lec'; inputs: LecInputs; score: number; level: RiskLevel; methodVersion: string } {
  for (const factor of ['L', 'E', 'C'] as const) {
    const value = inputs[factor];
    if (!lec[factor].includes(value)) {
      throw new InputError(`LEC factor ${factor} must be one of ${lec[factor].join(', ')}; got ${String(value)}`, factor, lec[factor]);
    }
  }
  // Round away binary noise such as 0.1 × 3 × 7 = 2.1000000000000005.
  const score = Number((inputs.L * inputs.E * inputs.C).toPrecision(12));
  return { method: 'lec', inputs: { L: inputs.L, E: inputs.E, C: inputs.C }, score, level: bandLevel(score, lec.bands), methodVersion: lec.methodVersion };
}
