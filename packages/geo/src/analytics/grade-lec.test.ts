import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error.js';
import { goldenFixtures } from '../../test/golden.js';
import { gradeLec } from './grade-lec.js';

describe('gradeLec', () => {
  it('multiplies L, E and C into the score D', () => {
    expect(gradeLec({ L: 3, E: 6, C: 7 }, domainDefaults.lec).score).toBe(126);
  });
  it('grades D above 320 as level 1 (重大)', () => {
    expect(gradeLec({ L: 6, E: 6, C: 15 }, domainDefaults.lec).level).toBe(1); // 540
  });
  it('grades D of exactly 320 as level 2, because a band needs a score strictly above it', () => {
    expect(gradeLec({ L: 160, E: 2, C: 1 }, { ...domainDefaults.lec, L: [160], E: [2], C: [1] }).level).toBe(2);
  });
  it('grades D of 180 as level 2 (较大)', () => {
    expect(gradeLec({ L: 3, E: 6, C: 10 }, { ...domainDefaults.lec, C: [10] }).level).toBe(2);
  });
  it('grades D of 126 as level 3 (一般)', () => {
    expect(gradeLec({ L: 3, E: 6, C: 7 }, domainDefaults.lec).level).toBe(3);
  });
  it('grades D of 70 as level 4 (低)', () => {
    expect(gradeLec({ L: 10, E: 1, C: 7 }, domainDefaults.lec).level).toBe(4);
  });
  it('removes floating-point noise from the score', () => {
    expect(gradeLec({ L: 0.1, E: 3, C: 7 }, domainDefaults.lec).score).toBe(2.1);
  });
  it('rejects L = 7 naming the factor and listing the allowed values', () => {
    const error = (() => { try { gradeLec({ L: 7, E: 6, C: 7 }, domainDefaults.lec); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'L', allowed: domainDefaults.lec.L });
  });
  it('rejects C = 50 naming C', () => {
    expect(() => gradeLec({ L: 1, E: 1, C: 50 }, domainDefaults.lec)).toThrow(expect.objectContaining({ field: 'C' }));
  });
  it('uses the bands and version it is given', () => {
    const lec = { ...domainDefaults.lec, methodVersion: 'X', bands: [{ level: 1 as const, above: 100 }, { level: 4 as const, above: -Infinity }] };
    expect(gradeLec({ L: 3, E: 6, C: 7 }, lec)).toMatchObject({ level: 1, methodVersion: 'X' });
  });
});

goldenFixtures('gradeLec', (input: { cases: { L: number; E: number; C: number }[] }) => input.cases.map((c) => gradeLec(c, domainDefaults.lec)));
