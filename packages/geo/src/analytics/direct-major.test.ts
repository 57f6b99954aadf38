import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { directMajor, type DirectMajorFacts } from './direct-major.js';

describe('directMajor', () => {
  it('makes a point with a 重大危险源 level 1 with the reason', () => {
    expect(directMajor({ hasMajorHazardSource: true })).toEqual({ level: 1, reasonCode: 'major-hazard-source', reason: '涉及重大危险源' });
  });
  it('makes a point with a fatal accident whose conditions persist level 1', () => {
    expect(directMajor({ hasMajorHazardSource: false, accidents: [{ severity: 'fatal', conditionsPersist: true }] })?.reasonCode).toBe('persisting-serious-accident');
  });
  it('ignores a serious accident whose conditions were removed', () => {
    expect(directMajor({ hasMajorHazardSource: false, accidents: [{ severity: 'serious', conditionsPersist: false }] })).toBeNull();
  });
  it('ignores general accidents even when conditions persist', () => {
    expect(directMajor({ hasMajorHazardSource: false, accidents: [{ severity: 'general', conditionsPersist: true }] })).toBeNull();
  });
});

goldenFixtures('directMajor', (input: { cases: DirectMajorFacts[] }) => input.cases.map((c) => directMajor(c)));
