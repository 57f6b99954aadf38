import { describe, expect, it } from 'vitest';
import { segmentsTouch } from './segments-touch.js';

describe('segmentsTouch', () => {
  it('finds proper crossings and misses', () => {
    expect(segmentsTouch(0, 0, 2, 2, 0, 2, 2, 0)).toBe(true);
    expect(segmentsTouch(0, 0, 1, 1, 0, 2, 2, 3)).toBe(false);
    expect(segmentsTouch(0, 0, 2, 0, 0, 1, 2, 1)).toBe(false);
  });
  it('counts an endpoint on the other segment, a shared endpoint and a collinear overlap as touching', () => {
    expect(segmentsTouch(0, 0, 4, 0, 2, 0, 2, 3)).toBe(true);
    expect(segmentsTouch(0, 0, 4, 0, 4, 0, 5, 5)).toBe(true);
    expect(segmentsTouch(0, 0, 4, 0, 3, 0, 6, 0)).toBe(true);
    expect(segmentsTouch(0, 0, 1, 1, 2, 2, 3, 3)).toBe(false);
    expect(segmentsTouch(0, 0, 0, 4, 0, 1, 0, 2)).toBe(true);
  });
  it('decides a touch a rounding error away exactly: (0.5 + 2⁻⁵³, 0.5) is off y = x, (0.5, 0.5) is on it', () => {
    expect(segmentsTouch(12, 12, 24, 24, 0.5 + 2 ** -53, 0.5, 20, 0)).toBe(false);
    expect(segmentsTouch(0.5, 0.5, 24, 24, 0.5, 0.5, 20, 0)).toBe(true);
    expect(segmentsTouch(0, 0, 24, 24, 0.5 + 2 ** -53, 0.5, 20, 0)).toBe(false);
    expect(segmentsTouch(0, 0, 24, 24, 0.5 + 2 ** -53, 0.5, 0, 20)).toBe(true);
  });
});
