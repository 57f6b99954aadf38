import { describe, expect, it } from 'vitest';
import { generateSample, SAMPLE_SEED } from './index.js';

describe('generateSample', () => {
  it('gives byte-identical JSON for the same seed', () => {
    expect(JSON.stringify(generateSample(SAMPLE_SEED))).toBe(JSON.stringify(generateSample(SAMPLE_SEED)));
  });

  it('uses SAMPLE_SEED by default', () => {
    expect(generateSample().seed).toBe(SAMPLE_SEED);
    expect(SAMPLE_SEED).toBe(20220101);
  });

  it('gives a different dataset for a different seed', () => {
    const a = generateSample(SAMPLE_SEED);
    const b = generateSample(SAMPLE_SEED + 1);
    expect(JSON.stringify(b.demandPoints)).not.toBe(JSON.stringify(a.demandPoints));
    expect(JSON.stringify(b.shelters)).not.toBe(JSON.stringify(a.shelters));
  });

  it('keeps the real geography whatever the seed', () => {
    const a = generateSample(1);
    const b = generateSample(2);
    expect(JSON.stringify(b.county)).toBe(JSON.stringify(a.county));
    expect(JSON.stringify(b.townships.features.map((f) => f.geometry))).toBe(JSON.stringify(a.townships.features.map((f) => f.geometry)));
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => generateSample(1.5)).toThrow(/seed must be an integer/);
  });
});
