import type { SitingCandidate, SitingDemand, SitingId, SitingMatrix } from './types.js';

/** Figures for one state of the network (existing sites only, or existing + chosen). */
export interface SitingIndicators {
  /** Demand weight within the coverage standard (null when the problem has none). */
  coveredWeight: number | null;
  coveredCount: number | null;
  coveredShare: number | null;
  /** Σ demand weight (the denominator of coveredShare): population, or risk-weighted population. */
  totalWeight: number;
  /** People (demand population before any risk weighting) within the standard, and their share of totalPopulation. */
  coveredPopulation: number | null;
  totalPopulation: number;
  coveredPopulationShare: number | null;
  /** Σ weight × impedance to the nearest site, over demand some site reaches (null if none does). */
  weightedImpedance: number | null;
  meanImpedance: number | null;
  /** Worst impedance over demand of weight > 0 (null when some of it has no site at all). */
  maxImpedance: number | null;
  /** Demand points (weight > 0) with no site reachable. */
  unreachableCount: number;
}

export interface ChosenSite {
  id: SitingId;
  lon: number;
  lat: number;
  candidateIndex: number;
  /** 'newly-covered' for LSCP/MCLP (demand no existing site covered, given to its nearest new site); 'served' for median/center. */
  basis: 'newly-covered' | 'served';
  demandIds: SitingId[];
  demandCount: number;
  demandWeight: number;
  meanImpedance: number | null;
  maxImpedance: number | null;
}

/**
 * Explains a set of chosen candidates: per site the demand it newly covers (within `limit`) or serves,
 * and the indicators before (existing sites only) and after.
 * @example explainSiting(matrix, demand, candidates, [2, 5], 1500, 'newly-covered').after.coveredShare; // 0.93
 */
export function explainSiting(
  m: SitingMatrix,
  demand: readonly SitingDemand[],
  candidates: readonly SitingCandidate[],
  chosen: readonly number[],
  limit: number | null,
  basis: 'newly-covered' | 'served',
): { sites: ChosenSite[]; before: SitingIndicators; after: SitingIndicators } {
  const n = m.nDemand;
  const near = new Float64Array(n);
  const raw = m.existingRaw;
  const nearRaw = raw ? Float64Array.from(raw) : near;
  const owner = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    near[i] = m.existing[i]!;
    for (const j of chosen) {
      const d = m.values[j * n + i]!;
      if (d < near[i]!) [near[i], owner[i]] = [d, j];
      if (raw && d < nearRaw[i]!) nearRaw[i] = d;
    }
  }
  const pop = m.population ?? m.weights;
  const sites = chosen.map((j): ChosenSite => {
    const ids: SitingId[] = [];
    let weight = 0;
    let sum = 0;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      let mine: boolean;
      if (basis === 'served') mine = owner[i] === j;
      else {
        // Newly covered: outside the standard before, within it now, and this is the nearest new site.
        const d = m.values[j * n + i]!;
        mine = limit !== null && m.existing[i]! > limit && d <= limit && nearestChosen(m, chosen, i) === j;
      }
      if (!mine) continue;
      const d = m.values[j * n + i]!;
      ids.push(demand[i]!.id);
      weight += m.weights[i]!;
      sum += m.weights[i]! * d;
      max = Math.max(max, d);
    }
    const c = candidates[j]!;
    return {
      id: c.id,
      lon: c.lon,
      lat: c.lat,
      candidateIndex: j,
      basis,
      demandIds: ids,
      demandCount: ids.length,
      demandWeight: weight,
      meanImpedance: weight > 0 ? sum / weight : null,
      maxImpedance: ids.length > 0 ? max : null,
    };
  });
  return {
    sites,
    before: indicators(m.existing, raw ?? m.existing, m.weights, pop, limit),
    after: indicators(near, nearRaw, m.weights, pop, limit),
  };
}

function nearestChosen(m: SitingMatrix, chosen: readonly number[], i: number): number {
  let best = -1;
  let bestD = Infinity;
  for (const j of chosen) {
    const d = m.values[j * m.nDemand + i]!;
    if (d < bestD) [best, bestD] = [j, d];
  }
  return best;
}

/** `near` decides coverage (scaled to the common standard); `nearRaw` gives the impedance figures. */
function indicators(near: Float64Array, nearRaw: Float64Array, w: Float64Array, pop: Float64Array, limit: number | null): SitingIndicators {
  let covW = 0;
  let covP = 0;
  let totP = 0;
  let covN = 0;
  let totW = 0;
  let sum = 0;
  let reachW = 0;
  let max = 0;
  let unreachable = 0;
  near.forEach((c, i) => {
    const wi = w[i]!;
    const d = nearRaw[i]!;
    totW += wi;
    totP += pop[i]!;
    if (limit !== null && c <= limit) {
      covW += wi;
      covP += pop[i]!;
      covN++;
    }
    if (!(wi > 0)) return;
    if (!Number.isFinite(d)) {
      unreachable++;
      return;
    }
    sum += wi * d;
    reachW += wi;
    max = Math.max(max, d);
  });
  return {
    coveredWeight: limit === null ? null : covW,
    coveredCount: limit === null ? null : covN,
    coveredShare: limit === null ? null : totW > 0 ? covW / totW : null,
    totalWeight: totW,
    coveredPopulation: limit === null ? null : covP,
    totalPopulation: totP,
    coveredPopulationShare: limit === null ? null : totP > 0 ? covP / totP : null,
    weightedImpedance: reachW > 0 ? sum : null,
    meanImpedance: reachW > 0 ? sum / reachW : null,
    maxImpedance: unreachable > 0 || reachW === 0 ? null : max,
    unreachableCount: unreachable,
  };
}
