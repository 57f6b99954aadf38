import type { FeatureCollection } from 'geojson';
import type { DomainConfig } from '@riskmap/config';
import {
  filterCandidates,
  InputError,
  shelterAreaPerCapita,
  type ImpedanceSpec,
  type SitingCandidate,
  type SitingProblem,
} from '@riskmap/geo';
import type { LayerCache } from '../services/layer-cache.js';
import { assertUniqueIds, demandFrom, sitesFrom, type SiteInfo } from './siting-inputs.js';
import type { SitingRequest } from './siting-request.js';

/** Risk points (lon, lat, level weight) the worker multiplies demand by, within `radiusM`. */
export interface RiskWeighting {
  points: { lon: number; lat: number; weight: number }[];
  radiusM: number;
}

/** Everything a solve needs (plain data for the worker) plus what the answer needs to explain itself. */
export interface SitingTask {
  problem: SitingProblem;
  riskWeighting: RiskWeighting | null;
  sites: Map<string, SiteInfo>;
  excluded: { id: string | number; reason: string; detail: string }[];
  /** Demand × candidate pairs (the size that decides synchronous or job). */
  pairs: number;
  sources: { demand: 'stored' | 'inline' | 'none'; candidates: 'stored' | 'inline'; existing: 'stored' | 'inline' | 'none' };
  townshipNames: Map<string, string>;
  /** For the `accept` feature of each site: the layer it would join and the m² per person of a new shelter. */
  accept: { facility: SitingRequest['facility']; shelterPerCapitaM2: number };
}

/**
 * Builds the solver problem of a request from the stored layers (through the cache) or inline
 * GeoJSON, filtering candidates and checking p against those left; throws InputError naming the field.
 * @example const task = await buildSitingTask({ problem: 'mclp', facility: 'shelter', p: 5, radiusM: 1000 }, layers, domain)
 */
export async function buildSitingTask(req: SitingRequest, layers: LayerCache, domain: DomainConfig): Promise<SitingTask> {
  const townships = await layers.get('townships');
  const townshipNames = new Map(townships.features.map((t) => [String(t.properties!.code), String(t.properties!.name)]));
  const stored = !req.candidates;
  const candidateFc = req.candidates ?? (await storedCandidates(layers, req.facility));
  const { candidates: all, info: sites } = sitesFrom(candidateFc as FeatureCollection, stored ? 'stored' : 'inline');
  assertUniqueIds(all, 'candidates');
  const { kept, excluded } = await applyFilter(req, all, layers, domain);
  const base = { timeLimitMs: req.timeLimitMs ?? 10_000, ...(req.exact !== undefined ? { exact: req.exact } : {}), ...(req.seed !== undefined ? { seed: req.seed } : {}) };
  const accept = { facility: req.facility, shelterPerCapitaM2: domain.shelters.classes['short-term']?.perCapitaM2 ?? 2 };
  const sources: SitingTask['sources'] = { demand: 'none', candidates: stored ? 'stored' : 'inline', existing: 'none' };

  if (req.problem === 'shelter-gap') {
    const rows = shelterAreaPerCapita(townships as never, (await layers.get('shelters')) as never, {
      targetM2: req.perCapitaTargetM2,
      includePlanned: req.includePlanned,
      shelters: domain.shelters,
    }).townships;
    const known = new Set(rows.map((r) => r.code));
    const usable: SitingCandidate[] = [];
    kept.forEach((c) => {
      const field = `candidates.features.${all.indexOf(c)}.properties`;
      if (!(typeof c.effectiveAreaM2 === 'number' && c.effectiveAreaM2 > 0)) {
        if (stored) return void excluded.push({ id: c.id, reason: 'area', detail: 'no effective area' });
        throw new InputError('shelter-gap candidates need effectiveAreaM2 > 0', `${field}.effectiveAreaM2`);
      }
      if (!c.townshipCode || !known.has(c.townshipCode)) {
        if (stored) return void excluded.push({ id: c.id, reason: 'township', detail: `township ${c.townshipCode ?? '(none)'} is unknown` });
        throw new InputError(`township ${c.townshipCode ?? '(none)'} is not a stored township`, `${field}.townshipCode`);
      }
      usable.push(c);
    });
    const problem: SitingProblem = {
      kind: 'shelter-gap',
      townships: rows.map((r) => ({ code: r.code, name: r.name, population: r.population, currentEffectiveAreaM2: r.effectiveAreaM2 })),
      candidates: usable,
      ...(req.perCapitaTargetM2 !== undefined ? { perCapitaTargetM2: req.perCapitaTargetM2 } : {}),
      ...(req.objective !== undefined ? { objective: req.objective } : {}),
      ...base,
    };
    return { problem, riskWeighting: null, sites, excluded, pairs: usable.length, sources, townshipNames, accept };
  }

  if (kept.length === 0) throw new InputError('no candidate site is left after filtering', 'candidates');
  if (req.problem !== 'lscp') {
    if (req.p === undefined) throw new InputError(`p is required for ${req.problem}`, 'p');
    if (req.p > kept.length) throw new InputError(`p must not exceed the ${kept.length} usable candidates`, 'p');
  }
  const demandFc = req.demand ?? (await layers.get('demand-points'));
  const demand = demandFrom(demandFc as FeatureCollection, 'demand');
  if (demand.length === 0) throw new InputError('demand must not be empty', 'demand');
  assertUniqueIds(demand, 'demand');
  const existingFc = req.existing ?? (await storedExisting(layers, req.facility, req.includePlanned, domain));
  const existing = sitesFrom(existingFc as FeatureCollection, 'inline').candidates;
  sources.demand = req.demand ? 'inline' : 'stored';
  sources.existing = req.existing ? 'inline' : 'stored';
  const { impedance, radiusM, minutes } = impedanceOf(req, domain);
  const problem: SitingProblem = {
    kind: req.problem,
    facility: req.facility,
    demand,
    candidates: kept,
    existing,
    impedance,
    ...(radiusM !== undefined ? { radiusM } : {}),
    ...(minutes !== undefined ? { minutes } : {}),
    ...(req.p !== undefined ? { p: req.p } : {}),
    ...base,
  };
  const weighting = req.riskWeighting ?? req.facility === 'fire-station';
  const riskWeighting = weighting ? await riskPoints(layers, domain, req.riskRadiusM) : null;
  return { problem, riskWeighting, sites, excluded, pairs: demand.length * kept.length, sources, townshipNames, accept };
}

async function storedCandidates(layers: LayerCache, facility: SitingRequest['facility']): Promise<FeatureCollection> {
  const fc = await layers.get('candidate-sites');
  return { ...fc, features: fc.features.filter((f) => ((f.properties?.suitableFor as string[] | undefined) ?? []).includes(facility)) };
}

async function storedExisting(layers: LayerCache, facility: SitingRequest['facility'], includePlanned: boolean, domain: DomainConfig): Promise<FeatureCollection> {
  if (facility === 'fire-station') return layers.get('fire-stations');
  const usable = new Set([...domain.shelters.usableStatuses, ...(includePlanned ? ['planned'] : [])]);
  const fc = await layers.get('shelters');
  return { ...fc, features: fc.features.filter((f) => usable.has(String(f.properties?.status))) };
}

async function applyFilter(req: SitingRequest, all: SitingCandidate[], layers: LayerCache, domain: DomainConfig) {
  const f = req.candidateFilter;
  if (!f) return { kept: all, excluded: [] as SitingTask['excluded'] };
  const hazards = f.hazardSources
    ? (await layers.get('hazard-sources')).features.map((h) => {
        const [lon, lat] = (h.geometry as unknown as { coordinates: [number, number] }).coordinates;
        return { id: String(h.properties?.code ?? h.id), lon, lat };
      })
    : [];
  const defaultDistance = req.facility === 'fire-station' ? domain.fireStations.hazardousSiteDistanceM : domain.shelters.safetyDistanceM.flammablePlant;
  const r = filterCandidates(all, {
    ...(f.siteTypes ? { siteTypes: f.siteTypes } : {}),
    ...(f.minAreaM2 !== undefined ? { minAreaM2: f.minAreaM2 } : {}),
    hazards,
    minHazardDistanceM: f.minHazardDistanceM ?? defaultDistance,
  });
  return { kept: r.kept, excluded: r.excluded as SitingTask['excluded'] };
}

/** Fire stations default to a 5-minute drive (DOMAIN.md §3); shelters to straight line × detour. */
function impedanceOf(req: SitingRequest, domain: DomainConfig): { impedance: ImpedanceSpec; radiusM?: number; minutes?: number } {
  const fire = domain.fireStations;
  let impedance = req.impedance as ImpedanceSpec | undefined;
  if (!impedance) {
    impedance =
      req.facility === 'fire-station' && req.radiusM === undefined
        ? { kind: 'time', speedKmh: fire.speedKmh.rural, detourFactor: fire.detourFactor }
        : { kind: 'geodesic', detourFactor: fire.detourFactor };
  }
  if (impedance.kind === 'network' && !impedance.network) {
    throw new InputError('no road network is loaded; give impedance.network as GeoJSON lines', 'impedance.network');
  }
  const coverage = req.problem === 'lscp' || req.problem === 'mclp';
  if (impedance.kind === 'geodesic') {
    const radiusM = req.radiusM ?? (coverage && req.facility === 'shelter' ? domain.shelters.classes['short-term']?.radiusM : undefined);
    return { impedance, ...(radiusM !== undefined ? { radiusM } : {}), ...(req.minutes !== undefined ? { minutes: req.minutes } : {}) };
  }
  const minutes = req.minutes ?? (coverage && req.facility === 'fire-station' ? fire.responseMinutes : undefined);
  return { impedance, ...(minutes !== undefined ? { minutes } : {}), ...(req.radiusM !== undefined ? { radiusM: req.radiusM } : {}) };
}

async function riskPoints(layers: LayerCache, domain: DomainConfig, radiusM: number): Promise<RiskWeighting> {
  const fc = await layers.get('risk-points');
  const points = fc.features.flatMap((f) => {
    const level = f.properties?.level as 1 | 2 | 3 | 4 | undefined;
    const g = f.geometry;
    if (!level || g.type !== 'Point') return [];
    const [lon, lat] = g.coordinates as [number, number];
    return [{ lon, lat, weight: domain.riskLevels[level].weight }];
  });
  return { points, radiusM };
}
