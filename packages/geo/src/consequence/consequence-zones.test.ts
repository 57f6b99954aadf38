import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { consequenceZones } from './consequence-zones.js';
import { explosionRadii } from './explosion-radii.js';
import { fireballRadii } from './fireball-radii.js';
import { gaussianPlumeMgM3 } from './gaussian-plume.js';
import { kinneyGrahamOverpressureKpa } from './kinney-graham-overpressure.js';
import { solveDecreasing } from './solve-decreasing.js';

const cfg = domainDefaults.incident;
const toxic = (formula: string, quantityT: number) => consequenceZones('toxic-release', [{ name: formula, formula, category: 'toxic-gas', quantityT }], cfg);
const gas = (type: 'explosion' | 'fire', quantityT: number) => consequenceZones(type, [{ name: '液化石油气', category: 'flammable-gas', quantityT }], cfg);
const larger = (a: number[], b: number[]) => a.every((r, i) => r > b[i]!);

describe('zone models against worked examples', () => {
  it('Gaussian plume: 1 kg/s, 1 km downwind, class D, 3 m/s → σy = 80/√1.1 = 76.3 m, σz = 60/√2.5 = 37.9 m, C = 10⁶/(π·76.3·37.9·3) = 36.7 mg/m³', () => {
    expect(gaussianPlumeMgM3(1, 1000, 'D', 3)).toBeCloseTo(36.66, 1);
  });
  it('Kinney–Graham: Z = 1 m/kg^⅓ → ps/pa = 9.96 (1,009 kPa); Z = 10 → 0.0986 (9.99 kPa)', () => {
    expect(kinneyGrahamOverpressureKpa(1)).toBeCloseTo(1008.8, 0);
    expect(kinneyGrahamOverpressureKpa(10)).toBeCloseTo(9.99, 1);
  });
  it('TNT equivalence: 1 t of LPG × 3 % × 46 MJ/kg ÷ 4.6 MJ/kg = 300 kg TNT; 7 kPa at Z(7 kPa) × 300^⅓', () => {
    const r = explosionRadii(1, 46, cfg.consequence.explosion);
    expect(r.tntKg).toBeCloseTo(300, 6);
    const z7 = solveDecreasing(kinneyGrahamOverpressureKpa, 7, 0.05, 500);
    expect(r.radiiM[1]).toBeCloseTo(z7 * Math.cbrt(300), 6);
    expect(kinneyGrahamOverpressureKpa(r.radiiM[1] / Math.cbrt(300))).toBeCloseTo(7, 3);
  });
  it('fireball: 1,000 kg → D = 5.8 × 1000^⅓ = 58 m, t = 0.45 × 10 = 4.5 s; 100 t → t = 2.6 × 10⁵^⅙ = 17.7 s', () => {
    expect(fireballRadii(1, cfg.consequence.thermal)).toMatchObject({ diameterM: 58, durationS: 4.5 });
    expect(fireballRadii(100, cfg.consequence.thermal).durationS).toBeCloseTo(2.6 * 1e5 ** (1 / 6), 6);
  });
});

describe('the status of the ERPG endpoints is said in the brief', () => {
  it('a substance whose ERPG values are not yet checked says so in both languages; a checked one does not', () => {
    expect(cfg.consequence.toxic.substances.NH3!.erpgChecked).toBeNull();
    const nh3 = toxic('NH3', 10);
    expect(nh3.zh).toContain('氨的 ERPG 值尚未与权威表核对');
    expect(nh3.en).toContain('The ERPG values of ammonia are not yet checked');
    const h2s = toxic('H2S', 10);
    expect(cfg.consequence.toxic.substances.H2S!.erpgChecked).toMatch(/Nitric Oxide/);
    expect(h2s.zh).not.toContain('尚未与权威表核对');
    expect(h2s.en).not.toContain('not yet checked');
  });
});

describe('toxic zones against ERG 2024 (Table 1 and Table 3)', () => {
  // ERG 2024 Table 3, highway tank truck or trailer, moderate wind (10–20 km/h), day protective-action distance (km):
  // SO₂ 6.0 > Cl₂ 3.3 > HCl 0.8 > NH₃ 0.5. The quantity of a truck load is not in ERG; 15 t is assumed here.
  const ergDayKm = { SO2: 6.0, Cl2: 3.3, HCl: 0.8, NH3: 0.5 } as const;
  it('carries the substance’s ERG 2024 rows: Table 1 small spill, Table 3 truck (or Table 1) large spill', () => {
    expect(toxic('Cl2', 4.2).details.ergTable1).toMatchObject({ un: '1017', small: [60, 0.3, 1.5], large: [600, 3.3, 4.7] });
    expect(toxic('NH3', 4.2).details.ergTable1).toMatchObject({ un: '1005', small: [30, 0.1, 0.2], large: [150, 0.5, 0.7] });
    expect(toxic('H2S', 1).details.ergTable1).toMatchObject({ un: '1053', small: [30, 0.1, 0.5], large: [400, 2.4, 6.3], largeFrom: 'Table 1' });
  });
  it('ranks the substances as ERG Table 3 does for the same container, and its evacuate zone is no smaller than ERG’s day distance', () => {
    const evacuateM = Object.fromEntries(Object.keys(ergDayKm).map((f) => [f, toxic(f, 15).radiiM[1]!])) as Record<keyof typeof ergDayKm, number>;
    const byModel = Object.keys(ergDayKm).sort((a, b) => evacuateM[b as 'SO2'] - evacuateM[a as 'SO2']);
    expect(byModel).toEqual(['SO2', 'Cl2', 'HCl', 'NH3']);
    for (const [f, km] of Object.entries(ergDayKm)) expect(evacuateM[f as 'SO2']).toBeGreaterThanOrEqual(km * 1000);
  });
});

describe('consequenceZones', () => {
  it('gives a more toxic substance larger zones for the same quantity (4.2 t chlorine vs ammonia)', () => {
    expect(larger(toxic('Cl2', 4.2).radiiM, toxic('NH3', 4.2).radiiM)).toBe(true);
  });
  it('gives a larger quantity of the same substance larger zones (52.7 t vs 4.2 t ammonia; 170 t vs 22.7 t LPG)', () => {
    expect(larger(toxic('NH3', 52.7).radiiM, toxic('NH3', 4.2).radiiM)).toBe(true);
    expect(larger(gas('explosion', 170).radiiM, gas('explosion', 22.7).radiiM)).toBe(true);
    expect(larger(gas('fire', 170).radiiM, gas('fire', 22.7).radiiM)).toBe(true);
  });
  it('names the model, its thresholds, the source and the ERG row', () => {
    const z = toxic('Cl2', 4.2);
    expect(z).toMatchObject({ method: 'gaussian-plume-erpg', basis: { substance: 'Cl2', quantityT: 4.2 }, thresholds: [{ value: 20, unit: 'ppm' }, { value: 3, unit: 'ppm' }, { value: 1, unit: 'ppm' }] });
    expect(z.zh).toContain('高斯烟羽');
    expect(z.details.ergTable1).toMatchObject({ un: '1017' });
    expect(gas('explosion', 1).thresholds.map((t) => t.value)).toEqual([21, 7, 3]);
  });
  it('caps zones at the maximum radius and says so', () => {
    const z = toxic('SO2', 123);
    expect(z.capped).toBe(true);
    expect(Math.max(...z.radiiM)).toBeLessThanOrEqual(cfg.maxRadiusM);
    expect(z.radiiM[0]! < z.radiiM[1]! && z.radiiM[1]! < z.radiiM[2]!).toBe(true);
  });
  it('falls back to the labelled generic radii without a usable quantity', () => {
    const z = consequenceZones('fire', [{ name: 'x', category: 'other' }], cfg);
    expect(z).toMatchObject({ method: 'generic', radiiM: [100, 300, 1000] });
    expect(z.zh).toContain('示意');
  });
});
