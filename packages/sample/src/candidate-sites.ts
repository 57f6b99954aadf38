/**
 * Candidate sites (备选场地) for new shelters and fire stations, about 200. In each township below
 * 2.5 m² per person the shelter-suitable candidates add up to 1.35–2× its gap, so gap closing can
 * reach the target — except 金斗营镇 and 大布乡, whose candidates cover only part of the gap.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { CandidateSiteProps, ShelterProps, SiteType } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { apportion } from './apportion.js';
import { placeIn, type Township } from './context.js';
import type { Rng } from './prng.js';
import { CANDIDATE_GAP_FACTOR, DEFAULT_CANDIDATE_GAP_FACTOR } from './shelter-design.js';

const SHELTER_SITE_TYPES: SiteType[] = ['park', 'square', 'school', 'stadium', 'green', 'vacant'];
const SHELTER_SITE_ODDS = [0.2, 0.15, 0.25, 0.05, 0.2, 0.15];
const SITE_ZH: Partial<Record<SiteType, string>> = { park: '公园', square: '广场', school: '学校操场', stadium: '体育场', green: '绿地', vacant: '闲置地块', other: '储备用地' };
const CONSTRAINTS = ['临近高压走廊，需退让30 m', '部分为基本农田，需调整规划', '需拆除临时建筑', '地势低洼，不宜作防洪避难', '与学校共用，需签订共享协议', '进出道路狭窄，需拓宽'];
/** Smallest shelter-suitable candidate, m² of effective area. */
const MIN_EFFECTIVE_M2 = 900;

/** Usable (built/open) effective shelter area per township code, m². */
export function usableAreaByTownship(shelters: FeatureCollection<Point, ShelterProps>): Map<string, number> {
  const usable = new Set(domainDefaults.shelters.usableStatuses);
  const out = new Map<string, number>();
  for (const s of shelters.features) {
    const p = s.properties;
    if (p.townshipCode && usable.has(p.status)) out.set(p.townshipCode, (out.get(p.townshipCode) ?? 0) + p.effectiveAreaM2);
  }
  return out;
}

/** Effective shelter-suitable candidate area to offer in a township, m². */
function supplyFor(rng: Rng, t: Township, usableM2: number): number {
  const gap = Math.max(0, domainDefaults.shelters.perCapitaTargetM2 * t.population - usableM2);
  const factor = CANDIDATE_GAP_FACTOR[t.name] ?? rng.range(...DEFAULT_CANDIDATE_GAP_FACTOR);
  if (factor < 1) return Math.floor(gap * factor);
  return Math.round(Math.max(gap * factor, t.population * rng.range(0.3, 0.6)));
}

/**
 * Candidate sites CS-001…: shelter-suitable ones per township, then 1–2 fire-station sites in most townships.
 * @example generateCandidateSites(rng, townships, shelters, hazardPoints).features.length // ≈ 200
 */
export function generateCandidateSites(
  rng: Rng,
  townships: readonly Township[],
  shelters: FeatureCollection<Point, ShelterProps>,
  hazardPoints: readonly Position[],
): FeatureCollection<Point, CandidateSiteProps> {
  const usable = usableAreaByTownship(shelters);
  const shelterPoints = shelters.features.map((s) => s.geometry.coordinates);
  const placed: Position[] = [];
  const features: Feature<Point, CandidateSiteProps>[] = [];
  const add = (t: Township, coords: [number, number], props: Omit<CandidateSiteProps, 'code' | 'name' | 'sample' | 'townshipCode'>) => {
    placed.push(coords);
    const n = features.length + 1;
    features.push(turf.point(coords, {
      code: `CS-${String(n).padStart(3, '0')}`,
      name: `${t.name}示例备选${SITE_ZH[props.siteType] ?? '场地'}${n}`,
      sample: true,
      townshipCode: t.code,
      ...props,
    }));
  };
  for (const t of townships) {
    const supply = supplyFor(rng, t, usable.get(t.code) ?? 0);
    const count = Math.min(Math.max(Math.round(supply / rng.range(2500, 4500)), 5), 16, Math.floor(supply / MIN_EFFECTIVE_M2));
    if (count < 1) continue;
    const parts = apportion(supply - count * MIN_EFFECTIVE_M2, Array.from({ length: count }, () => Math.exp(rng.normal(0, 0.5))));
    for (const part of parts) {
      const siteType = rng.weighted(SHELTER_SITE_TYPES, SHELTER_SITE_ODDS);
      const effectiveAreaM2 = MIN_EFFECTIVE_M2 + part;
      const share = siteType === 'vacant' ? rng.range(0.45, 0.6) : rng.range(0.3, 0.41);
      const coords = placeIn(rng, t, {
        near: t.seat,
        radiusM: t.isUrban ? 3500 : 3000,
        marginM: 60,
        avoid: [
          { points: hazardPoints, spacingM: domainDefaults.shelters.safetyDistanceM.flammablePlant },
          { points: shelterPoints, spacingM: 200 },
          { points: placed, spacingM: 200 },
        ],
      });
      add(t, coords, {
        siteType,
        areaM2: Math.round(effectiveAreaM2 / share),
        effectiveAreaM2,
        suitableFor: siteType === 'vacant' && rng.chance(0.3) ? ['shelter', 'fire-station'] : ['shelter'],
        constraints: rng.chance(0.4) ? rng.pick(CONSTRAINTS) : '',
      });
    }
  }
  for (const t of townships) {
    if (rng.chance(0.25)) continue;
    for (let k = rng.int(1, 2); k > 0; k--) {
      const areaM2 = rng.int(3000, 8000);
      const coords = placeIn(rng, t, {
        near: t.seat,
        radiusM: t.isUrban ? 3000 : 2500,
        marginM: 60,
        avoid: [
          { points: hazardPoints, spacingM: domainDefaults.fireStations.hazardousSiteDistanceM },
          { points: placed, spacingM: 200 },
        ],
      });
      add(t, coords, { siteType: rng.pick(['vacant', 'other'] as SiteType[]), areaM2, effectiveAreaM2: Math.round(areaM2 * rng.range(0.5, 0.7)), suitableFor: ['fire-station'], constraints: rng.chance(0.3) ? rng.pick(CONSTRAINTS) : '' });
    }
  }
  return turf.featureCollection(features);
}
