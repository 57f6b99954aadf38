import { describe, expect, it } from 'vitest';
import { sweepStatus } from './sweep-status.js';

describe('sweepStatus', () => {
  it('keeps 2,000 random inserts and removals in the order a sorted array has, and finds by comparison', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const key = Array.from({ length: 500 }, () => rnd());
    const status = sweepStatus(500);
    const inside = new Set<number>();
    for (let step = 0; step < 2000; step++) {
      const id = Math.floor(rnd() * 500);
      if (inside.has(id)) { status.remove(id); inside.delete(id); } else { status.insert(id, (a, b) => key[a]! - key[b]!); inside.add(id); }
    }
    const sorted = [...inside].sort((a, b) => key[a]! - key[b]!);
    const walked: number[] = [];
    for (let id = sorted[0]!; id !== -1; id = status.after(id)) walked.push(id);
    expect(walked).toEqual(sorted);
    const back: number[] = [];
    for (let id = sorted[sorted.length - 1]!; id !== -1; id = status.before(id)) back.push(id);
    expect(back).toEqual([...sorted].reverse());
    const target = sorted[Math.floor(sorted.length / 2)]!;
    expect(status.find((other) => key[target]! - key[other]!)).toBe(target);
    expect(status.find((other) => (key[other]! < 2 ? 1 : -1))).toBe(-1);
  });
});
