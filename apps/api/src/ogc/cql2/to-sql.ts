import { sql, type RawBuilder } from '@riskmap/db';
import type { Scalar, Cql2, GeometryOperand } from './ast.js';

/** A property a filter may name: its column and how its values compare. */
export interface Queryable {
  column: string;
  kind: 'integer' | 'number' | 'boolean' | 'text' | 'timestamp' | 'geometry';
}

/** A filter that names an unknown property or compares values of the wrong type. */
export class Cql2TypeError extends Error {}

type Value = { sql: RawBuilder<unknown>; kind: Queryable['kind'] | 'string' | 'any' };

function property(name: string, queryables: ReadonlyMap<string, Queryable>): Queryable {
  const q = queryables.get(name);
  if (!q) throw new Cql2TypeError(`unknown queryable "${name}" (allowed: ${[...queryables.keys()].join(', ')})`);
  return q;
}

function literal(s: Scalar, want: Value['kind']): RawBuilder<unknown> {
  switch (s.kind) {
    case 'number':
      if (want !== 'integer' && want !== 'number' && want !== 'any') throw new Cql2TypeError(`a number cannot be compared with a ${want} property`);
      return sql`${s.value}`;
    case 'boolean':
      if (want !== 'boolean' && want !== 'any') throw new Cql2TypeError(`a boolean cannot be compared with a ${want} property`);
      return sql`${s.value}`;
    case 'timestamp':
    case 'date':
    case 'string': {
      if (want === 'timestamp' || s.kind !== 'string') {
        const d = new Date(s.value);
        if (Number.isNaN(d.getTime())) throw new Cql2TypeError(`"${s.value}" is not a valid date or time`);
        if (want !== 'timestamp' && want !== 'any') throw new Cql2TypeError(`a ${s.kind} cannot be compared with a ${want} property`);
        return sql`${d}`;
      }
      if (want !== 'text' && want !== 'any' && want !== 'string') throw new Cql2TypeError(`a string cannot be compared with a ${want} property`);
      return sql`${s.value}`;
    }
    default:
      throw new Cql2TypeError('expected a value');
  }
}

function operands(a: Scalar, b: Scalar, queryables: ReadonlyMap<string, Queryable>): [RawBuilder<unknown>, RawBuilder<unknown>] {
  const side = (s: Scalar, other: Scalar): RawBuilder<unknown> => {
    if (s.kind === 'property') {
      const q = property(s.name, queryables);
      if (q.kind === 'geometry') throw new Cql2TypeError(`"${s.name}" is a geometry; use S_INTERSECTS`);
      return sql.ref(q.column);
    }
    const kind = other.kind === 'property' ? property(other.name, queryables).kind : 'any';
    return literal(s, kind);
  };
  return [side(a, b), side(b, a)];
}

function geometry(g: GeometryOperand, queryables: ReadonlyMap<string, Queryable>): RawBuilder<unknown> {
  if (g.kind === 'geometry') return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g.geometry)}), 4326)`;
  const q = property(g.name, queryables);
  if (q.kind !== 'geometry') throw new Cql2TypeError(`"${g.name}" is not a geometry`);
  return sql.ref(q.column);
}

const CMP = { '=': sql`=`, '<>': sql`<>`, '<': sql`<`, '<=': sql`<=`, '>': sql`>`, '>=': sql`>=` };
const NOT = (negated: boolean) => (negated ? sql`NOT ` : sql``);
const SPATIAL_SQL = { s_intersects: sql`ST_Intersects`, s_disjoint: sql`ST_Disjoint`, s_within: sql`ST_Within`, s_contains: sql`ST_Contains` };

/**
 * A kysely boolean expression for a CQL2 AST over a layer's queryables: properties become column
 * references (sql.ref of a known column), every literal a bound parameter; wrong names or types throw
 * Cql2TypeError.
 * @example filteredLayer(db, d, { where: [cql2ToSql(parseCql2("status = 'open'"), queryables)] })
 */
export function cql2ToSql(e: Cql2, queryables: ReadonlyMap<string, Queryable>): RawBuilder<boolean> {
  switch (e.op) {
    case 'and':
    case 'or':
      return sql<boolean>`(${sql.join(e.args.map((a) => cql2ToSql(a, queryables)), e.op === 'and' ? sql` AND ` : sql` OR `)})`;
    case 'not':
      return sql<boolean>`(NOT ${cql2ToSql(e.arg, queryables)})`;
    case 'literal':
      return e.value ? sql<boolean>`true` : sql<boolean>`false`;
    case 'compare': {
      const [l, r] = operands(e.left, e.right, queryables);
      return sql<boolean>`(${l} ${CMP[e.cmp]} ${r})`;
    }
    case 'like': {
      if (e.value.kind === 'property' && property(e.value.name, queryables).kind !== 'text') throw new Cql2TypeError(`LIKE needs a text property, not "${e.value.name}"`);
      if (e.pattern.kind !== 'string') throw new Cql2TypeError('LIKE needs a quoted pattern');
      const [l, r] = operands(e.value, e.pattern, queryables);
      return sql<boolean>`(${l} ${NOT(e.negated)}${e.caseInsensitive ? sql`ILIKE` : sql`LIKE`} ${r})`;
    }
    case 'between': {
      const [v, lo] = operands(e.value, e.low, queryables);
      const [, hi] = operands(e.value, e.high, queryables);
      return sql<boolean>`(${v} ${NOT(e.negated)}BETWEEN ${lo} AND ${hi})`;
    }
    case 'in': {
      const [v] = operands(e.value, e.list[0]!, queryables);
      const list = e.list.map((item) => operands(e.value, item, queryables)[1]);
      return sql<boolean>`(${v} ${NOT(e.negated)}IN (${sql.join(list)}))`;
    }
    case 'isNull': {
      if (e.value.kind !== 'property') throw new Cql2TypeError('IS NULL needs a property');
      const q = property(e.value.name, queryables);
      return sql<boolean>`(${sql.ref(q.column)} IS ${NOT(e.negated)}NULL)`;
    }
    case 'spatial':
      return sql<boolean>`${SPATIAL_SQL[e.fn]}(${geometry(e.left, queryables)}, ${geometry(e.right, queryables)})`;
  }
}
