import type { Band, RiskLevel } from '@riskmap/config';

/**
 * Risk level for a score from bands ordered high → low: the first band whose `above` is strictly
 * less than the score wins.
 * @example bandLevel(400, domainDefaults.lec.bands) // → 1
 */
export function bandLevel(score: number, bands: readonly Band[]): RiskLevel {
  for (const band of bands) if (score > band.above) return band.level;
  throw new Error(`no band matches score ${score}; the last band must have above: -Infinity`);
}
