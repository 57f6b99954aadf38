import { describe, expect, it } from 'vitest';
import { areaShortfallM2 } from './area-shortfall.js';

describe('areaShortfallM2', () => {
  it('is the whole m² still to add, rounded up; 0 when the target is met', () => {
    expect(areaShortfallM2(2.5, 1000, 2400.2)).toBe(100);
    expect(areaShortfallM2(2.5, 1000, 2499.5)).toBe(1);
    expect(areaShortfallM2(2.5, 1000, 2500)).toBe(0);
    expect(areaShortfallM2(2.5, 1000, 9000)).toBe(0);
    expect(areaShortfallM2(2.5, 0, 0)).toBe(0);
  });
  it('never asks for a m² because of float noise', () => {
    expect(areaShortfallM2(0.1, 3, 0.3)).toBe(0); // 0.1 × 3 = 0.30000000000000004
    expect(areaShortfallM2(2.5, 1000, 2400 - 1e-9)).toBe(100);
  });
});
