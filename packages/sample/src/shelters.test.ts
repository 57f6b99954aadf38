import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { generateSample } from './index.js';

const ds = generateSample();
const shelters = ds.shelters.features.map((s) => s.properties);
const target = domainDefaults.shelters.perCapitaTargetM2;
const usable = new Set(domainDefaults.shelters.usableStatuses);

function areaIn(codes: string[], statuses: Set<string>): number {
  return shelters.filter((s) => codes.includes(s.townshipCode ?? '') && statuses.has(s.status)).reduce((a, s) => a + s.effectiveAreaM2, 0);
}
function population(codes: string[]): number {
  return ds.townships.features.filter((t) => codes.includes(t.properties.code)).reduce((a, t) => a + t.properties.population, 0);
}
const perCapita = ds.townships.features.map((t) => areaIn([t.properties.code], usable) / t.properties.population);
const countyTown = ds.townships.features.filter((t) => t.properties.isUrban).map((t) => t.properties.code);

describe('shelters', () => {
  it('leave some townships below and some above 2.5 m² per person of usable effective area', () => {
    expect(perCapita.filter((x) => x < target).length).toBeGreaterThanOrEqual(3);
    expect(perCapita.filter((x) => x >= target).length).toBeGreaterThanOrEqual(3);
  });

  it('leave the county town somewhat below the target (≈ 2.1–2.3 m² per person)', () => {
    const x = areaIn(countyTown, usable) / population(countyTown);
    expect(x).toBeGreaterThan(2.0);
    expect(x).toBeLessThan(2.4);
  });

  it('include planned shelters that would lift the county town over the target', () => {
    const x = areaIn(countyTown, new Set([...usable, 'planned'])) / population(countyTown);
    expect(x).toBeGreaterThanOrEqual(target);
  });

  it('cover every class, with one or two central shelters', () => {
    const classes = new Set(shelters.map((s) => s.shelterClass));
    expect([...classes].sort()).toEqual(['central', 'emergency', 'long-term', 'medium-term', 'short-term']);
    const central = shelters.filter((s) => s.shelterClass === 'central').length;
    expect(central).toBeGreaterThanOrEqual(1);
    expect(central).toBeLessThanOrEqual(2);
  });

  it('are mostly open or built, with a few planned and one or two closed', () => {
    const count = (st: string) => shelters.filter((s) => s.status === st).length;
    expect(count('open') + count('built')).toBeGreaterThan(shelters.length * 0.85);
    expect(count('planned')).toBeGreaterThanOrEqual(2);
    expect(count('closed')).toBeGreaterThanOrEqual(1);
    expect(count('closed')).toBeLessThanOrEqual(2);
  });

  it('size capacity as effective area ÷ the class m² per person', () => {
    for (const s of shelters) {
      const perPerson = domainDefaults.shelters.classes[s.shelterClass]!.perCapitaM2;
      expect(s.capacity, s.code).toBe(Math.floor(s.effectiveAreaM2 / perPerson));
    }
  });

  it('keep effective area within 30–41 % of total area (central: 28–41 %)', () => {
    for (const s of shelters) {
      const share = s.effectiveAreaM2 / s.totalAreaM2;
      expect(share, s.code).toBeGreaterThanOrEqual(s.shelterClass === 'central' ? 0.28 : 0.3);
      expect(share, s.code).toBeLessThanOrEqual(0.41);
    }
  });

  it('meet the minimum site area of their class', () => {
    for (const s of shelters) expect(s.totalAreaM2, s.code).toBeGreaterThanOrEqual(domainDefaults.shelters.classes[s.shelterClass]!.minSiteAreaM2);
  });

  it('use parks, squares, schools, stadiums and civil-defence works, some not public', () => {
    const types = new Set(shelters.map((s) => s.siteType));
    for (const t of ['park', 'square', 'school', 'stadium', 'civil-defence']) expect(types.has(t as never), t).toBe(true);
    expect(shelters.some((s) => !s.isPublic)).toBe(true);
    expect(shelters.filter((s) => s.isPublic).length).toBeGreaterThan(shelters.length / 2);
  });

  it('describe facilities, address and contact of every usable shelter', () => {
    for (const s of shelters.filter((x) => usable.has(x.status))) {
      expect(s.facilities.length, s.code).toBeGreaterThanOrEqual(3);
      expect(s.address).toContain('阳谷县');
      expect(s.contactPerson.length).toBeGreaterThan(1);
    }
  });

  it('keep 1,000 m from hazard sources (GB 50413 safety distance)', async () => {
    const turf = await import('@turf/turf');
    for (const s of ds.shelters.features) {
      for (const h of ds.hazardSources.features) expect(turf.distance(s, h, { units: 'meters' }), s.properties.code).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe('candidate sites', () => {
  const candidates = ds.candidateSites.features.map((c) => c.properties);
  const reach = ds.townships.features.map((t) => {
    const code = t.properties.code;
    const extra = candidates.filter((c) => c.townshipCode === code && c.suitableFor.includes('shelter')).reduce((a, c) => a + c.effectiveAreaM2, 0);
    return (areaIn([code], usable) + extra) / t.properties.population;
  });

  it('let most townships reach 2.5 m² per person, but not all', () => {
    const reachable = reach.filter((x) => x >= target).length;
    expect(reachable).toBeGreaterThanOrEqual(14);
    expect(reachable).toBeLessThan(reach.length);
  });

  it('offer sites for both shelters and fire stations, with effective area below total area', () => {
    expect(candidates.some((c) => c.suitableFor.includes('fire-station'))).toBe(true);
    for (const c of candidates) expect(c.effectiveAreaM2).toBeLessThan(c.areaM2);
  });
});
