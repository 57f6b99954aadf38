import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import type { LocationProblem, LocationResult, SitingProblem } from './siting-problem.js';
import { solveSiting } from './solve-siting.js';

// Points along a parallel near Yanggu: 0.01° of longitude ≈ 900 m at 36.1°N.
const at = (k: number) => ({ lon: 115.7 + k * 0.01, lat: 36.1 });
const demand = [0, 1, 2, 8, 9, 10].map((k) => ({ id: `d${k}`, ...at(k), weight: 100 }));
const candidates = [1, 5, 9].map((k) => ({ id: `c${k}`, ...at(k), siteType: 'park', areaM2: 5000 }));
const base: LocationProblem = { kind: 'mclp', demand, candidates, p: 2, radiusM: 1500 };

async function fieldOf(problem: SitingProblem): Promise<string> {
  try {
    await solveSiting(problem, domainDefaults);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  throw new Error('expected an InputError');
}

describe('solveSiting', () => {
  it('covers both clusters with two sites and explains what each newly covers', async () => {
    const r = (await solveSiting(base, domainDefaults)) as LocationResult;
    expect(r.chosen.map((c) => c.id)).toEqual(['c1', 'c9']);
    expect(r.chosen[0]!.demandIds).toEqual(['d0', 'd1', 'd2']);
    expect(r.objective).toMatchObject({ name: 'coveredWeight', before: 0, after: 600 });
    expect(r.indicators.after.coveredShare).toBe(1);
    expect(r.solver).toBe('highs');
    expect(r.impedance.kind).toBe('geodesic');
  });

  it('runs the heuristic when exact is false and says so', async () => {
    const r = (await solveSiting({ ...base, exact: false }, domainDefaults)) as LocationResult;
    expect(r.solver).toBe('heuristic');
    expect(r.gap).toBeNull();
    expect(r.objective.after).toBe(600);
  });

  it('rejects p < 1 naming p (p = 0 is MCLP only: the existing facilities alone)', async () => {
    expect(await fieldOf({ ...base, kind: 'p-median', p: 0 })).toBe('p');
    expect(await fieldOf({ ...base, p: -1 })).toBe('p');
  });

  it('rejects p above the number of candidates naming p', async () => {
    expect(await fieldOf({ ...base, p: 4 })).toBe('p');
  });

  it('rejects a radius ≤ 0 naming radiusM', async () => {
    expect(await fieldOf({ ...base, radiusM: 0 })).toBe('radiusM');
  });

  it('rejects metres with time impedance, naming radiusM', async () => {
    expect(await fieldOf({ ...base, impedance: { kind: 'time', speedKmh: 30 } })).toBe('radiusM');
  });

  it('asks for minutes with time impedance', async () => {
    expect(await fieldOf({ ...base, radiusM: undefined, impedance: { kind: 'time', speedKmh: 30 } })).toBe('minutes');
  });

  it('rejects a coverage problem without a standard', async () => {
    expect(await fieldOf({ kind: 'lscp', demand, candidates })).toBe('radiusM');
  });

  it('names the row of a bad coordinate', async () => {
    expect(await fieldOf({ ...base, demand: [...demand, { id: 'x', lon: 200, lat: 36, weight: 1 }] })).toBe('demand[6].lon');
  });

  it('rejects an unknown problem kind with the allowed values', async () => {
    await expect(solveSiting({ ...base, kind: 'k-means' } as unknown as SitingProblem, domainDefaults)).rejects.toMatchObject({ field: 'kind' });
  });

  it('drops candidates too close to a hazard source and reports why', async () => {
    const r = (await solveSiting({ ...base, p: 1, filter: { hazards: [{ id: 'h1', ...at(9.3) }] } }, domainDefaults)) as LocationResult;
    expect(r.excludedCandidates).toEqual([expect.objectContaining({ id: 'c9', reason: 'hazard-distance' })]);
    expect(r.chosen.map((c) => c.id)).toEqual(['c1']);
  });

  it('uses travel time at a speed, with fire-station turn-out added', async () => {
    const r = (await solveSiting({ ...base, kind: 'p-center', p: 1, radiusM: undefined, facility: 'fire-station', impedance: { kind: 'time', speedKmh: 60, detourFactor: 1 } }, domainDefaults)) as LocationResult;
    expect(r.impedance).toMatchObject({ kind: 'time', unit: 'min', turnoutMinutes: 1 });
    expect(r.chosen.map((c) => c.id)).toEqual(['c5']);
    // c5 is 0.05° ≈ 4.5 km from d0 and d10: 4.5 min at 60 km/h + 1 min turn-out
    expect(r.objective.after).toBeCloseTo(1 + 4.51, 1);
  });

  it('uses shortest paths over a road network when one is given', async () => {
    const road = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { speedKmh: 60 }, geometry: { type: 'LineString' as const, coordinates: [0, 1, 2, 5, 8, 9, 10].map((k) => [at(k).lon, at(k).lat]) } }] };
    const r = (await solveSiting({ ...base, kind: 'p-median', p: 2, radiusM: undefined, impedance: { kind: 'network', network: road } }, domainDefaults)) as LocationResult;
    expect(r.impedance.kind).toBe('network');
    expect(r.impedance.unsnappedPoints).toBe(0);
    expect(r.chosen.map((c) => c.id)).toEqual(['c1', 'c9']);
    expect(r.chosen[0]!.maxImpedance).toBeCloseTo(0.9, 1); // 900 m at 60 km/h
  });

  it('solves the shelter gap through the same entry point', async () => {
    const r = await solveSiting({
      kind: 'shelter-gap',
      townships: [{ townshipCode: 'T', population: 100, currentEffectiveAreaM2: 0 }],
      candidates: [{ id: 'g', ...at(0), effectiveAreaM2: 300, townshipCode: 'T' }],
    }, domainDefaults);
    expect(r.problem).toBe('shelter-gap');
    expect(r.chosen.map((c) => c.id)).toEqual(['g']);
  });
});
