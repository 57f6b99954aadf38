/**
 * Plain-data types shared by the siting solvers (LSCP, MCLP, p-median, p-center, shelter gap).
 * Impedance values are metres for `geodesic` and minutes for `time` / `network`.
 */
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';

export type SitingId = string | number;

/** A demand point: `weight` is its population (or any demand), optionally scaled by `riskWeight`. */
export interface SitingDemand {
  id: SitingId;
  lon: number;
  lat: number;
  weight: number;
  /** Multiplier on `weight`, e.g. the risk level weight of the area (default 1). */
  riskWeight?: number;
}

/** A candidate site (or an existing facility, which only needs id and position). */
export interface SitingCandidate {
  id: SitingId;
  lon: number;
  lat: number;
  siteType?: string;
  areaM2?: number;
  effectiveAreaM2?: number;
  townshipCode?: string | null;
  /**
   * This site's own coverage standard in impedance units (m or min), when it differs from the
   * problem's (e.g. an existing shelter's class radius); coverage problems compare against it.
   */
  reach?: number;
  /** Time impedance: this site's own speed (km/h), e.g. urban or rural by its township. */
  speedKmh?: number;
  /** Time / network impedance: this site's own turn-out minutes (a fire station's stored turnoutMinutes). */
  turnoutMinutes?: number;
}

export type ImpedanceSpec =
  | { kind: 'geodesic'; detourFactor?: number }
  | { kind: 'time'; speedKmh?: number; detourFactor?: number; turnoutMinutes?: number }
  | {
      kind: 'network';
      network: FeatureCollection<LineString | MultiLineString>;
      /** Speed for a road `class` property when the line has no `speedKmh` property. */
      classSpeedsKmh?: Record<string, number>;
      defaultSpeedKmh?: number;
      /** Speed of the leg from a point to its nearest network node (straight line × detour factor). */
      accessSpeedKmh?: number;
      detourFactor?: number;
      /** Points farther than this from every node cannot be reached. */
      maxSnapM?: number;
      turnoutMinutes?: number;
    };

/** What a result says about the impedance it used. */
export interface ImpedanceUsed {
  kind: 'geodesic' | 'time' | 'network';
  unit: 'm' | 'min';
  detourFactor: number;
  speedKmh?: number;
  turnoutMinutes?: number;
  /** Network only: how many points were farther than `maxSnapM` from the network. */
  unsnappedPoints?: number;
  description: string;
}

/**
 * The numeric core every solver works on. `values[j * nDemand + i]` is the impedance from demand i
 * to candidate j (Infinity = unreachable); `existing[i]` is the impedance to the nearest existing
 * facility (Infinity when there is none).
 */
export interface SitingMatrix {
  nDemand: number;
  nCandidates: number;
  values: Float64Array;
  existing: Float64Array;
  weights: Float64Array;
  /**
   * When sites carry their own `reach`, `existing` (and candidate values) are scaled to the common
   * standard for coverage; this holds the unscaled impedance to the nearest existing site for the figures.
   */
  existingRaw?: Float64Array;
  /** Demand population (weights before any risk weighting), for the people figures. */
  population?: Float64Array;
}

/** 'none': nothing was solved (p = 0: the figures of the existing facilities only). */
export type SolverName = 'highs' | 'heuristic' | 'none';

/** Raw solver outcome over candidate indices; `bound` is a proven bound on the objective. */
export interface CoreSolution {
  chosen: number[];
  objective: number;
  solver: SolverName;
  optimal: boolean;
  bound: number | null;
  /** Relative gap (objective − bound) / objective, 0 when proven optimal, null when unknown. */
  gap: number | null;
  timeMs: number;
  /** True only when the time limit cut the search (HiGHS stopped at its limit, or the heuristic at its deadline). */
  timeLimitReached?: boolean;
  /** Objective of the greedy construction, for comparison (heuristic only). */
  greedyObjective?: number;
}

/** Options common to the four location problems. */
export interface SolveOptions {
  /** Use HiGHS when an instance is given (default true when given). */
  exact?: boolean;
  /** Wall-clock limit for the exact solver and the heuristic's improvement phase (default 10 000). */
  timeLimitMs?: number;
  /** Seed for the heuristic's random moves (default 1). */
  seed?: number;
  /** Perturbation rounds after the first local optimum (default scales with the instance). */
  iterations?: number;
}
