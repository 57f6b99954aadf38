import { describe, expect, it } from 'vitest';
import { countyShortfalls } from './per-capita-logic.js';
import { indicatorLabel, indicatorRows } from './siting-logic.js';
import { compareTable, type Scenario } from './scenario-logic.js';
import { translate } from '../i18n/index.js';

const enT = (k: Parameters<typeof translate>[1]) => translate('en', k);
const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('named county shortfalls (docs/coverage-model.md §Shortfall)', () => {
  const answer = { shortfall: { netM2: 1200, sumOfTownshipsM2: 5300 } };

  it('names the net county shortfall and the sum of township shortfalls, in Chinese and English', () => {
    expect(countyShortfalls(answer)).toEqual([
      { key: 'net', label: '全县净缺口（乡镇间可调剂）', m2: 1200 },
      { key: 'sumOfTownships', label: '乡镇缺口合计（各乡镇各自达标）', m2: 5300 },
    ]);
    const en = countyShortfalls(answer, enT);
    expect(en.map((s) => s.label)).toEqual(['Net county shortfall (townships offset each other)', 'Sum of township shortfalls (each township meets the target on its own)']);
    for (const s of en) expect(s.label).not.toMatch(cjk);
    expect(translate('zh-CN', 'planning.shortfall.note')).toContain('缺口');
    expect(enT('planning.shortfall.note')).not.toMatch(cjk);
  });

  it("names the shelter-gap result's shortfall by its basis", () => {
    const label = (basis?: 'sum-of-townships' | 'net', t = (k: Parameters<typeof translate>[1]) => translate('zh-CN', k)) => {
      const row = indicatorRows('shelter-gap', { before: basis ? { shortfallBasis: basis } : {} }).find((r) => r.key === 'shortfallM2')!;
      return indicatorLabel(row, t);
    };
    expect(label('sum-of-townships')).toBe('面积缺口（乡镇缺口合计，各乡镇各自达标）');
    expect(label('sum-of-townships', enT)).toBe('Area shortfall (sum of township shortfalls, each township on its own)');
    expect(label('net')).toBe('面积缺口（全县净缺口，乡镇间可调剂）');
    expect(label('net', enT)).not.toMatch(cjk);
    // Answers stored before the basis was given are shelter-gap answers all the same: the sum of townships.
    expect(label(undefined)).toBe(label('sum-of-townships'));
    const gap = { id: 1, name: 'a', problem: 'shelter-gap', params: {}, createdBy: 'p', createdAt: '' } as Scenario;
    expect(compareTable([gap]).map((r) => r.label).some((l) => l.includes('乡镇缺口合计'))).toBe(true);
  });
});
