import { orient2dSign } from './orient2d-sign.js';

/**
 * Whether the closed segments a–b and c–d share at least one point, decided exactly on the doubles
 * (orient2dSign): a proper crossing, an endpoint on the other segment, or a collinear overlap.
 * @example segmentsTouch(0, 0, 2, 2, 0, 2, 2, 0) // → true (they cross at [1, 1])
 */
export function segmentsTouch(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const o1 = orient2dSign(ax, ay, bx, by, cx, cy);
  const o2 = orient2dSign(ax, ay, bx, by, dx, dy);
  const o3 = orient2dSign(cx, cy, dx, dy, ax, ay);
  const o4 = orient2dSign(cx, cy, dx, dy, bx, by);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  // otherwise they meet only where an endpoint lies on the other segment (collinear overlaps included)
  return (o1 === 0 && within(cx, cy, ax, ay, bx, by)) || (o2 === 0 && within(dx, dy, ax, ay, bx, by))
    || (o3 === 0 && within(ax, ay, cx, cy, dx, dy)) || (o4 === 0 && within(bx, by, cx, cy, dx, dy));
}

/** p inside the bounding box of a–b (so on the segment when collinear with it). */
function within(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
}
