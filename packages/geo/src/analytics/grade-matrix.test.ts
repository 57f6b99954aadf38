import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { gradeMatrix } from './grade-matrix.js';

describe('gradeMatrix', () => {
  it('multiplies likelihood and severity into R', () => {
    expect(gradeMatrix({ L: 3, S: 4 }, domainDefaults.matrix).score).toBe(12);
  });
  it('grades R = 20 as level 1', () => {
    expect(gradeMatrix({ L: 4, S: 5 }, domainDefaults.matrix).level).toBe(1);
  });
  it('grades R = 16 as level 2', () => {
    expect(gradeMatrix({ L: 4, S: 4 }, domainDefaults.matrix).level).toBe(2);
  });
  it('grades R = 10 as level 2 and R = 9 as level 3', () => {
    expect([gradeMatrix({ L: 2, S: 5 }, domainDefaults.matrix).level, gradeMatrix({ L: 3, S: 3 }, domainDefaults.matrix).level]).toEqual([2, 3]);
  });
  it('grades R = 4 as level 3 and R = 3 as level 4', () => {
    expect([gradeMatrix({ L: 2, S: 2 }, domainDefaults.matrix).level, gradeMatrix({ L: 1, S: 3 }, domainDefaults.matrix).level]).toEqual([3, 4]);
  });
  it('rejects S = 6 naming S with the allowed values', () => {
    expect(() => gradeMatrix({ L: 1, S: 6 }, domainDefaults.matrix)).toThrow(expect.objectContaining({ field: 'S', allowed: [1, 2, 3, 4, 5] }));
  });
  it('rejects a fractional L', () => {
    expect(() => gradeMatrix({ L: 2.5, S: 1 }, domainDefaults.matrix)).toThrow(expect.objectContaining({ field: 'L' }));
  });
  it('reports method matrix with its version', () => {
    expect(gradeMatrix({ L: 1, S: 1 }, domainDefaults.matrix)).toMatchObject({ method: 'matrix', methodVersion: 'LS-2024.1' });
  });
});

goldenFixtures('gradeMatrix', (input: { cases: { L: number; S: number }[] }) => input.cases.map((c) => gradeMatrix(c, domainDefaults.matrix)));
