import type { FeatureCollection } from 'geojson';
import type { DomainConfig } from '@riskmap/config';
import {
  filterCandidates,
  InputError,
  shelterAreaPerCapita,
  type SitingCandidate,
  type SitingProblem,
  type RiskWeighting as GeoRiskWeighting,
} from '@riskmap/geo';
import type { LayerCache } from '../services/layer-cache.js';
import { assertUniqueIds, demandFrom, sitesFrom, type SiteInfo } from './siting-inputs.js';
import type { SitingRequest } from './siting-request.js';
import { sitingRule, type SitingRuleUsed } from './siting-rule.js';

/** Risk points (lon, lat, level weight) the worker multiplies demand by, within `radiusM` (geo's applyRiskWeights). */
export interface RiskWeighting extends GeoRiskWeighting {
  /** The level weights used (from configuration), for the answer to explain the weighting. */
  levels?: { zh: string; en: string; weight: number }[];
}

/** Everything a solve needs (plain data for the worker) plus what the answer needs to explain itself. */
export interface SitingTask {
  problem: SitingProblem;
  riskWeighting: RiskWeighting | null;
  sites: Map<string, SiteInfo>;
  /** Candidates left out, with the reason (hazard distance: which hazard source, how far, the distance required). */
  excluded: { id: string | number; reason: string; detail: string; name?: string; lon?: number; lat?: number; hazardId?: string | number; hazardName?: string; distanceM?: number; minDistanceM?: number }[];
  /** Demand × candidate pairs (the size that decides synchronous or job). */
  pairs: number;
  sources: { demand: 'stored' | 'inline' | 'none'; candidates: 'stored' | 'inline'; existing: 'stored' | 'inline' | 'none' };
  townshipNames: Map<string, string>;
  /** The coverage rule applied (null for shelter-gap), named in the answer. */
  rule: SitingRuleUsed | null;
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
  const { kept, excluded } = await applyFilter(req, all, sites, layers, domain);
  const base = { timeLimitMs: req.timeLimitMs ?? 10_000, ...(req.exact !== undefined ? { exact: req.exact } : {}), ...(req.seed !== undefined ? { seed: req.seed } : {}) };
  const accept = { facility: req.facility, shelterPerCapitaM2: domain.shelters.classes['short-term']?.perCapitaM2 ?? 2 };
  const sources: SitingTask['sources'] = { demand: 'none', candidates: stored ? 'stored' : 'inline', existing: 'none' };

  if (req.problem === 'shelter-gap') {
    const rows = shelterAreaPerCapita(townships as never, (await layers.get('shelters')) as never, {
      targetM2: req.perCapitaTargetM2,
      includePlanned: req.includePlanned,
      shelters: domain.shelters,
    }).townships;
    const known = new Set(rows.map((r) => r.townshipCode));
    const usable: SitingCandidate[] = [];
    kept.forEach((c) => {
      const field = `candidates.features.${all.indexOf(c)}.properties`;
      if (!(typeof c.effectiveAreaM2 === 'number' && c.effectiveAreaM2 > 0)) {
        if (stored) return void excluded.push({ ...placeOf(c, sites), reason: 'area', detail: 'no effective area' });
        throw new InputError('shelter-gap candidates need effectiveAreaM2 > 0', `${field}.effectiveAreaM2`);
      }
      if (!c.townshipCode || !known.has(c.townshipCode)) {
        if (stored) return void excluded.push({ ...placeOf(c, sites), reason: 'township', detail: `township ${c.townshipCode ?? '(none)'} is unknown` });
        throw new InputError(`township ${c.townshipCode ?? '(none)'} is not a stored township`, `${field}.townshipCode`);
      }
      usable.push(c);
    });
    const problem: SitingProblem = {
      kind: 'shelter-gap',
      townships: rows.map((r) => ({ townshipCode: r.townshipCode, name: r.name, population: r.population, currentEffectiveAreaM2: r.effectiveAreaM2 })),
      candidates: usable,
      ...(req.perCapitaTargetM2 !== undefined ? { perCapitaTargetM2: req.perCapitaTargetM2 } : {}),
      ...(req.objective !== undefined ? { objective: req.objective } : {}),
      ...base,
    };
    return { problem, riskWeighting: null, sites, excluded, pairs: usable.length, sources, townshipNames, accept, rule: null };
  }

  const none = req.problem === 'mclp' && req.p === 0;
  if (kept.length === 0 && !none) throw new InputError('no candidate site is left after filtering', 'candidates');
  if (req.problem !== 'lscp') {
    if (req.p === 0 && !none) throw new InputError(`p must be ≥ 1 for ${req.problem} (p = 0 is for MCLP: the existing facilities alone)`, 'p');
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
  const urban = townships.features.filter((t) => t.properties?.isUrban).map((t) => String(t.properties!.code));
  const plan = sitingRule(req, domain, urban);
  const { impedance, radiusM, minutes } = plan;
  const propsOf = (fc: FeatureCollection) => (k: number) => (fc.features[k]?.properties ?? {}) as Record<string, unknown>;
  plan.apply(existing, propsOf(existingFc as FeatureCollection), 'existing');
  plan.apply(kept, (k) => propsOf(candidateFc as FeatureCollection)(all.indexOf(kept[k]!)), 'candidates');
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
  const riskWeighting = weighting ? await riskPoints(layers, domain, req.riskRadiusM ?? domain.riskWeighting.radiusM) : null;
  return { problem, riskWeighting, sites, excluded, pairs: demand.length * kept.length, sources, townshipNames, accept, rule: plan.used };
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

/** A left-out candidate's id, name and place (so an export can draw it). */
function placeOf(c: SitingCandidate, sites: Map<string, SiteInfo>): { id: string | number; name?: string; lon: number; lat: number } {
  const name = sites.get(String(c.id))?.name;
  return { id: c.id, ...(name !== undefined ? { name } : {}), lon: c.lon, lat: c.lat };
}

async function applyFilter(req: SitingRequest, all: SitingCandidate[], sites: Map<string, SiteInfo>, layers: LayerCache, domain: DomainConfig) {
  // Safety distances from hazard sources apply by default (docs/siting-safety-distances.md, docs/shelters.md, docs/fire-stations.md).
  const f = req.candidateFilter ?? { hazardSources: true };
  const hazards = f.hazardSources !== false
    ? (await layers.get('hazard-sources')).features.map((h) => {
        const [lon, lat] = (h.geometry as unknown as { coordinates: [number, number] }).coordinates;
        return { id: String(h.properties?.code ?? h.id), name: String(h.properties?.name ?? h.properties?.code ?? h.id), lon, lat };
      })
    : [];
  const hazardNames = new Map(hazards.map((h) => [h.id, h.name]));
  const defaultDistance = req.facility === 'fire-station' ? domain.fireStations.hazardousSiteDistanceM : domain.shelters.safetyDistanceM.flammablePlant;
  const r = filterCandidates(all, {
    ...(f.siteTypes ? { siteTypes: f.siteTypes } : {}),
    ...(f.minAreaM2 !== undefined ? { minAreaM2: f.minAreaM2 } : {}),
    hazards,
    minHazardDistanceM: f.minHazardDistanceM ?? defaultDistance,
  });
  const byId = new Map(all.map((c) => [String(c.id), c]));
  const excluded: SitingTask['excluded'] = r.excluded.map((e) => ({
    ...e,
    ...(byId.has(String(e.id)) ? placeOf(byId.get(String(e.id))!, sites) : {}),
    ...(e.hazardId !== undefined && hazardNames.has(String(e.hazardId)) ? { hazardName: hazardNames.get(String(e.hazardId))! } : {}),
  }));
  return { kept: r.kept, excluded };
}

export async function riskPoints(layers: Pick<LayerCache, 'get'>, domain: DomainConfig, radiusM: number): Promise<RiskWeighting> {
  const fc = await layers.get('risk-points');
  const points = fc.features.flatMap((f) => {
    const level = f.properties?.level as 1 | 2 | 3 | 4 | undefined;
    const g = f.geometry;
    if (!level || g.type !== 'Point') return [];
    const [lon, lat] = g.coordinates as [number, number];
    return [{ lon, lat, weight: domain.riskLevels[level].weight }];
  });
  return { points, radiusM, levels: Object.values(domain.riskLevels).map((l) => ({ zh: l.zh, en: l.en, weight: l.weight })) };
}
