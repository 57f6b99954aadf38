import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/index.js';
import { sitingCsv, sitingFileName, sitingGeoJson } from './siting-export.js';
import { sitingExplanation } from './siting-explain-logic.js';
import type { SitingResult } from './siting-logic.js';

const enT = (k: Parameters<typeof translate>[1]) => translate('en', k);
const DATE = '2026-12-04T01:30:00.000Z';

const site = (code: string, name: string, lon: number, lat: number, demandWeight: number, demandCount: number) => ({
  type: 'Feature' as const,
  id: code,
  geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
  properties: {
    code, name, siteType: 'park', areaM2: 12000, effectiveAreaM2: 8400.4, townshipName: '侨润街道', demandCount, demandWeight, basis: 'newly-covered',
    accept: { layer: 'shelters' as const, feature: { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] }, properties: { code, name } } },
  },
});

/** An MCLP answer on the shape the API gives (default rule, people as demand), 2 sites, 2 uncoverable points, 10 excluded candidates. */
const result: SitingResult = {
  runId: '1b6f7a7e-3c3e-4b54-9a43-5d1c2f0e6a11',
  problem: 'mclp',
  chosen: ['CS-003', 'CS-011'],
  objective: 41234.5,
  objectiveName: 'covered demand',
  bound: 41234.5,
  totalWeight: 98765,
  before: { coveredWeight: 30000, coveredShare: 0.3037, coveredPopulation: 30000, coveredPopulationShare: 0.3037, meanImpedance: 2100, maxImpedance: 9800 },
  after: { coveredWeight: 41234.5, coveredShare: 0.4175, coveredPopulation: 41234.5, coveredPopulationShare: 0.4175, meanImpedance: 1500, maxImpedance: 9800 },
  solver: 'glpk',
  optimal: true,
  gap: 0,
  timeMs: 812,
  timeLimitMs: 20000,
  timeLimitReached: false,
  note: null,
  sites: { type: 'FeatureCollection', features: [site('CS-003', '城东公园', 115.79, 36.11, 6234, 4), site('CS-011', '=HYPERLINK("x")广场', 115.71, 36.05, 5000.5, 3)] },
  excludedCandidates: Array.from({ length: 10 }, (_, k) => ({
    id: `CS-1${String(k).padStart(2, '0')}`, name: `备选地${k}`, lon: 115.7 + k / 100, lat: 36.1, reason: 'hazard-distance', detail: `${300 + k} m from hazard source HS-001, closer than 1000 m`,
    hazardId: 'HS-001', hazardName: '某化工储罐区', distanceM: 300 + k, minDistanceM: 1000,
  })),
  coverageRule: { matchesCoveragePage: true, unit: 'm', zh: '与覆盖页相同：现有避难场所按等级服务半径，新选址按固定（短期）半径 1000 米', en: 'as on the coverage page: existing shelters by class radius, new sites by the short-term radius of 1000 m' },
  demandBasis: { kind: 'population', zh: '人口（人）：需求点常住人口', en: 'people: resident population of the demand points' },
  uncoverable: {
    count: 2,
    population: 1830,
    points: { type: 'FeatureCollection', features: [
      { type: 'Feature', id: 'DP-090', geometry: { type: 'Point', coordinates: [115.95, 36.2] }, properties: { code: 'DP-090', population: 1030 } },
      { type: 'Feature', id: 'DP-091', geometry: { type: 'Point', coordinates: [115.96, 36.21] }, properties: { code: 'DP-091', population: 800 } },
    ] },
  },
  inputs: { demandCount: 120, candidateCount: 30, existingCount: 12 },
};

describe('sitingExplanation', () => {
  it('words the rule, the basis with its denominator, the uncoverable demand and the first excluded candidates', () => {
    const x = sitingExplanation(result, undefined, 'zh-CN', 5);
    expect(x.rule).toContain('等级服务半径');
    expect(x.total).toBe('分母：需求合计 98,765（人）');
    expect(x.uncoverable).toContain('无法覆盖的需求点 2 个，共 1,830 人');
    expect(x.excluded?.summary).toBe('因危险源安全距离排除的备选用地 10 处');
    expect(x.excluded?.rows).toHaveLength(5);
    expect(x.excluded?.rows[0]).toBe('备选地0（CS-100）：距 某化工储罐区 300 米，小于要求的 1,000 米');
    expect(x.excluded?.more).toBe('另有 5 个');
  });
});

describe('sitingGeoJson', () => {
  it('holds every chosen site, uncoverable point and excluded candidate, and names the run in its properties', () => {
    const fc = sitingGeoJson(result, { sample: true, date: DATE });
    expect(fc.features).toHaveLength(2 + 2 + 10);
    expect(fc.features.map((f) => f.properties.kind)).toEqual([...Array(2).fill('site'), ...Array(2).fill('uncoverable'), ...Array(10).fill('excluded')]);
    expect(fc.properties).toMatchObject({
      problem: 'mclp', problemLabel: '最大覆盖（MCLP）', rule: result.coverageRule!.zh, basis: '人口（人）：需求点常住人口', basisKind: 'population',
      totalDemand: 98765, objective: 41234.5, solver: 'glpk', optimal: true, date: DATE, sample: true, note: '示例数据', sites: 2, uncoverable: 2, excluded: 10,
    });
  });

  it('keeps a site its figures but not the feature accepting it would post', () => {
    const s = sitingGeoJson(result, { sample: false, date: DATE }).features[0]!;
    expect(s.geometry).toEqual({ type: 'Point', coordinates: [115.79, 36.11] });
    expect(s.properties).toMatchObject({ code: 'CS-003', name: '城东公园', siteTypeLabel: '公园', demandWeight: 6234, demandCount: 4, effectiveAreaM2: 8400 });
    expect(s.properties).not.toHaveProperty('accept');
  });

  it('places an excluded candidate and gives its reason, hazard and distance', () => {
    const fc = sitingGeoJson(result, { sample: false, date: DATE });
    const e = fc.features.find((f) => f.properties.kind === 'excluded')!;
    expect(e.geometry).toEqual({ type: 'Point', coordinates: [115.7, 36.1] });
    expect(e.properties).toMatchObject({ code: 'CS-100', reason: 'hazard-distance', reasonLabel: '危险源安全距离不足', hazardName: '某化工储罐区', distanceM: 300, minDistanceM: 1000 });
    expect(fc.properties.note).toBeNull();
  });

  it('speaks English when asked', () => {
    const fc = sitingGeoJson(result, { t: enT, locale: 'en', sample: true, date: DATE });
    expect(fc.properties).toMatchObject({ rule: result.coverageRule!.en, note: 'Sample data', problemLabel: expect.stringContaining('MCLP') });
  });
});

describe('sitingCsv', () => {
  const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

  it('has a row per chosen site, then per uncoverable point, under Chinese headings', () => {
    const csv = sitingCsv(result, { sample: false, date: DATE });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = lines(csv);
    expect(head).toBe('类型,编号,名称,场地类型,所在乡镇,覆盖需求（人）,需求点数（个）,有效面积（m²）,人口（人）,经度,纬度');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('建议点位,CS-003,城东公园,公园,侨润街道,6234,4,8400,,115.79,36.11');
    expect(rows[2]).toBe('无法覆盖的需求点,DP-090,,,,,,,1030,115.95,36.2');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(lines(sitingCsv(result, { sample: false, date: DATE }))[2]).toContain(`"'=HYPERLINK(""x"")广场"`);
  });

  it('has English headings in English', () => {
    expect(lines(sitingCsv(result, { t: enT, locale: 'en', sample: false, date: DATE }))[0]).toMatch(/^kind,code,name,site type,township,demand covered \(people\),/);
  });
});

describe('sitingFileName', () => {
  it('names the problem and the day', () => {
    expect(sitingFileName(result, DATE, 'geojson')).toBe('siting-mclp-20261204.geojson');
  });
});
