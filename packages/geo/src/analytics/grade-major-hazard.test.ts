import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import type { Substance } from '../model.js';
import { gradeMajorHazard } from './grade-major-hazard.js';

const so2 = (quantityT: number): Substance => ({ name: '二氧化硫', formula: 'SO2', category: 'toxic-gas', quantityT, thresholdT: 20 });

describe('gradeMajorHazard', () => {
  it('grades the DOMAIN worked example 200 t SO₂ with 60 people nearby as R = 30, 三级', () => {
    expect(gradeMajorHazard([so2(200)], 60, domainDefaults.gb18218)).toEqual({ sValue: 10, isMajor: true, alpha: 1.5, rValue: 30, grade: 3, methodVersion: 'GB18218-2018' });
  });
  it('sums q/Q over substances into S', () => {
    const petrol: Substance = { name: '汽油', category: 'flammable-liquid', quantityT: 100, thresholdT: 200 };
    expect(gradeMajorHazard([so2(10), petrol], 0, domainDefaults.gb18218).sValue).toBe(1);
  });
  it('is not major when S is below 1 and then has no R, α or grade', () => {
    expect(gradeMajorHazard([so2(19)], 500, domainDefaults.gb18218)).toMatchObject({ sValue: 0.95, isMajor: false, alpha: null, rValue: null, grade: null });
  });
  it('picks the toxic-gas β by formula (Cl₂ = 4)', () => {
    const cl2: Substance = { name: '氯', formula: 'Cl2', category: 'toxic-gas', quantityT: 10, thresholdT: 5 };
    expect(gradeMajorHazard([cl2], 10, domainDefaults.gb18218).rValue).toBe(8); // α 1.0 × β 4 × 2
  });
  it('uses β 1.5 for flammable gas and α 2.0 for 100 people', () => {
    const lpg: Substance = { name: '液化石油气', category: 'flammable-gas', quantityT: 500, thresholdT: 50 };
    expect(gradeMajorHazard([lpg], 100, domainDefaults.gb18218)).toMatchObject({ rValue: 30, grade: 3 });
  });
  it('uses α 0.5 when nobody lives within 500 m', () => {
    expect(gradeMajorHazard([so2(20)], 0, domainDefaults.gb18218).alpha).toBe(0.5);
  });
  it('grades R of exactly 100 as 一级', () => {
    expect(gradeMajorHazard([so2(500)], 100, domainDefaults.gb18218).grade).toBe(1); // 2.0 × 2 × 25
  });
  it('grades R of 50 as 二级 and R below 10 as 四级', () => {
    expect([gradeMajorHazard([so2(250)], 100, domainDefaults.gb18218).grade, gradeMajorHazard([so2(40)], 10, domainDefaults.gb18218).grade]).toEqual([2, 4]);
  });
  it('rejects a zero critical quantity naming the substance field', () => {
    expect(() => gradeMajorHazard([{ ...so2(1), thresholdT: 0 }], 0, domainDefaults.gb18218)).toThrow(expect.objectContaining({ field: 'substances[0].thresholdT' }));
  });
  it('rejects a negative number of people', () => {
    expect(() => gradeMajorHazard([so2(1)], -1, domainDefaults.gb18218)).toThrow(expect.objectContaining({ field: 'peopleNearby' }));
  });
});

goldenFixtures('gradeMajorHazard', (input: { cases: { substances: Substance[]; peopleNearby: number }[] }) =>
  input.cases.map((c) => gradeMajorHazard(c.substances, c.peopleNearby, domainDefaults.gb18218)),
);
