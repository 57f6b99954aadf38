import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import type { RiskPointProps } from '../api/types.js';
import { detailRows } from './detail-fields.js';
import { countByLevel } from './level-counts.js';

const pt = (lon: number, lat: number, level: 1 | 2 | 3 | 4, townshipCode: string | null = null) =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { level, townshipCode } }) as unknown as Feature<Point, RiskPointProps>;

describe('countByLevel', () => {
  it('counts the loaded risk points of each level', () => {
    expect(countByLevel([pt(0, 0, 1), pt(0, 0, 4), pt(0, 0, 4)])).toEqual({ 1: 1, 2: 0, 3: 0, 4: 2 });
  });
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
