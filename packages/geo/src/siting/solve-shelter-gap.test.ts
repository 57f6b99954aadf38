import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { loadHighs } from './load-highs.js';
import type { Highs } from './run-mip.js';
import { seededRandom } from './seeded-random.js';
import { solveShelterGap, type ShelterGapInput } from './solve-shelter-gap.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const site = (id: string, townshipCode: string, effectiveAreaM2: number) => ({ id, lon: 115.8, lat: 36.1, townshipCode, effectiveAreaM2 });

/** The target the brute force below counts with (m² per resident). */
const TARGET_M2 = 2.5;

/** A needs 2 500 − 1 000 = 1 500 m²; B is at target; C needs 5 000 m² but has only 3 000 m² of candidates. */
function county(): ShelterGapInput {
  return {
    perCapitaTargetM2: TARGET_M2,
    townships: [
      { townshipCode: 'A', population: 1000, currentEffectiveAreaM2: 1000 },
      { townshipCode: 'B', population: 1000, currentEffectiveAreaM2: 2600 },
      { townshipCode: 'C', population: 2000, currentEffectiveAreaM2: 0 },
    ],
    candidates: [site('a1', 'A', 1000), site('a2', 'A', 800), site('a3', 'A', 1600), site('b1', 'B', 5000), site('c1', 'C', 1000), site('c2', 'C', 2000)],
  };
}

describe('solveShelterGap', () => {
  it('brings a township to target with the fewest sites', () => {
    const r = solveShelterGap({ ...county(), highs });
    expect(r.townships[0]!.chosenIds).toEqual(['a3']);
    expect(r.townships[0]!.perCapitaBeforeM2).toBe(1);
    expect(r.townships[0]!.perCapitaAfterM2).toBe(2.6);
    expect(r.townships[1]!.chosenIds).toEqual([]);
    expect(r.optimal).toBe(true);
  });

  it('prefers the least added area when asked, even with more sites', () => {
    const r = solveShelterGap({ ...county(), townships: [{ townshipCode: 'A', population: 1000, currentEffectiveAreaM2: 700 }], candidates: county().candidates.slice(0, 3), objective: 'least-area', highs });
    // need 1 800: a1 + a2 = 1 800 exactly beats a3 + a2 = 2 400 and a3 + a1 = 2 600
    expect(r.chosen.map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(r.areaAddedM2).toBe(1800);
  });

  it('reports the townships the candidates cannot bring to target and by how much', () => {
    const r = solveShelterGap({ ...county(), highs });
    expect(r.unreachable).toEqual([{ townshipCode: 'C', shortfallM2: 2000, perCapitaAfterM2: 1.5 }]);
    expect(r.townships[2]!.chosenIds).toEqual(['c1', 'c2']);
  });

  it('agrees with brute-force enumeration on random townships, for both objectives', () => {
    const rand = seededRandom(11);
    for (let round = 0; round < 8; round++) {
      const townships = [0, 1].map((t) => ({ townshipCode: `T${t}`, population: 500 + Math.floor(rand() * 1500), currentEffectiveAreaM2: Math.floor(rand() * 1500) }));
      const candidates = Array.from({ length: 9 }, (_, k) => site(`s${k}`, `T${k % 2}`, 200 + Math.floor(rand() * 1800)));
      for (const objective of ['fewest-sites', 'least-area'] as const) {
        const r = solveShelterGap({ townships, candidates, objective, highs, perCapitaTargetM2: TARGET_M2 });
        expect(score(r.chosen, objective)).toBeCloseTo(brute({ townships, candidates }, objective), 6);
      }
    }
  });

  it('reaches the fewest-sites optimum without HiGHS on random townships', () => {
    const rand = seededRandom(5);
    for (let round = 0; round < 8; round++) {
      const townships = [{ townshipCode: 'T0', population: 500 + Math.floor(rand() * 1500), currentEffectiveAreaM2: 0 }];
      const candidates = Array.from({ length: 8 }, (_, k) => site(`s${k}`, 'T0', 200 + Math.floor(rand() * 1800)));
      const r = solveShelterGap({ townships, candidates, perCapitaTargetM2: TARGET_M2 });
      expect(r.solver).toBe('heuristic');
      expect(r.sitesAdded).toBe(Math.floor(brute({ townships, candidates }, 'fewest-sites') / 1e7));
    }
  });

  it('names the field of a candidate in an unknown township', () => {
    const bad = { ...county(), candidates: [site('x', 'Z', 100)] };
    expect(() => solveShelterGap(bad)).toThrow(InputError);
    try {
      solveShelterGap(bad);
    } catch (e) {
      expect((e as InputError).field).toBe('candidates[0].townshipCode');
    }
  });

  it('names the field of a missing effective area', () => {
    const bad = { ...county(), candidates: [{ id: 'x', lon: 0, lat: 0, townshipCode: 'A' }] };
    expect(() => solveShelterGap(bad)).toThrowError(expect.objectContaining({ field: 'candidates[0].effectiveAreaM2' }));
  });
});

function score(chosen: { effectiveAreaM2: number }[], objective: 'fewest-sites' | 'least-area'): number {
  const area = chosen.reduce((s, c) => s + c.effectiveAreaM2, 0);
  return objective === 'fewest-sites' ? chosen.length * 1e7 + area : area;
}

/** Per township, every subset of its candidates; unreachable townships take them all. */
function brute(input: Pick<ShelterGapInput, 'townships' | 'candidates'>, objective: 'fewest-sites' | 'least-area'): number {
  let total = 0;
  for (const t of input.townships) {
    const need = Math.max(0, TARGET_M2 * t.population - t.currentEffectiveAreaM2);
    const pool = input.candidates.filter((c) => c.townshipCode === t.townshipCode).map((c) => ({ effectiveAreaM2: c.effectiveAreaM2! }));
    if (need === 0) continue;
    let best = Infinity;
    for (let mask = 0; mask < 1 << pool.length; mask++) {
      const pick = pool.filter((_, k) => mask & (1 << k));
      if (pick.reduce((s, c) => s + c.effectiveAreaM2, 0) >= need) best = Math.min(best, score(pick, objective));
    }
    total += Number.isFinite(best) ? best : score(pool, objective);
  }
  return total;
}
