import { InputError } from '../input-error.js';
import { combineExact } from './combine-exact.js';
import { lpTerms } from './lp-text.js';
import { runMip, type Highs } from './run-mip.js';
import { shelterGapHeuristic } from './shelter-gap-heuristic.js';
import type { SitingCandidate, SitingId, SolverName } from './types.js';

export interface TownshipSupply {
  townshipCode: string;
  name?: string;
  /** Resident population. */
  population: number;
  /** Effective area of its usable shelters today (m²). */
  currentEffectiveAreaM2: number;
}

export interface ShelterGapInput {
  townships: readonly TownshipSupply[];
  /** Candidates with `effectiveAreaM2` and `townshipCode`. */
  candidates: readonly SitingCandidate[];
  /** m² of effective area per resident (the configured shelters.perCapitaTargetM2, 2.5 by default). */
  perCapitaTargetM2: number;
  /** Fewest new sites (then least area), or least added area (default 'fewest-sites'). */
  objective?: 'fewest-sites' | 'least-area';
  exact?: boolean;
  timeLimitMs?: number;
  highs?: Highs;
}

export interface TownshipGap {
  townshipCode: string;
  name?: string;
  population: number;
  targetAreaM2: number;
  areaBeforeM2: number;
  areaAfterM2: number;
  perCapitaBeforeM2: number | null;
  perCapitaAfterM2: number | null;
  reachesTarget: boolean;
  /** m² still missing after the chosen sites (0 when the target is reached). */
  shortfallM2: number;
  chosenIds: SitingId[];
}

export interface ShelterGapResult {
  problem: 'shelter-gap';
  objective: 'fewest-sites' | 'least-area';
  perCapitaTargetM2: number;
  chosen: { id: SitingId; lon: number; lat: number; townshipCode: string; effectiveAreaM2: number }[];
  townships: TownshipGap[];
  /** Townships the given candidates cannot bring to target, with what stays missing. */
  unreachable: { townshipCode: string; name?: string; shortfallM2: number; perCapitaAfterM2: number | null }[];
  sitesAdded: number;
  areaAddedM2: number;
  solver: SolverName;
  optimal: boolean;
  gap: number | null;
  timeMs: number;
  /** True only when the time limit cut the search. */
  timeLimitReached: boolean;
}

/**
 * Chooses candidate shelter sites so every township reaches the per-capita effective-area target
 * with the fewest sites or the least added area, and reports the townships that cannot.
 * @example solveShelterGap({ townships: [{ townshipCode: 'T1', population: 1000, currentEffectiveAreaM2: 1000 }], candidates: [{ id: 'a', lon: 0, lat: 0, effectiveAreaM2: 2000, townshipCode: 'T1' }], perCapitaTargetM2: 2.5 }).sitesAdded; // 1
 */
export function solveShelterGap(input: ShelterGapInput): ShelterGapResult {
  const t0 = performance.now();
  const target = input.perCapitaTargetM2;
  if (!(typeof target === 'number' && target > 0)) throw new InputError('perCapitaTargetM2 must be > 0', 'perCapitaTargetM2');
  const objective = input.objective ?? 'fewest-sites';
  if (objective !== 'fewest-sites' && objective !== 'least-area') {
    throw new InputError('objective must be fewest-sites or least-area', 'objective', ['fewest-sites', 'least-area']);
  }
  const index = new Map<string, number>();
  input.townships.forEach((t, k) => {
    if (index.has(t.townshipCode)) throw new InputError(`township ${t.townshipCode} is listed twice`, `townships[${k}].townshipCode`);
    if (!(t.population >= 0)) throw new InputError('population must be ≥ 0', `townships[${k}].population`);
    if (!(t.currentEffectiveAreaM2 >= 0)) throw new InputError('currentEffectiveAreaM2 must be ≥ 0', `townships[${k}].currentEffectiveAreaM2`);
    index.set(t.townshipCode, k);
  });
  const area = input.candidates.map((c, k) => {
    if (!(typeof c.effectiveAreaM2 === 'number' && c.effectiveAreaM2 > 0)) {
      throw new InputError('effectiveAreaM2 must be > 0', `candidates[${k}].effectiveAreaM2`);
    }
    if (!c.townshipCode || !index.has(c.townshipCode)) {
      throw new InputError(`township ${c.townshipCode ?? '(none)'} is not among the townships`, `candidates[${k}].townshipCode`);
    }
    return c.effectiveAreaM2;
  });
  const group = input.candidates.map((c) => index.get(c.townshipCode!)!);
  const need = input.townships.map((t) => Math.max(0, target * t.population - t.currentEffectiveAreaM2));
  const supply = need.map(() => 0);
  group.forEach((t, j) => (supply[t] = supply[t]! + area[j]!));
  // Townships the candidates cannot lift take every candidate they have; the rest are optimised.
  const forced = group.map((t) => need[t]! > 0 && supply[t]! < need[t]! - 1e-9);
  const open = group.map((t, j) => need[t]! > 0 && !forced[j]);
  const bigM = area.reduce((s, a) => s + a, 0) + 1;
  const coef = area.map((a) => (objective === 'fewest-sites' ? bigM + a : a + 1e-3));
  const evaluate = (chosen: number[]) => chosen.reduce((s, j) => s + coef[j]!, 0);
  const heuristic = shelterGapHeuristic(area, group, need, open, objective, evaluate);
  let sol = { ...heuristic, timeMs: performance.now() - t0 };
  if (input.highs && input.exact !== false && open.some(Boolean)) {
    const cols = area.map((_, j) => `x${j}`);
    const rows: string[] = [];
    need.forEach((nd, t) => {
      const terms = group.flatMap((g, j) => (g === t && open[j] ? [`${area[j]} x${j}`] : []));
      if (terms.length) rows.push(` t${t}:${lpTerms(terms)} >= ${nd}`);
    });
    const obj = lpTerms(cols.flatMap((x, j) => (open[j] ? [`${coef[j]} ${x}`] : [])));
    const start: Record<string, number> = {};
    heuristic.chosen.forEach((j) => (start[`x${j}`] = 1));
    const lp = `Minimize\n obj:${obj}\nSubject To\n${rows.join('\n')}\nBinary\n ${cols.filter((_, j) => open[j]).join('\n ')}\nEnd\n`;
    const run = runMip(input.highs, lp, cols, { timeLimitMs: input.timeLimitMs ?? 10_000, start });
    sol = combineExact(run, heuristic, t0, 'min', 0, evaluate);
  }
  const chosenSet = new Set(sol.chosen);
  forced.forEach((f, j) => f && chosenSet.add(j));
  const chosenIdx = [...chosenSet].sort((a, b) => a - b);
  const townships: TownshipGap[] = input.townships.map((t, k) => {
    const mine = chosenIdx.filter((j) => group[j] === k);
    const added = mine.reduce((s, j) => s + area[j]!, 0);
    const after = t.currentEffectiveAreaM2 + added;
    const targetArea = target * t.population;
    const shortfall = Math.max(0, targetArea - after);
    return {
      townshipCode: t.townshipCode,
      ...(t.name !== undefined ? { name: t.name } : {}),
      population: t.population,
      targetAreaM2: targetArea,
      areaBeforeM2: t.currentEffectiveAreaM2,
      areaAfterM2: after,
      perCapitaBeforeM2: t.population > 0 ? t.currentEffectiveAreaM2 / t.population : null,
      perCapitaAfterM2: t.population > 0 ? after / t.population : null,
      reachesTarget: shortfall <= 1e-6,
      shortfallM2: shortfall <= 1e-6 ? 0 : shortfall,
      chosenIds: mine.map((j) => input.candidates[j]!.id),
    };
  });
  return {
    problem: 'shelter-gap',
    objective,
    perCapitaTargetM2: target,
    chosen: chosenIdx.map((j) => {
      const c = input.candidates[j]!;
      return { id: c.id, lon: c.lon, lat: c.lat, townshipCode: c.townshipCode!, effectiveAreaM2: area[j]! };
    }),
    townships,
    unreachable: townships
      .filter((t) => !t.reachesTarget)
      .map((t) => ({ townshipCode: t.townshipCode, ...(t.name !== undefined ? { name: t.name } : {}), shortfallM2: t.shortfallM2, perCapitaAfterM2: t.perCapitaAfterM2 })),
    sitesAdded: chosenIdx.length,
    areaAddedM2: chosenIdx.reduce((s, j) => s + area[j]!, 0),
    solver: sol.solver,
    optimal: sol.optimal,
    gap: sol.gap,
    timeMs: performance.now() - t0,
    timeLimitReached: sol.timeLimitReached === true && !sol.optimal,
  };
}
