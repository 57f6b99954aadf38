import { domainDefaults } from '@riskmap/config';
import { beforeAll, describe } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { loadHighs } from './load-highs.js';
import type { Highs } from './run-mip.js';
import { sitingProblemFromGeoJson } from './siting-problem-from-geojson.js';
import { sitingResultToGeoJson } from './siting-result-to-geojson.js';
import { solveSitingWith } from './solve-siting-with.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Fixture = points with a `role` + the problem as the collection's `properties`; output without the clock. */
function compute(input: { properties: Parameters<typeof sitingProblemFromGeoJson>[1] } & Parameters<typeof sitingProblemFromGeoJson>[0]) {
  const out = sitingResultToGeoJson(solveSitingWith(sitingProblemFromGeoJson(input, input.properties), highs, domainDefaults));
  delete out.properties.timeMs;
  return out;
}

for (const name of ['solveLscp', 'solveMclp', 'solvePMedian', 'solvePCenter', 'solveShelterGap']) {
  describe(name, () => goldenFixtures(name, compute));
}
