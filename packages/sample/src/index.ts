/**
 * @riskmap/sample: the deterministic Yanggu (阳谷县) sample dataset (示例数据) for the platform.
 */
export { generateSample, SAMPLE_SEED } from './generate-sample.js';
export { createRng, layerRng, type Rng } from './prng.js';
export { COUNTY_CODE } from './townships.js';
export { COUNTY_POPULATION_2020, COUNTY_TOWN_POPULATION } from './township-populations.js';
export { TOWN_PER_CAPITA_M2, URBAN_PER_CAPITA_BY_RANK_M2, designedPerCapita } from './shelter-design.js';
export { generateSampleHazards, sampleIndicatorValues, SAMPLE_HAZARD_DATE, type SampleHazards, type SampleHazardStep } from './hidden-hazards.js';
