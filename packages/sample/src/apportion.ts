/**
 * Integer apportionment (largest remainder, Hamilton's method): split an integer total into
 * integer parts proportional to weights, summing exactly to the total.
 */

/**
 * Splits `total` into integers proportional to `weights`, each at least `minimum`, summing exactly to `total`.
 * Ties are broken by index, so the result is deterministic.
 * @example apportion(10, [1, 1, 1]) // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total must be a non-negative integer, got ${total}`);
  if (weights.length === 0) throw new Error('apportion: no weights');
  if (weights.some((w) => !(w >= 0))) throw new Error('apportion: weights must be non-negative numbers');
  const free = total - minimum * weights.length;
  if (free < 0) throw new Error(`apportion: total ${total} is below ${weights.length} × minimum ${minimum}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (free * w) / sum : free / weights.length));
  const parts = exact.map((x) => Math.floor(x));
  let left = free - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[(order[k] as { i: number }).i]! += 1;
  return parts.map((p) => p + minimum);
}
