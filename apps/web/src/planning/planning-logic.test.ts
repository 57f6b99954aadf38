import { describe, expect, it } from 'vitest';
import { choropleth, colourFor, nextSort, parseTarget, shortTownships, sortRows, type PlanRow } from './per-capita-logic.js';
import { circle, reachCircles, uncoveredByTownship, warehouseRadiusM, type CoverageAnswer } from './coverage-logic.js';
import { checkForm, DEFAULT_FORM, indicatorLabel, indicatorRows, sitingRequest, siteAdds, type SiteProps } from './siting-logic.js';
import { compareSites, compareTable, toggleCompare, type Scenario } from './scenario-logic.js';
import { conflictingFields, emptyForm, newFeature, serverFieldErrors, type EditLayer, type FacilityForm } from './edit-logic.js';
import { checkFacility } from './facility-check.js';
import { createFeatureSchema, crossFieldIssues } from '@riskmap/contract';
import { canCommit, formatOf } from './import-logic.js';
import { haversineM } from '../common/geo-math.js';
import { translate } from '../i18n/index.js';

const enT = (k: Parameters<typeof translate>[1]) => translate('en', k);
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

const row = (code: string, name: string, perCapitaM2: number | null, extra: Partial<PlanRow> = {}): PlanRow => ({
  townshipCode: code, name, population: 1000, shelterCount: 1, effectiveAreaM2: (perCapitaM2 ?? 0) * 1000, perCapitaM2, meetsTarget: perCapitaM2 === null ? null : perCapitaM2 >= 2.5,
  shortfallM2: Math.max(0, (2.5 - (perCapitaM2 ?? 0)) * 1000), capacity: 500, capacityRequired: 150, meetsCapacity: true, targetApplies: false, ...extra,
});

describe('per-capita view logic', () => {
  const rows = [row('1', '乙镇', 3), row('2', '甲镇', 1), row('3', '丙乡', null), row('4', '丁镇', 2)];
  it('sorts by per-capita ascending with townships without residents last', () => {
    expect(sortRows(rows, { key: 'perCapitaM2', desc: false }).map((r) => r.townshipCode)).toEqual(['2', '4', '1', '3']);
  });
  it('flips the direction when the same heading is clicked again and starts a new numeric column descending', () => {
    expect(nextSort({ key: 'population', desc: true }, 'population')).toEqual({ key: 'population', desc: false });
    expect(nextSort({ key: 'population', desc: true }, 'shortfallM2')).toEqual({ key: 'shortfallM2', desc: true });
    expect(nextSort({ key: 'population', desc: true }, 'name')).toEqual({ key: 'name', desc: false });
  });
  it('colours by the share of the target reached, grey when nobody lives there', () => {
    expect(colourFor(1, 2.5)).toBe('#b2182b');
    expect(colourFor(2.4, 2.5)).toBe('#fddbc7');
    expect(colourFor(2.5, 2.5)).toBe('#a6dba0');
    expect(colourFor(null, 2.5)).toBe('#bdbdbd');
  });
  it('lists the short townships worst first', () => {
    expect(shortTownships(rows).map((r) => r.name)).toEqual(['甲镇', '丁镇']);
  });
  it('accepts a typed target only between 0 and 100', () => {
    expect(parseTarget(' 3.5 ')).toBe(3.5);
    expect(parseTarget('0')).toBeNull();
    expect(parseTarget('abc')).toBeNull();
    expect(parseTarget('101')).toBeNull();
  });
  it('puts the fill colour on each township polygon', () => {
    const fc = choropleth({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { code: '2' } }] }, rows, 2.5);
    expect(fc.features[0]!.properties).toMatchObject({ code: '2', fill: '#b2182b', meetsTarget: false });
  });
});

describe('coverage view logic', () => {
  it('draws a circle whose vertices lie at the radius', () => {
    const c = circle([115.8, 36.1], 1500, 16);
    const ring = c.geometry.coordinates[0]!;
    expect(ring).toHaveLength(17);
    for (const p of ring) expect(haversineM([115.8, 36.1], p as [number, number])).toBeCloseTo(1500, -1);
  });
  it('groups uncovered villages by township, most uncovered people first', () => {
    const pt = (code: string, t: string, population: number) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [115, 36] }, properties: { code, name: code, townshipCode: t, population } });
    const answer = { uncovered: { type: 'FeatureCollection', features: [pt('a', 'T1', 10), pt('b', 'T2', 50), pt('c', 'T1', 20)] } } as unknown as CoverageAnswer;
    const g = uncoveredByTownship(answer, (c) => `名${c}`);
    expect(g.map((x) => [x.name, x.uncoveredPopulation, x.villages.map((v) => v.code)])).toEqual([['名T2', 50, ['b']], ['名T1', 30, ['c', 'a']]]);
  });
  it('gives a warehouse level its straight-line radius: 30 min × 45 km/h ÷ 1.3 = 17,308 m', () => {
    expect(warehouseRadiusM(30, 45, 1.3)).toBeCloseTo(17_307.7, 1);
  });
  it('draws warehouse reach circles at reach ÷ detour, kind "warehouse", skipping warehouses not on the map', () => {
    const answer = { impedance: { method: 'straight-line-detour', detourFactor: 1.3 }, facilities: [{ code: 'W1', name: 'W1', reachM: 22_500, servedPopulation: 0 }, { code: 'GONE', name: '', reachM: 1, servedPopulation: 0 }] } as unknown as CoverageAnswer;
    const points = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [115.8, 36.1] }, properties: { code: 'W1' } }] };
    const fc = reachCircles(answer, points, 'warehouse');
    expect(fc.features.map((f) => f.properties)).toEqual([{ code: 'W1', kind: 'warehouse', radiusM: 17_308 }]);
    expect(haversineM([115.8, 36.1], fc.features[0]!.geometry.coordinates[0]![0] as [number, number])).toBeCloseTo(17_308, -1);
  });
});

describe('siting form', () => {
  it('answers in Chinese what is wrong', () => {
    expect(checkForm({ ...DEFAULT_FORM, reach: 'radius', p: '0', radiusM: '-1' })).toEqual({ p: '新增设施数量须为不小于 1 的整数', radiusM: '服务半径须大于 0 且不超过 100 000 米' });
    expect(checkForm({ ...DEFAULT_FORM, problem: 'shelter-gap', facility: 'fire-station' }).facility).toBe('缺口补齐仅适用于避难场所');
  });
  it('answers in English when given the English translator, with no Chinese left', () => {
    const errors = checkForm({ ...DEFAULT_FORM, reach: 'radius', p: '0', radiusM: '-1', minAreaM2: '-5' }, enT);
    expect(errors.p).toBe('The number of new facilities must be a whole number ≥ 1');
    for (const m of Object.values(errors)) expect(m).not.toMatch(cjk);
    expect(siteAdds({ demandWeight: 1234, demandCount: 2, basis: 'newly-covered', effectiveAreaM2: 3000 } as SiteProps, enT)).toBe('newly covers 1,234 people (2 villages) · effective area +3,000 m²');
    expect(serverFieldErrors({ code: 'duplicate', fields: [{ field: 'properties.code', message: 'taken' }] }, enT, 'en')).toEqual({ code: 'Code: already in use; choose another' });
    expect(checkFacility('shelters', { ...emptyForm(), effectiveAreaM2: '2', totalAreaM2: '1' }, enT).effectiveAreaM2).toBe('Effective area cannot exceed the total area');
  });
  it('builds an async request with p, radius and the candidate filter', () => {
    expect(sitingRequest({ ...DEFAULT_FORM, reach: 'radius', p: '4', radiusM: '1500', siteTypes: ['park'], minAreaM2: '2000' })).toMatchObject({
      problem: 'mclp', facility: 'shelter', p: 4, radiusM: 1500, async: true, candidateFilter: { siteTypes: ['park'], minAreaM2: 2000 },
    });
  });
  it("defaults to the coverage page's rule: no radius, minutes or impedance sent", () => {
    const body = sitingRequest(DEFAULT_FORM);
    expect([body.radiusM, body.minutes, body.impedance]).toEqual([undefined, undefined, undefined]);
  });
  it('labels people and risk-weighted demand as different rows, and station times in minutes', () => {
    const result = { impedance: { kind: 'time', unit: 'min' as const }, demandBasis: { kind: 'risk-weighted' as const, zh: '', en: '' }, before: { coveredPopulation: 1 } };
    const rows = indicatorRows('mclp', result);
    expect(rows.map((r) => [r.key, r.unit])).toEqual([
      ['coveredPopulation', 'people'], ['coveredPopulationShare', '%'], ['coveredWeight', 'weighted'], ['coveredShare', '%'], ['meanImpedance', 'minutes'], ['maxImpedance', 'minutes'],
    ]);
    expect(rows.map((r) => indicatorLabel(r))).toContain('覆盖风险加权需求');
    expect(siteAdds({ demandWeight: 800, demandCount: 1, basis: 'newly-covered' } as SiteProps, undefined, true)).toContain('非人数');
  });
  it('builds a shelter-gap request with the target and no p', () => {
    const body = sitingRequest({ ...DEFAULT_FORM, problem: 'shelter-gap', target: '3' });
    expect(body).toMatchObject({ problem: 'shelter-gap', perCapitaTargetM2: 3 });
    expect(body.p).toBeUndefined();
  });
  it('says what a proposed site adds', () => {
    expect(siteAdds({ townshipName: '大布乡', demandWeight: 1234, demandCount: 2, basis: 'newly-covered', effectiveAreaM2: 3000 } as SiteProps)).toBe('大布乡 · 新增覆盖 1,234 人（2 个村/社区） · 有效面积 +3,000 m²');
  });
});

describe('scenario comparison', () => {
  const sc = (id: number, problem: Scenario['problem'], before: Record<string, number>, after: Record<string, number>): Scenario =>
    ({ id, name: `方案${id}`, problem, params: {}, createdBy: 'p', createdAt: '', result: { chosen: ['x', 'y'], before, after, sites: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { code: 'x', name: 'X' } }] } } }) as unknown as Scenario;
  it('keeps at most three scenarios, dropping the oldest pick', () => {
    expect(toggleCompare([1, 2, 3], 4)).toEqual([2, 3, 4]);
    expect(toggleCompare([1, 2], 1)).toEqual([2]);
  });
  it('puts the indicators of each scenario side by side, blank where a problem does not have them', () => {
    const rows = compareTable([sc(1, 'mclp', { coveredShare: 0.5 }, { coveredShare: 0.6 }), sc(2, 'shelter-gap', { perCapitaM2: 2 }, { perCapitaM2: 2.5 })]);
    expect(rows.find((r) => r.label === '覆盖率·方案（%）')!.values).toEqual([60, null]);
    expect(rows.find((r) => r.label === '全县人均·方案（m²/人）')!.values).toEqual([null, 2.5]);
    expect(rows.find((r) => r.label === '新增点位（处）')!.values).toEqual([2, 2]);
    const en = compareTable([sc(1, 'mclp', { coveredShare: 0.5 }, { coveredShare: 0.6 })], enT);
    expect(en.find((r) => r.label === 'Coverage, with the plan (%)')!.values).toEqual([60]);
    expect(en[0]!.values).toEqual(['Maximal covering (MCLP)']);
    for (const r of en) expect(r.label).not.toMatch(cjk);
  });
  it('tags each scenario site with its colour and slot', () => {
    expect(compareSites([sc(1, 'mclp', {}, {}), sc(2, 'mclp', {}, {})]).features.map((f) => f.properties!.slot)).toEqual([0, 1]);
  });
});

describe('facility editing', () => {
  const valid: FacilityForm = { ...emptyForm(), code: 'SH-T', name: '测试', totalAreaM2: '100', effectiveAreaM2: '80', capacity: '40', vehicles: '3', staff: '12' };
  it('checks a new shelter with Chinese messages', () => {
    const e = checkFacility('shelters', { ...emptyForm(), code: 'SH-X', totalAreaM2: '100', effectiveAreaM2: '200', capacity: '1.5' });
    expect(e).toEqual({ name: '请填写名称', effectiveAreaM2: '有效面积不能大于总面积', capacity: '可容纳人数须为不小于 0 的整数' });
  });
  it('says the schema\'s limits per field in Chinese and English', () => {
    const long = 'x'.repeat(65);
    expect(checkFacility('shelters', { ...valid, code: long, capacity: '20000000', totalAreaM2: 'abc' })).toEqual({ code: '编号不能超过 64 个字符', capacity: '可容纳人数不能超过 10,000,000', totalAreaM2: '总面积须为不小于 0 的数字（m²）' });
    expect(checkFacility('shelters', { ...valid, address: 'x'.repeat(501) }, enT)).toEqual({ address: 'Address: at most 500 characters' });
    expect(checkFacility('fire-stations', { ...valid, vehicles: '1001', staff: '2.5' }, enT)).toEqual({ vehicles: 'Vehicles cannot exceed 1,000', staff: 'Staff must be a whole number ≥ 0' });
  });
  it('refuses exactly what the API\'s schema and cross-field rule refuse, field by field (the phone format is the form\'s own)', () => {
    /**
     * The fields the API refuses in the form's feature as sent (JSON): those the schema of `POST /api/layers/:id` faults,
     * and the cross-field rule's among values the schema takes (the server says the schema's first, then the rule's).
     */
    const api = (layer: EditLayer, f: FacilityForm): string[] => {
      const feature = JSON.parse(JSON.stringify(newFeature(layer, f, [115.7, 36.1])));
      const parsed = createFeatureSchema(layer).safeParse(feature);
      const faulted = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0] === 'properties' ? i.path[1] : i.path[0])));
      for (const c of crossFieldIssues(layer, feature.properties)) if (!faulted.has(c.field) && !faulted.has(c.bound)) faulted.add(c.field);
      return [...faulted].sort();
    };
    const cases: [EditLayer, Partial<FacilityForm>][] = [
      ['shelters', {}],
      ['shelters', { code: '' }], ['shelters', { code: '   ' }], ['shelters', { code: 'x'.repeat(64) }], ['shelters', { code: 'x'.repeat(65) }], ['shelters', { code: 'A\u0000B' }],
      ['shelters', { name: '' }], ['shelters', { name: '名'.repeat(200) }], ['shelters', { name: '名'.repeat(201) }],
      ['shelters', { totalAreaM2: '' }], ['shelters', { totalAreaM2: '-1' }], ['shelters', { totalAreaM2: 'abc' }], ['shelters', { totalAreaM2: '1e9' }], ['shelters', { totalAreaM2: '1e10', effectiveAreaM2: '5' }],
      ['shelters', { effectiveAreaM2: '' }], ['shelters', { effectiveAreaM2: '-0.5' }], ['shelters', { effectiveAreaM2: '100' }], ['shelters', { effectiveAreaM2: '100.5' }], ['shelters', { effectiveAreaM2: 'Infinity' }],
      ['shelters', { totalAreaM2: '-1', effectiveAreaM2: '50' }], ['shelters', { totalAreaM2: '10', effectiveAreaM2: '-1' }],
      ['shelters', { capacity: '' }], ['shelters', { capacity: '1.5' }], ['shelters', { capacity: '-1' }], ['shelters', { capacity: '10000000' }], ['shelters', { capacity: '10000001' }],
      ['shelters', { address: 'x'.repeat(500) }], ['shelters', { address: 'x'.repeat(501) }], ['shelters', { contactPerson: 'x'.repeat(101) }], ['shelters', { access: 'x'.repeat(1001) }],
      ['shelters', { townshipCode: '3'.repeat(33) }], ['shelters', { facilities: ['x'.repeat(101)] }], ['shelters', { facilities: Array.from({ length: 101 }, (_, i) => `f${i}`) }],
      ['shelters', { code: '', name: '', capacity: 'x', effectiveAreaM2: '200' }],
      ['shelters', { contactPhone: '0635-1234567' }], ['shelters', { contactPhone: 'x'.repeat(51) }],
      ['fire-stations', {}], ['fire-stations', { code: '' }], ['fire-stations', { vehicles: '' }], ['fire-stations', { vehicles: '1000' }], ['fire-stations', { vehicles: '1001' }], ['fire-stations', { vehicles: '-1' }],
      ['fire-stations', { staff: '10000' }], ['fire-stations', { staff: '10001' }], ['fire-stations', { staff: '2.5' }], ['fire-stations', { totalAreaM2: '', capacity: 'x' }],
    ];
    for (const [layer, change] of cases) {
      const f = { ...valid, ...change };
      expect(Object.keys(checkFacility(layer, f)).sort(), `${layer} ${JSON.stringify(change)}`).toEqual(api(layer, f));
    }
    // The form's one rule beyond the API: the API stores any phone text verbatim, the form asks for digits.
    for (const phone of ['abc', '0635 转 8001']) {
      expect(api('shelters', { ...valid, contactPhone: phone })).toEqual([]);
      expect(Object.keys(checkFacility('shelters', { ...valid, contactPhone: phone }))).toEqual(['contactPhone']);
    }
  });
  it('sends numbers as numbers at rounded coordinates', () => {
    const f = newFeature('shelters', { ...emptyForm(), code: 'A', name: '甲', totalAreaM2: '100', effectiveAreaM2: '80', capacity: '40' }, [115.123456789, 36.1]);
    expect(f.geometry.coordinates).toEqual([115.123457, 36.1]);
    expect(f.properties).toMatchObject({ totalAreaM2: 100, effectiveAreaM2: 80, capacity: 40, status: 'planned' });
  });
  it('turns server field errors into Chinese by code and rule key, never by their English text', () => {
    const outside = { field: 'geometry', message: 'outside the county (more than 500 m from its boundary)', key: 'geometry.outside', params: { tolerance: 500 } };
    expect(serverFieldErrors({ code: 'invalid_input', fields: [outside] })).toEqual({ geometry: '位置：位置在县域范围之外（距县界超过 500 米）' });
    expect(serverFieldErrors({ code: 'duplicate', fields: [{ field: 'properties.code', message: 'code "A" is taken' }] })).toEqual({ code: '编号：已被使用，请换一个' });
    // Without a key the English reason stays out: the label and a generic reason.
    expect(serverFieldErrors({ code: 'invalid_input', fields: [{ field: 'properties.capacity', message: 'Too big: expected number to be <=1000000' }] })).toEqual({ capacity: '可容纳人数：取值有误' });
    expect(serverFieldErrors({ code: 'outside_scope', fields: [{ field: 'geometry', message: 'outside your township' }] })).toEqual({ geometry: '位置：超出您负责的乡镇范围' });
  });
  it('names the fields that differ from the other version', () => {
    expect(conflictingFields({ name: 'a', capacity: 1 }, { name: 'b', capacity: 1 })).toEqual(['name']);
  });
});

describe('import', () => {
  it('knows the format by extension', () => {
    expect([formatOf('a.GeoJSON'), formatOf('b.csv'), formatOf('c.xlsx'), formatOf('d.zip'), formatOf('e.doc')]).toEqual(['geojson', 'csv', 'xlsx', 'shapefile', null]);
  });
  it('commits only a clean dry run', () => {
    const r = { dryRun: true, layer: 'shelters', format: 'csv' as const, crs: 'wgs84', rows: 2, valid: 2, invalidRows: 0, warnings: [] };
    expect(canCommit(r)).toBe(true);
    expect(canCommit({ ...r, invalidRows: 1 })).toBe(false);
    expect(canCommit(null)).toBe(false);
  });
});
