import { describe, expect, it } from 'vitest';
import { filterCandidates } from './filter-candidates.js';

const c = (id: string, lon: number, siteType: string, areaM2?: number) => ({ id, lon, lat: 36.1, siteType, ...(areaM2 !== undefined ? { areaM2 } : {}) });
const sites = [c('park', 115.7, 'park', 5000), c('school', 115.71, 'school', 5000), c('small', 115.72, 'park', 500), c('unknown', 115.73, 'park')];

describe('filterCandidates', () => {
  it('keeps only the listed site types', () => {
    expect(filterCandidates(sites, { siteTypes: ['school'] }).kept.map((s) => s.id)).toEqual(['school']);
  });

  it('drops sites below the minimum area, and sites whose area is unknown', () => {
    const r = filterCandidates(sites, { minAreaM2: 1000 });
    expect(r.kept.map((s) => s.id)).toEqual(['park', 'school']);
    expect(r.excluded.map((e) => [e.id, e.reason])).toEqual([
      ['small', 'area'],
      ['unknown', 'area'],
    ]);
  });

  it('drops sites closer than the safety distance to a hazard source, naming it', () => {
    // 0.005° of longitude ≈ 450 m at 36.1°N
    const r = filterCandidates(sites, { hazards: [{ id: 'H1', lon: 115.705, lat: 36.1 }], minHazardDistanceM: 1000 });
    expect(r.excluded.map((e) => e.id)).toEqual(['park', 'school']);
    expect(r.excluded[0]!.detail).toMatch(/hazard source H1/);
  });

  it('keeps everything without rules', () => {
    expect(filterCandidates(sites).kept).toHaveLength(4);
  });
});
