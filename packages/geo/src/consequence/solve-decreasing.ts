/**
 * The x in [lo, hi] where a decreasing f(x) crosses `target` (bisection); `hi` when f(hi) is still
 * above it (the distance is beyond the range), `lo` when f(lo) is already below.
 * @example solveDecreasing((x) => 100 / x, 10, 1, 1000) // → 10
 */
export function solveDecreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  if (f(lo) <= target) return lo;
  if (f(hi) >= target) return hi;
  let a = lo;
  let b = hi;
  for (let k = 0; k < 100 && b - a > 1e-6 * b; k++) {
    const m = (a + b) / 2;
    if (f(m) > target) a = m;
    else b = m;
  }
  return (a + b) / 2;
}
