/** Shewchuk's bound for the floating-point orientation determinant: beyond it the sign is right. */
const CCW_ERRBOUND_A = (3 + 16 * 2 ** -53) * 2 ** -53;
const view = new DataView(new ArrayBuffer(8));

/**
 * Exact sign of the orientation of c relative to the directed line a→b, on the doubles as given:
 * 1 when a, b, c turn counter-clockwise (c left of a→b), −1 clockwise, 0 exactly collinear. A
 * floating-point filter answers almost every call; near-collinear triples fall back to integer
 * arithmetic on the doubles' exact binary values, so no rounding ever flips or hides a touch.
 * @example orient2dSign(0, 0, 1, 0, 0.5, 1e-300) // → 1
 */
export function orient2dSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): -1 | 0 | 1 {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  const bound = CCW_ERRBOUND_A * (Math.abs(detLeft) + Math.abs(detRight));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  if ((cx === ax && cy === ay) || (cx === bx && cy === by) || (ax === bx && ay === by)) return 0;
  return exactSign([ax, ay, bx, by, cx, cy]);
}

/** The orientation determinant in BigInt after scaling all six doubles to integers by one power of two. */
function exactSign(values: number[]): -1 | 0 | 1 {
  const parts = values.map(decompose);
  const minExp = Math.min(...parts.map((p) => p.exp));
  const [ax, ay, bx, by, cx, cy] = parts.map((p) => p.mantissa << BigInt(p.exp - minExp)) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const det = (ax - cx) * (by - cy) - (ay - cy) * (bx - cx);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/** x = mantissa · 2^exp exactly, mantissa a signed integer (finite doubles only). */
function decompose(x: number): { mantissa: bigint; exp: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const high = biased === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000;
  const magnitude = BigInt(high * 4294967296 + lo);
  return { mantissa: hi >>> 31 ? -magnitude : magnitude, exp: biased === 0 ? -1074 : biased - 1075 };
}
