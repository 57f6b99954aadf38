import { describe, expect, it } from 'vitest';
import { combineExact } from './combine-exact.js';
import type { MipRun } from './run-mip.js';
import type { CoreSolution } from './types.js';

const heuristic: CoreSolution = { chosen: [0, 1], objective: 50, solver: 'heuristic', optimal: false, bound: null, gap: null, timeMs: 1 };
const run = (over: Partial<MipRun>): MipRun => ({ status: 'time-limit', values: new Float64Array([1, 1]), hasSolution: true, objective: 50, bound: null, ...over });
const evaluate = () => 50;

describe('combineExact optimality flags', () => {
  it('does not report a 100 % gap from a fallback bound of 0 (every demand point a candidate): the gap is unknown', () => {
    const r = combineExact(run({ bound: null }), heuristic, 0, 'min', 0, evaluate, 0);
    expect([r.bound, r.gap, r.optimal]).toEqual([null, null, false]);
  });
  it('says the time limit was reached only when HiGHS stopped at it', () => {
    expect(combineExact(run({}), heuristic, 0, 'min', 0, evaluate).timeLimitReached).toBe(true);
    const proven = combineExact(run({ status: 'optimal', bound: 50 }), heuristic, 0, 'min', 0, evaluate);
    expect([proven.optimal, proven.gap, proven.timeLimitReached]).toEqual([true, 0, false]);
  });
  it('keeps a real bound and its gap', () => {
    const r = combineExact(run({ bound: 40 }), heuristic, 0, 'min', 0, evaluate, 0);
    expect([r.bound, r.gap]).toEqual([40, 0.2]);
  });
});
