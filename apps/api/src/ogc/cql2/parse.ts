import type { Geometry, Position } from 'geojson';
import { Cql2SyntaxError, type ComparisonOp, type Cql2, type GeometryOperand, type Scalar, type SpatialOp } from './ast.js';
import { tokenize, type Token } from './lexer.js';

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const SPATIAL = new Set(['s_intersects', 's_disjoint', 's_within', 's_contains']);
const WKT = new Set(['point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'bbox']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isWord(w: string, at = 0): boolean {
    const t = this.tokens[this.i + at]!;
    return t.t === 'word' && t.v.toLowerCase() === w;
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.t === 'punct' && t.v === p;
  }
  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail(`expected "${p}"`);
    this.i++;
  }
  private expectWord(w: string): void {
    if (!this.isWord(w)) this.fail(`expected ${w.toUpperCase()}`);
    this.i++;
  }
  fail(message: string): never {
    const t = this.peek();
    throw new Cql2SyntaxError(t.t === 'end' ? `${message} but the filter ended` : message, t.pos);
  }

  parseAll(): Cql2 {
    const e = this.orExpr();
    if (this.peek().t !== 'end') this.fail('unexpected text after the expression');
    return e;
  }

  private orExpr(): Cql2 {
    const args = [this.andExpr()];
    while (this.isWord('or')) {
      this.i++;
      args.push(this.andExpr());
    }
    return args.length === 1 ? args[0]! : { op: 'or', args };
  }

  private andExpr(): Cql2 {
    const args = [this.notExpr()];
    while (this.isWord('and')) {
      this.i++;
      args.push(this.notExpr());
    }
    return args.length === 1 ? args[0]! : { op: 'and', args };
  }

  private notExpr(): Cql2 {
    if (this.isWord('not')) {
      this.i++;
      return { op: 'not', arg: this.notExpr() };
    }
    return this.primary();
  }

  private primary(): Cql2 {
    if (this.isPunct('(')) {
      this.i++;
      const e = this.orExpr();
      this.expectPunct(')');
      return e;
    }
    const t = this.peek();
    if (t.t === 'word' && SPATIAL.has(t.v.toLowerCase()) && this.tokens[this.i + 1]?.t === 'punct') {
      this.i++;
      this.expectPunct('(');
      const left = this.geometryOperand();
      this.expectPunct(',');
      const right = this.geometryOperand();
      this.expectPunct(')');
      return { op: 'spatial', fn: t.v.toLowerCase() as SpatialOp, left, right };
    }
    if ((this.isWord('true') || this.isWord('false')) && !this.startsPredicateAfter(1)) {
      return { op: 'literal', value: this.isWord('true') ? (this.i++, true) : (this.i++, false) };
    }
    return this.predicate(this.scalar());
  }

  private startsPredicateAfter(at: number): boolean {
    const t = this.tokens[this.i + at]!;
    return (t.t === 'punct' && COMPARISONS.has(t.v)) || (t.t === 'word' && /^(like|ilike|between|in|is|not)$/i.test(t.v) && !/^(and|or)$/i.test(t.v));
  }

  private predicate(value: Scalar): Cql2 {
    const t = this.peek();
    if (t.t === 'punct' && COMPARISONS.has(t.v)) {
      this.i++;
      return { op: 'compare', cmp: t.v as ComparisonOp, left: value, right: this.scalar() };
    }
    if (this.isWord('is')) {
      this.i++;
      const negated = this.isWord('not') ? (this.i++, true) : false;
      this.expectWord('null');
      return { op: 'isNull', negated, value };
    }
    const negated = this.isWord('not') ? (this.i++, true) : false;
    if (this.isWord('like') || this.isWord('ilike')) {
      const caseInsensitive = this.isWord('ilike');
      this.i++;
      return { op: 'like', negated, caseInsensitive, value, pattern: this.scalar() };
    }
    if (this.isWord('between')) {
      this.i++;
      const low = this.scalar();
      this.expectWord('and');
      return { op: 'between', negated, value, low, high: this.scalar() };
    }
    if (this.isWord('in')) {
      this.i++;
      this.expectPunct('(');
      const list = [this.scalar()];
      while (this.isPunct(',')) {
        this.i++;
        list.push(this.scalar());
      }
      this.expectPunct(')');
      return { op: 'in', negated, value, list };
    }
    return this.fail('expected a comparison, LIKE, BETWEEN, IN or IS NULL');
  }

  private scalar(): Scalar {
    const t = this.next();
    if (t.t === 'string') return { kind: 'string', value: t.v };
    if (t.t === 'number') return { kind: 'number', value: t.v };
    if (t.t === 'quoted') return { kind: 'property', name: t.v };
    if (t.t === 'word') {
      const w = t.v.toLowerCase();
      if (w === 'true' || w === 'false') return { kind: 'boolean', value: w === 'true' };
      if ((w === 'timestamp' || w === 'date') && this.isPunct('(')) {
        this.i++;
        const s = this.next();
        if (s.t !== 'string') {
          this.i--;
          this.fail(`${w.toUpperCase()} takes a quoted value`);
        }
        this.expectPunct(')');
        return { kind: w, value: s.v };
      }
      if (/^(and|or|not|like|between|in|is|null)$/.test(w)) {
        this.i--;
        this.fail(`expected a property or a value, not ${t.v.toUpperCase()}`);
      }
      return { kind: 'property', name: t.v };
    }
    this.i--;
    return this.fail('expected a property or a value');
  }

  private geometryOperand(): GeometryOperand {
    const t = this.peek();
    if (t.t === 'word' && WKT.has(t.v.toLowerCase()) && this.tokens[this.i + 1]?.t === 'punct' && (this.tokens[this.i + 1] as { v: string }).v === '(') {
      this.i++;
      const geometry = this.wkt(t.v.toLowerCase());
      if (t.v.toLowerCase() !== 'bbox') return { kind: 'geometry', geometry };
      const ring = (geometry as import('geojson').Polygon).coordinates[0]!;
      return { kind: 'geometry', geometry, bbox: [ring[0]![0]!, ring[0]![1]!, ring[2]![0]!, ring[2]![1]!] };
    }
    if (t.t === 'word' || t.t === 'quoted') {
      this.i++;
      return { kind: 'property', name: t.v };
    }
    return this.fail('expected a geometry property, a WKT geometry or BBOX(…)');
  }

  private number(): number {
    const t = this.next();
    if (t.t !== 'number') {
      this.i--;
      this.fail('expected a number');
    }
    return t.v;
  }

  private position(): Position {
    const p = [this.number(), this.number()];
    if (this.peek().t === 'number') p.push(this.number());
    return p;
  }

  private list<T>(item: () => T): T[] {
    this.expectPunct('(');
    const out = [item()];
    while (this.isPunct(',')) {
      this.i++;
      out.push(item());
    }
    this.expectPunct(')');
    return out;
  }

  private wkt(kind: string): Geometry {
    const ring = () => this.list(() => this.position());
    switch (kind) {
      case 'bbox': {
        const n = this.list(() => this.number());
        if (n.length !== 4) this.fail('BBOX takes 4 numbers: minLon, minLat, maxLon, maxLat');
        const [x0, y0, x1, y1] = n as [number, number, number, number];
        return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
      }
      case 'point':
        return { type: 'Point', coordinates: this.list(() => this.position())[0]! };
      case 'linestring':
        return { type: 'LineString', coordinates: ring() };
      case 'polygon':
        return { type: 'Polygon', coordinates: this.list(ring) };
      case 'multipoint':
        return { type: 'MultiPoint', coordinates: this.list(() => (this.isPunct('(') ? this.list(() => this.position())[0]! : this.position())) };
      case 'multilinestring':
        return { type: 'MultiLineString', coordinates: this.list(ring) };
      default:
        return { type: 'MultiPolygon', coordinates: this.list(() => this.list(ring)) };
    }
  }
}

/**
 * Parse CQL2 text (comparisons, LIKE, BETWEEN, IN, IS NULL, AND/OR/NOT, S_INTERSECTS and other spatial
 * functions with WKT or BBOX operands, TIMESTAMP/DATE literals) into an AST; throws Cql2SyntaxError.
 * @example parseCql2("status = 'open' AND capacity > 100") // { op: 'and', args: [ … ] }
 */
export function parseCql2(text: string): Cql2 {
  return new Parser(tokenize(text)).parseAll();
}
