/** The plain-data problem `solveSiting` takes and the result it returns (what `POST /api/siting` carries). */
import type { DomainConfig } from '@riskmap/config';
import type { ChosenSite, SitingIndicators } from './explain-siting.js';
import type { CandidateFilter, ExcludedCandidate } from './filter-candidates.js';
import type { ShelterGapInput, ShelterGapResult } from './solve-shelter-gap.js';
import type { SitingCandidate, SitingDemand, ImpedanceSpec, ImpedanceUsed, SitingId, SolverName } from './types.js';

export type LocationProblemKind = 'lscp' | 'mclp' | 'p-median' | 'p-center';

export interface LocationProblem {
  kind: LocationProblemKind;
  demand: SitingDemand[];
  candidates: SitingCandidate[];
  /** Facilities already there; they stay open and count as covering. */
  existing?: SitingCandidate[];
  /** Number of new sites (MCLP, p-median, p-center). */
  p?: number;
  /** Coverage standard in metres (geodesic impedance); required by LSCP and MCLP. */
  radiusM?: number;
  /** Coverage standard in minutes (time or network impedance); required by LSCP and MCLP. */
  minutes?: number;
  /** Default { kind: 'geodesic' } at the configured fireStations.detourFactor. */
  impedance?: ImpedanceSpec;
  filter?: CandidateFilter;
  /** Picks defaults: hazard safety distance (1 000 m shelters, 300 m fire stations) and turn-out minutes. */
  facility?: 'shelter' | 'fire-station';
  /** Default: HiGHS when the instance is small enough to expect a proof within the time limit. */
  exact?: boolean;
  timeLimitMs?: number;
  seed?: number;
  iterations?: number;
}

export interface ShelterGapProblem extends Omit<ShelterGapInput, 'highs' | 'candidates' | 'perCapitaTargetM2'> {
  kind: 'shelter-gap';
  /** m² of effective area per resident; default: the configured shelters.perCapitaTargetM2. */
  perCapitaTargetM2?: number;
  candidates: SitingCandidate[];
  filter?: CandidateFilter;
}

export type SitingProblem = LocationProblem | ShelterGapProblem;

/**
 * The configuration a solve takes its defaults from (a `DomainConfig` is one): hazard safety distances,
 * fire-station turn-out, speed and detour factor, the shelters' per-capita target.
 */
export interface SitingConfig {
  fireStations: Pick<DomainConfig['fireStations'], 'detourFactor' | 'speedKmh' | 'turnoutMinutes' | 'hazardousSiteDistanceM'>;
  shelters: Pick<DomainConfig['shelters'], 'perCapitaTargetM2' | 'safetyDistanceM'>;
}

export interface LocationResult {
  problem: LocationProblemKind;
  impedance: ImpedanceUsed;
  /** The coverage standard in impedance units (m or min), when one was given. */
  limit: number | null;
  chosen: ChosenSite[];
  objective: {
    name: 'newSites' | 'coveredWeight' | 'weightedImpedance' | 'maxImpedance';
    before: number | null;
    after: number | null;
    /** Proven bound on `after` (lower for minimising, upper for MCLP), when known. */
    bound: number | null;
  };
  indicators: { before: SitingIndicators; after: SitingIndicators };
  solver: SolverName;
  optimal: boolean;
  gap: number | null;
  timeMs: number;
  /** True only when the time limit cut the search (not merely when the run used most of its budget). */
  timeLimitReached: boolean;
  /** Coverage problems: demand neither an existing site nor any candidate reaches within the standard. */
  uncoverableDemandIds: SitingId[];
  excludedCandidates: ExcludedCandidate[];
}

export type SitingResult = LocationResult | (ShelterGapResult & { excludedCandidates: ExcludedCandidate[] });
