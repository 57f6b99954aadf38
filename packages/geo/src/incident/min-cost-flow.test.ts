import { describe, expect, it } from 'vitest';
import { minCostFlow } from './min-cost-flow.js';

describe('minCostFlow', () => {
  it('sends the maximum flow through a chain at the sum of its costs', () => {
    expect(minCostFlow(3, [{ from: 0, to: 1, capacity: 2, cost: 1 }, { from: 1, to: 2, capacity: 5, cost: 1 }], 0, 2)).toEqual({ flow: 2, cost: 4, arcFlows: [2, 2] });
  });

  it('undoes a greedy choice through a reverse arc (optimal 3, greedy would pay 101)', () => {
    // source 0; villages 1, 2 (1 person each); shelters 3, 4 (1 place each); sink 5.
    const arcs = [
      { from: 0, to: 1, capacity: 1, cost: 0 }, { from: 0, to: 2, capacity: 1, cost: 0 },
      { from: 1, to: 3, capacity: 1, cost: 1 }, { from: 1, to: 4, capacity: 1, cost: 2 },
      { from: 2, to: 3, capacity: 1, cost: 1 }, { from: 2, to: 4, capacity: 1, cost: 100 },
      { from: 3, to: 5, capacity: 1, cost: 0 }, { from: 4, to: 5, capacity: 1, cost: 0 },
    ];
    const r = minCostFlow(6, arcs, 0, 5);
    expect([r.flow, r.cost]).toEqual([2, 3]);
    expect(r.arcFlows.slice(2, 6)).toEqual([0, 1, 1, 0]);
  });

  it('stops at maxFlow when asked for less than the network carries', () => {
    expect(minCostFlow(2, [{ from: 0, to: 1, capacity: 10, cost: 3 }], 0, 1, 4)).toMatchObject({ flow: 4, cost: 12 });
  });

  it('sends nothing when the sink cannot be reached', () => {
    expect(minCostFlow(3, [{ from: 0, to: 1, capacity: 10, cost: 3 }], 0, 2)).toEqual({ flow: 0, cost: 0, arcFlows: [0] });
  });

  it('refuses negative costs', () => {
    expect(() => minCostFlow(2, [{ from: 0, to: 1, capacity: 1, cost: -1 }], 0, 1)).toThrow(/cost ≥ 0/);
  });
});
