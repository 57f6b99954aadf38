/**
 * Hazard sources (危险源): about 20, mostly in the two industrial parks, 4–6 of them 重大危险源 with
 * GB 18218-2018 critical quantities. Each has a small rectangular plant boundary, and is graded by
 * gradeMajorHazard with the population of demand points within 500 m of that boundary.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { gradeMajorHazard, type DemandPointProps, type HazardSourceProps, type Substance } from '@riskmap/geo';
import { domainDefaults } from '@riskmap/config';
import { placeIn, townshipAt, type Township } from './context.js';
import type { EnterpriseNamer } from './enterprises.js';
import { rectangleAround } from './geometry.js';
import { personName, phone } from './names.js';
import type { Rng } from './prng.js';
import type { IndustrialPark } from './reference-data.js';

/** What kind of plant a hazard source is; risk points reuse it to pick their industry. */
export type PlantKind = 'chemical' | 'gas' | 'ammonia' | 'metallurgy' | 'fuel';

interface Template {
  plant: PlantKind;
  enterpriseKind: string;
  unit: string;
  /** [name, formula, category, typical quantity t, critical quantity Q t (GB 18218-2018 table 1)] */
  substances: [string, string | undefined, Substance['category'], number, number][];
  inPark: boolean;
}

const MAJOR: Template[] = [
  { plant: 'ammonia', enterpriseKind: '冷链物流企业', unit: '液氨储罐区', substances: [['氨', 'NH3', 'toxic-gas', 45, 10]], inPark: true },
  { plant: 'chemical', enterpriseKind: '化工企业', unit: '氯气储存区', substances: [['氯', 'Cl2', 'toxic-gas', 35, 5], ['氢', undefined, 'flammable-gas', 2, 5]], inPark: true },
  { plant: 'metallurgy', enterpriseKind: '冶炼企业', unit: '二氧化硫储存区', substances: [['二氧化硫', 'SO2', 'toxic-gas', 120, 20]], inPark: true },
  { plant: 'gas', enterpriseKind: '燃气企业', unit: '液化石油气储配站', substances: [['液化石油气', undefined, 'flammable-gas', 180, 50]], inPark: false },
  { plant: 'gas', enterpriseKind: '燃气企业', unit: 'LNG储罐区', substances: [['天然气', undefined, 'flammable-gas', 75, 50]], inPark: true },
  { plant: 'chemical', enterpriseKind: '化工企业', unit: '甲醇罐区', substances: [['甲醇', undefined, 'flammable-liquid', 800, 500], ['汽油', undefined, 'flammable-liquid', 90, 200]], inPark: true },
];

const MINOR: Template[] = [
  { plant: 'fuel', enterpriseKind: '加油站', unit: '油罐区', substances: [['汽油', undefined, 'flammable-liquid', 60, 200]], inPark: false },
  { plant: 'ammonia', enterpriseKind: '冷链物流企业', unit: '液氨制冷机房', substances: [['氨', 'NH3', 'toxic-gas', 4, 10]], inPark: false },
  { plant: 'gas', enterpriseKind: '燃气企业', unit: '液化石油气充装站', substances: [['液化石油气', undefined, 'flammable-gas', 25, 50]], inPark: false },
  { plant: 'chemical', enterpriseKind: '化工企业', unit: '危化品仓库', substances: [['甲醇', undefined, 'flammable-liquid', 180, 500], ['硫化氢', 'H2S', 'toxic-gas', 0.5, 5]], inPark: true },
  { plant: 'metallurgy', enterpriseKind: '冶炼企业', unit: '煤气柜区', substances: [['一氧化碳', 'CO', 'toxic-gas', 3, 10]], inPark: true },
];

/** A generated hazard source and the plant kind it was made from. */
export interface GeneratedHazardSource {
  feature: Feature<Point, HazardSourceProps>;
  plant: PlantKind;
}

function peopleWithin(boundary: Polygon, demand: FeatureCollection<Point, DemandPointProps>, radiusM: number): number {
  const [minX, minY, maxX, maxY] = turf.bbox(boundary);
  const padLat = radiusM / 111_320 + 0.001;
  const padLon = padLat / Math.cos((minY * Math.PI) / 180);
  let people = 0;
  for (const d of demand.features) {
    const [x, y] = d.geometry.coordinates as [number, number];
    if (x < minX - padLon || x > maxX + padLon || y < minY - padLat || y > maxY + padLat) continue;
    if (turf.pointToPolygonDistance(d.geometry, boundary, { units: 'meters' }) <= radiusM) people += d.properties.population;
  }
  return people;
}

/**
 * Hazard sources: 4–6 major ones (mostly in the parks) and 14–16 others, codes HS-001….
 * @example generateHazardSources(rng, townships, parks, demandPoints, namer).length // ≈ 20
 */
export function generateHazardSources(
  rng: Rng,
  townships: readonly Township[],
  parks: readonly IndustrialPark[],
  demand: FeatureCollection<Point, DemandPointProps>,
  namer: EnterpriseNamer,
): GeneratedHazardSource[] {
  const majorCount = rng.int(4, 6);
  const templates = [...MAJOR.slice(0, majorCount), ...Array.from({ length: 20 - majorCount }, () => rng.pick(MINOR))];
  const placed: [number, number][] = [];
  const radiusM = domainDefaults.gb18218.alphaRadiusM;
  return templates.map((tpl, i) => {
    const park = tpl.inPark || rng.chance(0.2) ? rng.pick(parks) : undefined;
    const township = park ? townshipAt(townships, [park.lon, park.lat]) : rng.pick(townships.filter((t) => !t.isUrban));
    const near = park ? [park.lon, park.lat] : township.seat;
    // 400 m from the township edge keeps the whole plant boundary (≤ 300 m half-diagonal) inside it.
    const center = placeIn(rng, township, { near, radiusM: park ? 2500 : 3000, marginM: 400, avoid: [{ points: placed, spacingM: 450 }] });
    placed.push(center);
    const boundary = rectangleAround(center, rng.range(200, 420), rng.range(150, 320), rng.range(0, 90));
    const scale = rng.range(0.9, 1.25);
    const substances: Substance[] = tpl.substances.map(([name, formula, category, q, threshold]) => ({
      name,
      ...(formula ? { formula } : {}),
      category,
      quantityT: Math.round(q * scale * 10) / 10,
      thresholdT: threshold,
    }));
    const people = peopleWithin(boundary, demand, radiusM);
    const graded = gradeMajorHazard(substances, people, domainDefaults.gb18218);
    const enterprise = namer.next(township.name, tpl.enterpriseKind);
    const props: HazardSourceProps = {
      code: `HS-${String(i + 1).padStart(3, '0')}`,
      name: `${enterprise}${tpl.unit}`,
      sample: true,
      enterprise,
      townshipCode: township.code,
      substances,
      sValue: graded.sValue,
      isMajor: graded.isMajor,
      alpha: graded.alpha,
      rValue: graded.rValue,
      grade: graded.grade,
      peopleWithin500m: people,
      methodVersion: graded.methodVersion,
      contactPerson: personName(rng),
      contactPhone: phone(rng),
      boundary,
    };
    return { feature: turf.point(center, props), plant: tpl.plant };
  });
}
