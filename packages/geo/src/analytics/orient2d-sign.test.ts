import { describe, expect, it } from 'vitest';
import { orient2dSign } from './orient2d-sign.js';

describe('orient2dSign', () => {
  it('tells left, right and on the line apart', () => {
    expect(orient2dSign(0, 0, 1, 0, 0.5, 1)).toBe(1);
    expect(orient2dSign(0, 0, 1, 0, 0.5, -1)).toBe(-1);
    expect(orient2dSign(0, 0, 1, 0, 7, 0)).toBe(0);
  });
  it('is exact on the 128 × 128 doubles next to (0.5, 0.5) against the line y = x, where plain floating point gets signs wrong', () => {
    // p = (0.5 + i·2⁻⁵³, 0.5 + j·2⁻⁵³) lies left of (12, 12) → (24, 24) exactly when j > i
    const u = 2 ** -53;
    let wrongInFloat = 0;
    for (let i = 0; i < 128; i++) {
      for (let j = 0; j < 128; j++) {
        const [px, py] = [0.5 + i * u, 0.5 + j * u];
        expect(orient2dSign(px, py, 12, 12, 24, 24)).toBe(Math.sign(j - i));
        if (Math.sign((12 - px) * (24 - py) - (12 - py) * (24 - px)) !== Math.sign(j - i)) wrongInFloat += 1;
      }
    }
    expect(wrongInFloat).toBeGreaterThan(1000);
  });
  it('sees a point 2⁻¹¹² off a line through tiny and unit coordinates, and lon/lat points exactly on a line', () => {
    expect(orient2dSign(0, 0, 1, 1, 2 ** -60, 2 ** -60)).toBe(0);
    expect(orient2dSign(0, 0, 1, 1, 2 ** -60, 2 ** -60 + 2 ** -112)).toBe(1);
    expect(orient2dSign(0, 0, 1, 1, 2 ** -60 + 2 ** -112, 2 ** -60)).toBe(-1);
    expect(orient2dSign(115.5, 36, 116, 36.5, 115.75, 36.25)).toBe(0);
    expect(orient2dSign(4 * 2 ** -1074, 0, 0, 4 * 2 ** -1074, 2 * 2 ** -1074, 2 * 2 ** -1074)).toBe(0);
    expect(orient2dSign(4 * 2 ** -1074, 0, 0, 4 * 2 ** -1074, 2 * 2 ** -1074, 3 * 2 ** -1074)).toBe(-1);
  });
});
