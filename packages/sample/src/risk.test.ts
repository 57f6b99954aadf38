import * as turf from '@turf/turf';
import { domainDefaults } from '@riskmap/config';
import { gradeLec, gradeMajorHazard, gradeMatrix, type LecInputs, type MatrixInputs } from '@riskmap/geo';
import { describe, expect, it } from 'vitest';
import { generateSample } from './index.js';

const ds = generateSample();
const risks = ds.riskPoints.features.map((r) => r.properties);
const hazards = ds.hazardSources.features;

describe('risk points', () => {
  it('use only valid LEC and matrix factor values, graded by @riskmap/geo', () => {
    for (const r of risks) {
      const graded = r.assessmentMethod === 'lec' ? gradeLec(r.assessmentInputs as LecInputs, domainDefaults.lec) : gradeMatrix(r.assessmentInputs as MatrixInputs, domainDefaults.matrix);
      expect(r.score, r.code).toBe(graded.score);
      expect(r.methodVersion).toBe(graded.methodVersion);
      if (!r.directMajorReason) expect(r.level, r.code).toBe(graded.level);
    }
  });

  it('grade a few by the risk matrix', () => {
    const matrix = risks.filter((r) => r.assessmentMethod === 'matrix').length;
    expect(matrix).toBeGreaterThan(0);
    expect(matrix).toBeLessThan(risks.length / 5);
  });

  it('are mostly blue and yellow, with a few orange and red', () => {
    const n = (level: number) => risks.filter((r) => r.level === level).length;
    expect(n(4) + n(3)).toBeGreaterThan(risks.length * 0.75);
    expect(n(4)).toBeGreaterThan(n(3));
    expect(n(2)).toBeGreaterThan(0);
    expect(n(1)).toBeGreaterThan(0);
    expect(n(1)).toBeLessThan(n(2));
  });

  it('span the listed industries', () => {
    const industries = new Set(risks.map((r) => r.industry));
    for (const i of ['hazardous-chemicals', 'gas', 'transport', 'construction', 'metallurgy', 'fireworks', 'ammonia-refrigeration', 'school', 'crowded-place']) {
      expect(industries.has(i as never), i).toBe(true);
    }
  });

  it('cluster partly around the two industrial parks', () => {
    const parks = [turf.point([115.9055556, 36.28027778]), turf.point([115.8366667, 36.13722222])];
    const near = ds.riskPoints.features.filter((r) => parks.some((p) => turf.distance(r, p, { units: 'meters' }) <= 3000));
    expect(near.length).toBeGreaterThanOrEqual(30);
  });

  it('are level 1 with a reason when linked to a 重大危险源', () => {
    const major = new Set(hazards.filter((h) => h.properties.isMajor).map((h) => h.properties.code));
    const linked = risks.filter((r) => r.hazardSourceCode && major.has(r.hazardSourceCode));
    expect(linked).toHaveLength(major.size);
    for (const r of linked) {
      expect(r.level).toBe(1);
      expect(r.directMajorReason).toContain('重大危险源');
    }
    expect(risks.filter((r) => r.directMajorReason).length).toBe(major.size);
  });

  it('carry fixed assessment dates in 2026', () => {
    for (const r of risks) expect(r.assessedAt >= '2026-01-01' && r.assessedAt <= '2026-06-15', r.assessedAt).toBe(true);
  });
});

describe('hazard sources', () => {
  it('include 4–6 重大危险源 with S ≥ 1 and a grade', () => {
    const major = hazards.filter((h) => h.properties.isMajor);
    expect(major.length).toBeGreaterThanOrEqual(4);
    expect(major.length).toBeLessThanOrEqual(6);
    for (const h of major) {
      expect(h.properties.sValue).toBeGreaterThanOrEqual(1);
      expect([1, 2, 3, 4]).toContain(h.properties.grade);
    }
    for (const h of hazards.filter((x) => !x.properties.isMajor)) expect(h.properties.grade).toBeNull();
  });

  it('count the people of demand points within 500 m of the plant boundary', () => {
    for (const h of hazards) {
      const boundary = h.properties.boundary!;
      const people = ds.demandPoints.features
        .filter((d) => turf.pointToPolygonDistance(d, boundary, { units: 'meters' }) <= domainDefaults.gb18218.alphaRadiusM)
        .reduce((s, d) => s + d.properties.population, 0);
      expect(h.properties.peopleWithin500m, h.properties.code).toBe(people);
    }
  });

  it('are graded by gradeMajorHazard from their substances and people nearby', () => {
    for (const h of hazards) {
      const p = h.properties;
      const graded = gradeMajorHazard(p.substances, p.peopleWithin500m ?? 0, domainDefaults.gb18218);
      expect({ sValue: p.sValue, isMajor: p.isMajor, alpha: p.alpha, rValue: p.rValue, grade: p.grade }).toEqual({
        sValue: graded.sValue, isMajor: graded.isMajor, alpha: graded.alpha, rValue: graded.rValue, grade: graded.grade,
      });
    }
  });

  it('have a plant boundary polygon around their point', () => {
    for (const h of hazards) {
      expect(h.properties.boundary?.type).toBe('Polygon');
      expect(turf.booleanPointInPolygon(h, h.properties.boundary!)).toBe(true);
    }
  });

  it('lie mostly in the industrial parks', () => {
    const parks = [turf.point([115.9055556, 36.28027778]), turf.point([115.8366667, 36.13722222])];
    const inParks = hazards.filter((h) => parks.some((p) => turf.distance(h, p, { units: 'meters' }) <= 3000));
    expect(inParks.length).toBeGreaterThan(hazards.length / 2);
  });
});
