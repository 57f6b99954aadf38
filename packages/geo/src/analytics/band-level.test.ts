import { domainDefaults } from '@riskmap/config';
import { describe, expect, it } from 'vitest';
import { goldenFixtures } from '../../test/golden.js';
import { bandLevel } from './band-level.js';

describe('bandLevel', () => {
  it('returns the first band whose bound the score exceeds', () => {
    expect(bandLevel(161, domainDefaults.lec.bands)).toBe(2);
  });
  it('does not assign a band to a score equal to its bound', () => {
    expect(bandLevel(160, domainDefaults.lec.bands)).toBe(3);
  });
  it('throws a programmer error when no band matches', () => {
    expect(() => bandLevel(1, [{ level: 1, above: 5 }])).toThrow(/no band/);
  });
});

goldenFixtures('bandLevel', (input: { scores: number[] }) => input.scores.map((s) => bandLevel(s, domainDefaults.lec.bands)));
