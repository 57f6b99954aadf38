/** An ordered set of the ids 0…capacity−1 (a treap with parent links): O(log n) expected per operation. */
export interface SweepStatus {
  /** puts `id` where `side(id, other)` says (< 0: before `other`, > 0: after) */
  insert(id: number, side: (id: number, other: number) => number): void;
  remove(id: number): void;
  /** an id for which `side(other)` is 0, searching as if inserting (< 0: before `other`), or −1 */
  find(side: (other: number) => number): number;
  /** the id just before / after `id` in the order, or −1 */
  before(id: number): number;
  after(id: number): number;
}

/**
 * The status structure of a plane sweep: segments ordered along the sweep line, found by a
 * comparison given at each insertion, removed and stepped through by id without comparing.
 * Priorities come from a fixed hash of the id, so runs are reproducible.
 * @example const s = sweepStatus(3); s.insert(1, () => 0); s.insert(2, (a, b) => a - b); s.after(1) // → 2
 */
export function sweepStatus(capacity: number): SweepStatus {
  const left = new Int32Array(capacity).fill(-1);
  const right = new Int32Array(capacity).fill(-1);
  const parent = new Int32Array(capacity).fill(-1);
  const priority = new Uint32Array(capacity);
  for (let i = 0; i < capacity; i++) priority[i] = mix(i);
  let root = -1;

  const replaceChild = (p: number, from: number, to: number) => {
    if (p === -1) root = to;
    else if (left[p] === from) left[p] = to;
    else right[p] = to;
    if (to !== -1) parent[to] = p;
  };
  /** lifts x above its parent */
  const rotateUp = (x: number) => {
    const p = parent[x]!;
    const g = parent[p]!;
    if (left[p] === x) {
      left[p] = right[x]!;
      if (right[x] !== -1) parent[right[x]!] = p;
      right[x] = p;
    } else {
      right[p] = left[x]!;
      if (left[x] !== -1) parent[left[x]!] = p;
      left[x] = p;
    }
    parent[p] = x;
    replaceChild(g, p, x);
  };

  return {
    insert(id, side) {
      left[id] = right[id] = parent[id] = -1;
      if (root === -1) { root = id; return; }
      let node = root;
      for (;;) {
        const goLeft = side(id, node) < 0;
        const next = goLeft ? left[node]! : right[node]!;
        if (next === -1) {
          if (goLeft) left[node] = id; else right[node] = id;
          parent[id] = node;
          break;
        }
        node = next;
      }
      while (parent[id] !== -1 && priority[id]! < priority[parent[id]!]!) rotateUp(id);
    },
    find(side) {
      let node = root;
      while (node !== -1) {
        const c = side(node);
        if (c === 0) return node;
        node = c < 0 ? left[node]! : right[node]!;
      }
      return -1;
    },
    remove(id) {
      while (left[id] !== -1 || right[id] !== -1) {
        const l = left[id]!, r = right[id]!;
        rotateUp(r === -1 || (l !== -1 && priority[l]! < priority[r]!) ? l : r);
      }
      replaceChild(parent[id]!, id, -1);
      parent[id] = -1;
    },
    before(id) {
      if (left[id] !== -1) {
        let n = left[id]!;
        while (right[n] !== -1) n = right[n]!;
        return n;
      }
      let n = id;
      while (parent[n] !== -1 && left[parent[n]!] === n) n = parent[n]!;
      return parent[n]!;
    },
    after(id) {
      if (right[id] !== -1) {
        let n = right[id]!;
        while (left[n] !== -1) n = left[n]!;
        return n;
      }
      let n = id;
      while (parent[n] !== -1 && right[parent[n]!] === n) n = parent[n]!;
      return parent[n]!;
    },
  };
}

/** murmur3's 32-bit finaliser: a well-spread fixed priority per id */
function mix(i: number): number {
  let h = Math.imul(i ^ (i >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
