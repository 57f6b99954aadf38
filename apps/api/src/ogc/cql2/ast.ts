/** A CQL2 scalar: a property reference or a literal (timestamps and dates as their text). */
export type Scalar =
  | { kind: 'property'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'timestamp'; value: string }
  | { kind: 'date'; value: string };

/**
 * A geometry operand: a property or a literal geometry as GeoJSON (BBOX becomes its polygon and keeps its four
 * numbers in `bbox`, so a box in a projected filter-crs is densified before it is transformed).
 */
export type GeometryOperand = { kind: 'property'; name: string } | { kind: 'geometry'; geometry: import('geojson').Geometry; bbox?: [number, number, number, number] };

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type SpatialOp = 's_intersects' | 's_disjoint' | 's_within' | 's_contains';

/** A parsed CQL2 text boolean expression. */
export type Cql2 =
  | { op: 'and' | 'or'; args: Cql2[] }
  | { op: 'not'; arg: Cql2 }
  | { op: 'literal'; value: boolean }
  | { op: 'compare'; cmp: ComparisonOp; left: Scalar; right: Scalar }
  | { op: 'like'; negated: boolean; caseInsensitive: boolean; value: Scalar; pattern: Scalar }
  | { op: 'between'; negated: boolean; value: Scalar; low: Scalar; high: Scalar }
  | { op: 'in'; negated: boolean; value: Scalar; list: Scalar[] }
  | { op: 'isNull'; negated: boolean; value: Scalar }
  | { op: 'spatial'; fn: SpatialOp; left: GeometryOperand; right: GeometryOperand };

/** A CQL2 syntax error at a character position of the filter text. */
export class Cql2SyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} (at character ${position + 1})`);
  }
}
