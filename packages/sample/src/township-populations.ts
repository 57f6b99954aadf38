/**
 * Resident populations per township: they sum exactly to the 2020 census figure for the county, the
 * three 街道 (the county town) hold about a quarter of a million people, and the towns vary with
 * their area and a random factor. Generated figures (示例数据), not census figures per township.
 */
import { apportion } from './apportion.js';
import type { Rng } from './prng.js';

/** 2020 census: resident population of 阳谷县. */
export const COUNTY_POPULATION_2020 = 700_083;

/** Designed resident population of the county town (the three 街道 together), before random jitter. */
export const COUNTY_TOWN_POPULATION = 250_000;

/**
 * Populations in the order of `townships`; urban ones share ≈ 250,000, the others share the rest.
 * @example assignPopulations(rng, shapes).reduce((a, b) => a + b) // 700083
 */
export function assignPopulations(rng: Rng, townships: readonly { isUrban: boolean; areaKm2: number }[]): number[] {
  const urban = townships.map((t, i) => ({ t, i })).filter((x) => x.t.isUrban);
  const rural = townships.map((t, i) => ({ t, i })).filter((x) => !x.t.isUrban);
  if (urban.length === 0 || rural.length === 0) throw new Error('assignPopulations: needs both urban and rural townships');
  const townTotal = COUNTY_TOWN_POPULATION + rng.int(-1500, 1500);
  const urbanParts = apportion(townTotal, urban.map(() => rng.range(0.8, 1.25)));
  // Rural density varies: big flat farming towns and small ones along the Yellow River.
  const ruralParts = apportion(
    COUNTY_POPULATION_2020 - townTotal,
    rural.map((x) => Math.pow(x.t.areaKm2, 0.8) * rng.range(0.75, 1.3)),
  );
  const out = new Array<number>(townships.length).fill(0);
  urban.forEach((x, k) => (out[x.i] = urbanParts[k] as number));
  rural.forEach((x, k) => (out[x.i] = ruralParts[k] as number));
  return out;
}
