import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Point } from 'geojson';
import type { AdminAreaProps, RiskPointProps } from '../api/types.js';
import { detailRows } from './detail-fields.js';
import { emapByGrid, emapByTownship } from './emap-local.js';

const C = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' } as const;
const pt = (lon: number, lat: number, level: 1 | 2 | 3 | 4, townshipCode: string | null = null) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { level, townshipCode } }) as unknown as Feature<Point, RiskPointProps>;
const square = (code: string, x0: number): Feature<MultiPolygon, AdminAreaProps> =>
  ({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[x0, 0], [x0 + 1, 0], [x0 + 1, 1], [x0, 1], [x0, 0]]]] }, properties: { code, name: code } }) as unknown as Feature<MultiPolygon, AdminAreaProps>;

describe('emapByTownship', () => {
  it('colours a township by the highest level among its points and counts each level', () => {
    const r = emapByTownship([square('A', 0), square('B', 1)], [pt(0.5, 0.5, 3), pt(0.6, 0.5, 2), pt(1.5, 0.5, 4)], C);
    expect(r.features.map((f) => [f.properties.code, f.properties.level, f.properties.color])).toEqual([['A', 2, 'orange'], ['B', 4, 'blue']]);
    expect(r.features[0]!.properties.counts).toEqual({ 1: 0, 2: 1, 3: 1, 4: 0 });
  });
  it('uses the township code of a point before its position', () => {
    const r = emapByTownship([square('A', 0), square('B', 1)], [pt(0.5, 0.5, 1, 'B')], C);
    expect(r.features[1]!.properties.level).toBe(1);
    expect(r.features[0]!.properties.level).toBeNull();
  });
});

describe('emapByGrid', () => {
  it('puts points of the same cell together and keeps the highest level', () => {
    const r = emapByGrid([pt(115.7, 36.0, 4), pt(115.7001, 36.0001, 1), pt(115.8, 36.1, 3)], 1000, C);
    expect(r.features.map((f) => f.properties.level).sort()).toEqual([1, 3]);
  });
  it('refuses a non-positive cell size', () => expect(() => emapByGrid([pt(0, 0, 1)], 0, C)).toThrow(/cellM/));
});

describe('detailRows', () => {
  it('labels known fields in Chinese and formats levels, classes and nested JSON', () => {
    const rows = detailRows({ name: 'X', level: 1, shelterClass: 'central', assessmentInputs: '{"L":3,"E":6,"C":15}', id: 4 }, 'zh-CN');
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['名称', 'X'],
      ['风险等级', '重大风险'],
      ['评估输入', 'L=3, E=6, C=15'],
      ['场所类别', '中心避难场所'],
    ]);
  });
});
