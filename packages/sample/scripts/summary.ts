/**
 * Prints the layer counts and the per-capita shelter figures of the sample, per township.
 * Run: npx tsx scripts/summary.ts [seed]   (from packages/sample)
 */
import { domainDefaults } from '@riskmap/config';
import { generateSample, SAMPLE_SEED } from '../src/index.js';

const seed = process.argv[2] ? Number(process.argv[2]) : SAMPLE_SEED;
const t0 = performance.now();
const ds = generateSample(seed);
const ms = performance.now() - t0;
const usable = new Set(domainDefaults.shelters.usableStatuses);
const sum = (code: string, pick: (s: (typeof ds.shelters.features)[number]['properties']) => boolean) =>
  ds.shelters.features.filter((s) => s.properties.townshipCode === code && pick(s.properties)).reduce((a, s) => a + s.properties.effectiveAreaM2, 0);
const candidates = (code: string) =>
  ds.candidateSites.features.filter((c) => c.properties.townshipCode === code && c.properties.suitableFor.includes('shelter')).reduce((a, c) => a + c.properties.effectiveAreaM2, 0);

console.log(`seed ${seed}, generated in ${ms.toFixed(0)} ms`);
for (const layer of ['townships', 'demandPoints', 'riskPoints', 'hazardSources', 'shelters', 'warehouses', 'fireStations', 'candidateSites', 'neighbours'] as const) {
  console.log(`${layer.padEnd(15)} ${ds[layer].features.length}`);
}
console.log('\ntownship | population | points | usable m²/person | + planned | + candidates');
let town = { pop: 0, u: 0, p: 0, c: 0 };
for (const t of ds.townships.features) {
  const { code, name, population, isUrban } = t.properties;
  const u = sum(code, (s) => usable.has(s.status));
  const p = sum(code, (s) => s.status === 'planned');
  const c = candidates(code);
  const points = ds.demandPoints.features.filter((d) => d.properties.townshipCode === code).length;
  console.log(`${name} | ${population} | ${points} | ${(u / population).toFixed(2)} | ${((u + p) / population).toFixed(2)} | ${((u + c) / population).toFixed(2)}`);
  if (isUrban) town = { pop: town.pop + population, u: town.u + u, p: town.p + p, c: town.c + c };
}
console.log(`县城 (3 街道) | ${town.pop} | – | ${(town.u / town.pop).toFixed(2)} | ${((town.u + town.p) / town.pop).toFixed(2)} | ${((town.u + town.c) / town.pop).toFixed(2)}`);
const levels = [1, 2, 3, 4].map((l) => ds.riskPoints.features.filter((r) => r.properties.level === l).length);
console.log(`\nrisk levels red/orange/yellow/blue: ${levels.join('/')}`);
for (const h of ds.hazardSources.features.filter((x) => x.properties.isMajor)) {
  const p = h.properties;
  console.log(`${p.code} ${p.name}: S=${p.sValue} people500m=${p.peopleWithin500m} α=${p.alpha} R=${p.rValue} grade=${p.grade}`);
}
