/**
 * Risk points (风险点): about 300 across industries, graded with gradeLec (a few with gradeMatrix)
 * from valid factor values only; mostly blue/yellow, a few orange and red. Points that hold a
 * 重大危险源 are level 1 by the direct-major rule, with the reason recorded.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { directMajor, gradeLec, gradeMatrix, type Industry, type RiskLevel, type RiskPointProps } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { placeIn, townshipAt, type Township } from './context.js';
import type { EnterpriseNamer } from './enterprises.js';
import type { GeneratedHazardSource, PlantKind } from './hazard-sources.js';
import { personName, phone } from './names.js';
import type { Rng } from './prng.js';
import type { IndustrialPark } from './reference-data.js';
import { ASSESSORS, INDUSTRY_PROFILES, type IndustryProfile } from './risk-catalogue.js';

type Assessment = ReturnType<typeof gradeLec> | ReturnType<typeof gradeMatrix>;

const LEVELS: RiskLevel[] = [1, 2, 3, 4];
const PLANT_INDUSTRY: Record<PlantKind, Industry> = {
  chemical: 'hazardous-chemicals',
  gas: 'gas',
  ammonia: 'ammonia-refrigeration',
  metallurgy: 'metallurgy',
  fuel: 'hazardous-chemicals',
};
const GRADE_ZH = ['', '一级', '二级', '三级', '四级'];

/** Every valid LEC and matrix combination, graded once by @riskmap/geo. */
function allAssessments(): { lec: ReturnType<typeof gradeLec>[]; matrix: ReturnType<typeof gradeMatrix>[] } {
  const { lec, matrix } = domainDefaults;
  return {
    lec: lec.L.flatMap((L) => lec.E.flatMap((E) => lec.C.map((C) => gradeLec({ L, E, C }, lec)))),
    matrix: matrix.L.flatMap((L) => matrix.S.map((S) => gradeMatrix({ L, S }, matrix))),
  };
}

function assess(rng: Rng, all: ReturnType<typeof allAssessments>, profile: IndustryProfile, level: RiskLevel, useMatrix: boolean): Assessment {
  if (useMatrix) return rng.pick(all.matrix.filter((a) => a.level === level));
  const fitting = all.lec.filter((a) => a.level === level && profile.lecC.includes(a.inputs.C));
  return rng.pick(fitting.length > 0 ? fitting : all.lec.filter((a) => a.level === level));
}

/** A fixed date between 2026-01-05 and 2026-06-15 (ISO yyyy-mm-dd). */
function assessmentDate(rng: Rng): string {
  return new Date(Date.UTC(2026, 0, 5) + rng.int(0, 161) * 86_400_000).toISOString().slice(0, 10);
}

function profileOf(industry: Industry): IndustryProfile {
  const p = INDUSTRY_PROFILES.find((x) => x.industry === industry);
  if (!p) throw new Error(`risk-points: no profile for industry ${industry}`);
  return p;
}

interface Draft {
  profile: IndustryProfile;
  coords: [number, number];
  township: Township;
  enterprise: string;
  hazard?: GeneratedHazardSource;
}

function place(rng: Rng, profile: IndustryProfile, townships: readonly Township[], parks: readonly IndustrialPark[]): { coords: [number, number]; township: Township } {
  if (profile.placement === 'park' && rng.chance(0.65)) {
    const park = rng.pick(parks);
    const township = townshipAt(townships, [park.lon, park.lat]);
    return { township, coords: placeIn(rng, township, { near: [park.lon, park.lat], radiusM: 3000, marginM: 50 }) };
  }
  if (profile.placement === 'anywhere') {
    const township = rng.weighted(townships, townships.map((t) => t.areaKm2));
    return { township, coords: placeIn(rng, township, { marginM: 50 }) };
  }
  const township = rng.weighted(townships, townships.map((t) => t.population));
  return { township, coords: placeIn(rng, township, { near: township.seat, radiusM: township.isUrban ? 3000 : 2500, marginM: 50 }) };
}

/**
 * Risk points RP-0001…: one per hazard source (same enterprise and place), then the industry profiles.
 * @example generateRiskPoints(rng, townships, parks, hazards, namer).features.length // 300
 */
export function generateRiskPoints(
  rng: Rng,
  townships: readonly Township[],
  parks: readonly IndustrialPark[],
  hazards: readonly GeneratedHazardSource[],
  namer: EnterpriseNamer,
): FeatureCollection<Point, RiskPointProps> {
  const all = allAssessments();
  const drafts: Draft[] = hazards.map((h) => ({
    profile: profileOf(PLANT_INDUSTRY[h.plant]),
    coords: h.feature.geometry.coordinates as [number, number],
    township: townships.find((t) => t.code === h.feature.properties.townshipCode) as Township,
    enterprise: h.feature.properties.enterprise,
    hazard: h,
  }));
  for (const profile of INDUSTRY_PROFILES) {
    for (let k = 0; k < profile.count; k++) {
      const { coords, township } = place(rng, profile, townships, parks);
      drafts.push({ profile, coords, township, enterprise: namer.next(township.name, rng.pick(profile.enterpriseKinds)) });
    }
  }
  const features = drafts.map((d, i): Feature<Point, RiskPointProps> => {
    const p = d.profile;
    const target = rng.weighted(LEVELS, LEVELS.map((l) => p.levelOdds[l]));
    const a = assess(rng, all, p, target, rng.chance(p.matrixShare));
    const hs = d.hazard?.feature.properties;
    const major = directMajor({ hasMajorHazardSource: hs?.isMajor ?? false });
    const types = rng.shuffle(p.hazardTypes).slice(0, rng.int(2, Math.min(3, p.hazardTypes.length)));
    const props: RiskPointProps = {
      code: `RP-${String(i + 1).padStart(4, '0')}`,
      name: hs ? hs.name : `${d.enterprise}${rng.pick(p.units)}`,
      sample: true,
      industry: p.industry,
      hazardTypes: types,
      assessmentMethod: a.method,
      assessmentInputs: a.inputs,
      score: a.score,
      level: major ? major.level : a.level,
      methodVersion: a.methodVersion,
      assessedAt: assessmentDate(rng),
      assessor: rng.pick(ASSESSORS),
      directMajorReason: major && hs ? `${major.reason}（${hs.code}，${GRADE_ZH[hs.grade ?? 0]}）` : null,
      enterprise: d.enterprise,
      townshipCode: d.township.code,
      responsibleUnit: p.responsibleUnit ?? d.enterprise,
      responsiblePerson: personName(rng),
      responsiblePhone: phone(rng),
      controlMeasures: p.controlMeasures,
      hazardSourceCode: hs ? hs.code : null,
    };
    return turf.point(d.coords, props);
  });
  return turf.featureCollection(features);
}
