import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';
import { createRng, layerRng } from './prng.js';

describe('apportion', () => {
  it('sums exactly to the total', () => {
    expect(apportion(700_083, [3, 1.7, 2.2, 0.4]).reduce((a, b) => a + b, 0)).toBe(700_083);
  });

  it('gives equal weights nearly equal parts, remainder to the first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('respects the minimum per part', () => {
    expect(Math.min(...apportion(1000, [100, 1, 0], 80))).toBeGreaterThanOrEqual(80);
  });

  it('throws when the minimum cannot be met', () => {
    expect(() => apportion(100, [1, 1], 60)).toThrow(/below/);
  });
});

describe('createRng', () => {
  it('repeats its sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('draws integers within the inclusive range', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: 1000 }, () => rng.int(1, 6));
    expect(Math.min(...draws)).toBe(1);
    expect(Math.max(...draws)).toBe(6);
  });

  it('gives independent streams per layer', () => {
    expect(layerRng(7, 'shelters').next()).not.toBe(layerRng(7, 'villages').next());
  });
});
