export type XY = [number, number];

/**
 * Clips a closed ring (planar x/y, first point repeated last) to a convex counter-clockwise polygon
 * (Sutherland–Hodgman). A concave ring cut into pieces comes back as one ring joined by zero-width
 * seams along the clip edge: area and rendering are right. Returns null when nothing is left.
 * @example clipRingToConvex([[0,0],[2,0],[2,2],[0,2],[0,0]], [[1,1],[3,1],[3,3],[1,3]]) // → [[1,1],[2,1],[2,2],[1,2],[1,1]] (some rotation)
 */
export function clipRingToConvex(ring: readonly XY[], clip: readonly XY[]): XY[] | null {
  let output: XY[] = ring.slice(0, -1) as XY[];
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const [ax, ay] = clip[i]!;
    const [bx, by] = clip[(i + 1) % clip.length]!;
    const side = (p: XY) => (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax);
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const cur = input[j]!;
      const prev = input[(j + input.length - 1) % input.length]!;
      const sc = side(cur);
      const sp = side(prev);
      if (sc >= 0) {
        if (sp < 0) output.push(intersect(prev, cur, sp, sc));
        output.push(cur);
      } else if (sp >= 0) {
        output.push(intersect(prev, cur, sp, sc));
      }
    }
  }
  if (output.length < 3 || Math.abs(ringAreaXY([...output, output[0]!])) === 0) return null;
  output.push([output[0]![0], output[0]![1]]);
  return output;
}

function intersect(p: XY, q: XY, sp: number, sq: number): XY {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/** Signed shoelace area of a closed planar ring (positive = counter-clockwise). */
export function ringAreaXY(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}
