import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { emapLegend, insertTopRisk, resolveEmapOptions, summarizeRiskLevels, type TopRisk } from './summarize-risk-levels.js';

const opts = resolveEmapOptions({ riskLevels: domainDefaults.riskLevels });
const risk = (code: string, level: 1 | 2 | 3 | 4, score: number): TopRisk => ({ code, name: code, level, score });

describe('summarizeRiskLevels', () => {
  it('takes the highest level present with method max', () => {
    expect(summarizeRiskLevels({ 1: 0, 2: 0, 3: 2, 4: 5 }, [], 1, opts).level).toBe(3);
  });
  it('computes Σ weights ÷ km² as the weighted index (1×8 + 1×1 over 2 km² = 4.5)', () => {
    expect(summarizeRiskLevels({ 1: 1, 2: 0, 3: 0, 4: 1 }, [], 2, opts).weightedIndex).toBe(4.5);
  });
  it('grades the weighted index with the default bands (4.5 per km² is above 4 → level 2)', () => {
    expect(summarizeRiskLevels({ 1: 1, 2: 0, 3: 0, 4: 1 }, [], 2, resolveEmapOptions({ method: 'weighted', riskLevels: domainDefaults.riskLevels })).level).toBe(2);
  });
});

describe('insertTopRisk', () => {
  it('keeps the n highest by level then score', () => {
    const top: TopRisk[] = [];
    for (const r of [risk('a', 3, 90), risk('b', 2, 5), risk('c', 3, 95), risk('d', 4, 999)]) insertTopRisk(top, r, 2);
    expect(top.map((t) => t.code)).toEqual(['b', 'c']);
  });
});

describe('emapLegend', () => {
  it('counts areas per level and shows the weighted bands', () => {
    const legend = emapLegend([1, 1, 4, null], resolveEmapOptions({ method: 'weighted', riskLevels: domainDefaults.riskLevels }));
    expect(legend.items.map((i) => [i.count, i.indexAbove])).toEqual([[2, 8], [0, 4], [0, 2], [1, -Infinity]]);
  });
});
