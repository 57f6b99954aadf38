import type { RoadGraph } from './build-road-graph.js';

/**
 * Dijkstra from one node of a road graph: minutes to every node (Infinity where unreachable).
 * @example shortestMinutes(graph, 0)[5]; // 3.2
 */
export function shortestMinutes(g: RoadGraph, source: number): Float64Array {
  const n = g.start.length - 1;
  const dist = new Float64Array(n).fill(Infinity);
  const heapNode: number[] = [];
  const heapKey: number[] = [];
  const push = (v: number, k: number): void => {
    let i = heapNode.length;
    heapNode.push(v);
    heapKey.push(k);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent]! <= k) break;
      heapNode[i] = heapNode[parent]!;
      heapKey[i] = heapKey[parent]!;
      i = parent;
    }
    heapNode[i] = v;
    heapKey[i] = k;
  };
  const pop = (): void => {
    const lastN = heapNode.pop()!;
    const lastK = heapKey.pop()!;
    const size = heapNode.length;
    if (size === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= lastK) break;
      heapNode[i] = heapNode[child]!;
      heapKey[i] = heapKey[child]!;
      i = child;
    }
    heapNode[i] = lastN;
    heapKey[i] = lastK;
  };
  dist[source] = 0;
  push(source, 0);
  while (heapNode.length > 0) {
    const u = heapNode[0]!;
    const du = heapKey[0]!;
    pop();
    if (du > dist[u]!) continue;
    for (let e = g.start[u]!; e < g.start[u + 1]!; e++) {
      const v = g.to[e]!;
      const dv = du + g.minutes[e]!;
      if (dv < dist[v]!) {
        dist[v] = dv;
        push(v, dv);
      }
    }
  }
  return dist;
}
