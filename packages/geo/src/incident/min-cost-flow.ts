export interface FlowArc {
  from: number;
  to: number;
  capacity: number;
  /** Cost per unit of flow; must be ≥ 0. */
  cost: number;
}

export interface MinCostFlowResult {
  /** Units sent from source to sink (the maximum possible, or `maxFlow`). */
  flow: number;
  /** Σ cost × flow over the arcs. */
  cost: number;
  /** Flow on each input arc, in input order. */
  arcFlows: number[];
}

/**
 * Minimum-cost maximum flow by successive shortest paths (Dijkstra on reduced costs with Johnson
 * potentials, stopping when the sink is settled), augmenting by the bottleneck each time: exact,
 * and integral for integer capacities. Nodes are 0 … nodeCount − 1.
 * @example minCostFlow(3, [{ from: 0, to: 1, capacity: 2, cost: 1 }, { from: 1, to: 2, capacity: 5, cost: 1 }], 0, 2) // → { flow: 2, cost: 4, arcFlows: [2, 2] }
 */
export function minCostFlow(nodeCount: number, arcs: readonly FlowArc[], source: number, sink: number, maxFlow = Infinity): MinCostFlowResult {
  const m = arcs.length * 2;
  const to = new Int32Array(m), next = new Int32Array(m), head = new Int32Array(nodeCount).fill(-1);
  const cap = new Float64Array(m), cost = new Float64Array(m);
  arcs.forEach((a, i) => {
    if (!(a.cost >= 0) || !(a.capacity >= 0)) throw new Error(`minCostFlow: arc ${i} needs cost ≥ 0 and capacity ≥ 0; got cost ${a.cost}, capacity ${a.capacity}`);
    if (a.from < 0 || a.from >= nodeCount || a.to < 0 || a.to >= nodeCount) throw new Error(`minCostFlow: arc ${i} joins a node outside 0…${nodeCount - 1}`);
    const e = 2 * i;
    to[e] = a.to; cap[e] = a.capacity; cost[e] = a.cost; next[e] = head[a.from]!; head[a.from] = e;
    to[e + 1] = a.from; cap[e + 1] = 0; cost[e + 1] = -a.cost; next[e + 1] = head[a.to]!; head[a.to] = e + 1;
  });
  const potential = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const prevEdge = new Int32Array(nodeCount);
  const done = new Uint8Array(nodeCount);
  let flow = 0;
  let total = 0;
  while (flow < maxFlow) {
    dist.fill(Infinity); done.fill(0); prevEdge.fill(-1);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === sink) break;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        // Reduced costs are ≥ 0 in exact arithmetic; clamp float noise so Dijkstra stays valid.
        const nd = d + Math.max(0, cost[e]! + potential[u]! - potential[v]!);
        if (nd < dist[v]!) { dist[v] = nd; prevEdge[v] = e; heap.push(nd, v); }
      }
    }
    if (!done[sink]) break;
    const reach = dist[sink]!;
    for (let v = 0; v < nodeCount; v++) potential[v]! += Math.min(dist[v]!, reach);
    let push = maxFlow - flow;
    for (let v = sink; v !== source; v = to[prevEdge[v]! ^ 1]!) push = Math.min(push, cap[prevEdge[v]!]!);
    for (let v = sink; v !== source; v = to[prevEdge[v]! ^ 1]!) {
      const e = prevEdge[v]!;
      cap[e]! -= push; cap[e ^ 1]! += push; total += push * cost[e]!;
    }
    flow += push;
  }
  return { flow, cost: total, arcFlows: arcs.map((_, i) => cap[2 * i + 1]!) };
}

/** Binary min-heap of (key, node) pairs. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];
  get size(): number { return this.keys.length; }
  push(key: number, node: number): void {
    let i = this.keys.length;
    this.keys.push(key); this.nodes.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!; this.nodes[i] = this.nodes[p]!; i = p;
    }
    this.keys[i] = key; this.nodes[i] = node;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.nodes[0]!];
    const key = this.keys.pop()!, node = this.nodes.pop()!;
    const n = this.keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && this.keys[c + 1]! < this.keys[c]!) c++;
        if (this.keys[c]! >= key) break;
        this.keys[i] = this.keys[c]!; this.nodes[i] = this.nodes[c]!; i = c;
      }
      this.keys[i] = key; this.nodes[i] = node;
    }
    return top;
  }
}
