import type { Feature, FeatureCollection, Point } from 'geojson';
import { InputError } from '../input-error.js';
import type { SitingProblem } from './siting-problem.js';
import type { SitingCandidate, SitingDemand, SitingId } from './types.js';

type Params = Omit<Partial<SitingProblem>, 'demand' | 'candidates' | 'existing' | 'townships'> & { kind: SitingProblem['kind'] };

/**
 * Builds a siting problem from one GeoJSON FeatureCollection of Points whose `role` property is
 * demand | candidate | existing | hazard | township (weight = `weight` ?? `population`), plus parameters.
 * @example sitingProblemFromGeoJson(fc, { kind: 'mclp', p: 2, radiusM: 1500 }).demand.length; // 40
 */
export function sitingProblemFromGeoJson(fc: FeatureCollection<Point>, params: Params): SitingProblem {
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new InputError('expected a GeoJSON FeatureCollection of Points', 'features');
  }
  const demand: SitingDemand[] = [];
  const candidates: SitingCandidate[] = [];
  const existing: SitingCandidate[] = [];
  const hazards: { id: SitingId; lon: number; lat: number }[] = [];
  const townships: { townshipCode: string; name?: string; population: number; currentEffectiveAreaM2: number }[] = [];
  fc.features.forEach((f: Feature<Point>, k) => {
    if (f?.geometry?.type !== 'Point') throw new InputError(`feature ${k} is not a Point`, `features[${k}].geometry`);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const id = (f.id ?? p.id ?? p.code ?? k) as SitingId;
    const num = (key: string): number | undefined => (typeof p[key] === 'number' ? (p[key] as number) : undefined);
    const site: SitingCandidate = { id, lon, lat };
    if (typeof p.siteType === 'string') site.siteType = p.siteType;
    if (num('areaM2') !== undefined) site.areaM2 = num('areaM2');
    if (num('effectiveAreaM2') !== undefined) site.effectiveAreaM2 = num('effectiveAreaM2');
    if (typeof p.townshipCode === 'string') site.townshipCode = p.townshipCode;
    switch (p.role) {
      case 'demand':
        demand.push({ id, lon, lat, weight: num('weight') ?? num('population') ?? 1, ...(num('riskWeight') !== undefined ? { riskWeight: num('riskWeight') } : {}) });
        break;
      case 'candidate':
        candidates.push(site);
        break;
      case 'existing':
        existing.push(site);
        break;
      case 'hazard':
        hazards.push({ id, lon, lat });
        break;
      case 'township':
        townships.push({
          townshipCode: String(p.code ?? id),
          ...(typeof p.name === 'string' ? { name: p.name } : {}),
          population: num('population') ?? 0,
          currentEffectiveAreaM2: num('currentEffectiveAreaM2') ?? 0,
        });
        break;
      default:
        throw new InputError('role must be demand, candidate, existing, hazard or township', `features[${k}].properties.role`, [
          'demand',
          'candidate',
          'existing',
          'hazard',
          'township',
        ]);
    }
  });
  const filter = hazards.length > 0 || params.filter ? { ...(params.filter ?? {}), ...(hazards.length > 0 ? { hazards } : {}) } : undefined;
  if (params.kind === 'shelter-gap') {
    return { ...(params as object), kind: 'shelter-gap', townships, candidates, ...(filter ? { filter } : {}) } as SitingProblem;
  }
  return { ...(params as object), kind: params.kind, demand, candidates, existing, ...(filter ? { filter } : {}) } as SitingProblem;
}
