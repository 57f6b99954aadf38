/**
 * The Yanggu sample dataset (示例数据): real county outline, township seats and neighbouring counties;
 * everything else generated deterministically from a seed.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import type { AdminAreaProps, SampleDataset } from '@riskmap/geo';
import { generateCandidateSites } from './candidate-sites.js';
import type { Township } from './context.js';
import { EnterpriseNamer } from './enterprises.js';
import { generateFireStations } from './fire-stations.js';
import { generateHazardSources } from './hazard-sources.js';
import { layerRng } from './prng.js';
import { loadReferenceData } from './reference-data.js';
import { generateRiskPoints } from './risk-points.js';
import { generateShelters } from './shelters.js';
import { assignPopulations, COUNTY_POPULATION_2020 } from './township-populations.js';
import { buildTownshipShapes, COUNTY_CODE } from './townships.js';
import { generateDemandPoints } from './villages.js';
import { generateWarehouses } from './warehouses.js';

/** The default seed: the same dataset on every machine and every run. */
export const SAMPLE_SEED = 20220101;

/** Code of 聊城市, the parent of the county. */
const PREFECTURE_CODE = '371500';

function townshipFeature(t: Township): Feature<MultiPolygon, AdminAreaProps> {
  return turf.feature(t.geometry, {
    code: t.code,
    name: t.name,
    sample: true,
    level: 'township',
    parentCode: COUNTY_CODE,
    population: t.population,
    isUrban: t.isUrban,
    kind: t.kind,
    approximate: true,
    seat: t.seat,
  });
}

/**
 * Generates the whole Yanggu sample; the same seed gives byte-identical JSON.stringify output.
 * Takes well under a second.
 * @example const ds = generateSample(); ds.townships.features.length // 18
 */
export function generateSample(seed: number = SAMPLE_SEED): SampleDataset {
  if (!Number.isInteger(seed)) throw new Error(`generateSample: seed must be an integer, got ${seed}`);
  const ref = loadReferenceData();
  const shapes = buildTownshipShapes(ref.seats, ref.county);
  const populations = assignPopulations(layerRng(seed, 'populations'), shapes);
  const townships: Township[] = shapes.map((s, i) => ({ ...s, population: populations[i] as number }));
  const demandPoints = generateDemandPoints(layerRng(seed, 'demand-points'), townships);
  const namer = new EnterpriseNamer();
  const hazards = generateHazardSources(layerRng(seed, 'hazard-sources'), townships, ref.parks, demandPoints, namer);
  const hazardPoints = hazards.map((h) => h.feature.geometry.coordinates);
  const riskPoints = generateRiskPoints(layerRng(seed, 'risk-points'), townships, ref.parks, hazards, namer);
  const shelters = generateShelters(layerRng(seed, 'shelters'), townships, hazardPoints);
  return {
    seed,
    county: turf.feature(structuredClone(ref.county.geometry), {
      code: COUNTY_CODE,
      name: '阳谷县',
      sample: true,
      level: 'county',
      parentCode: PREFECTURE_CODE,
      population: COUNTY_POPULATION_2020,
      isUrban: false,
      kind: 'county',
      approximate: false,
      seat: null,
    }),
    townships: turf.featureCollection(townships.map(townshipFeature)),
    neighbours: turf.featureCollection(
      ref.liaocheng.features
        .filter((f) => f.properties.adcode !== COUNTY_CODE)
        .map((f) => turf.feature(structuredClone(f.geometry), { name: f.properties.name, code: f.properties.adcode })),
    ),
    demandPoints,
    riskPoints,
    hazardSources: turf.featureCollection(hazards.map((h) => h.feature)),
    shelters,
    warehouses: generateWarehouses(layerRng(seed, 'warehouses'), townships, ref.parks),
    fireStations: generateFireStations(layerRng(seed, 'fire-stations'), townships, ref.parks, demandPoints, hazardPoints),
    candidateSites: generateCandidateSites(layerRng(seed, 'candidate-sites'), townships, shelters, hazardPoints),
  };
}
