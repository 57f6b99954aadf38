import { InputError } from '../input-error.js';

export type StabilityClass = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Briggs (1973) open-country dispersion coefficients σy, σz (m) at x metres downwind. */
const BRIGGS_RURAL: Record<StabilityClass, (x: number) => [number, number]> = {
  A: (x) => [0.22 * x / Math.sqrt(1 + 0.0001 * x), 0.2 * x],
  B: (x) => [0.16 * x / Math.sqrt(1 + 0.0001 * x), 0.12 * x],
  C: (x) => [0.11 * x / Math.sqrt(1 + 0.0001 * x), 0.08 * x / Math.sqrt(1 + 0.0002 * x)],
  D: (x) => [0.08 * x / Math.sqrt(1 + 0.0001 * x), 0.06 * x / Math.sqrt(1 + 0.0015 * x)],
  E: (x) => [0.06 * x / Math.sqrt(1 + 0.0001 * x), 0.03 * x / (1 + 0.0003 * x)],
  F: (x) => [0.04 * x / Math.sqrt(1 + 0.0001 * x), 0.016 * x / (1 + 0.0003 * x)],
};

/**
 * Ground-level centreline concentration (mg/m³) x metres downwind of a continuous ground-level
 * release of `rateKgS` kg/s in wind `windMs` m/s: C = Q ÷ (π σy σz u), Briggs rural σ (neutrally
 * buoyant gas; a dense gas such as chlorine spreads differently).
 * @example gaussianPlumeMgM3(1, 1000, "D", 3) // → 36.66 mg/m³ (σy 76.3 m, σz 37.9 m)
 */
export function gaussianPlumeMgM3(rateKgS: number, x: number, stability: StabilityClass, windMs: number): number {
  const sigma = BRIGGS_RURAL[stability];
  if (!sigma) throw new InputError(`stability must be one of A–F; got ${String(stability)}`, 'stability', Object.keys(BRIGGS_RURAL));
  if (!(windMs > 0)) throw new InputError(`windSpeedMs must be > 0; got ${String(windMs)}`, 'windSpeedMs');
  const [sy, sz] = sigma(x);
  return (rateKgS * 1e6) / (Math.PI * sy * sz * windMs);
}
