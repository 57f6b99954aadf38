import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * CHECK constraints on the layer tables' enumerated columns and basic ranges, so that the database refuses what the
 * vocabulary refuses even when a write bypasses the API's rules.
 *
 * The lists are a frozen snapshot of the vocabulary (@riskmap/contract ENUMERATIONS) as of this migration: a migration
 * never imports a list that can change later. packages/db/test/vocabulary-checks.test.ts compares them with the current
 * vocabulary, so a vocabulary change fails that test until a new migration replaces these constraints.
 *
 * Each constraint is named `<table>_<column>_check` (PostgreSQL's own name for a column check), which the API maps back
 * to the field it names. The seven column checks the earlier migrations wrote with those names are replaced by the
 * snapshot's (same values) and restored by `down`. Rows that violate a new constraint stop the migration with a
 * message naming them; nothing is altered.
 */

/** An enumerated column: its values, and the vocabulary (enumeration id) they come from. */
export interface EnumCheck {
  table: string;
  column: string;
  enumeration: string;
  values: readonly (string | number)[];
  /** A jsonb array whose every item is one of the values (a closed list field). */
  list?: true;
}

/** A number column's range: `min` inclusive unless `above` (strictly greater). */
export interface RangeCheck {
  table: string;
  column: string;
  min: number;
  above?: true;
}

const ADMIN_LEVELS = ['county', 'township', 'village'];
const SITE_TYPES = ['park', 'square', 'school', 'stadium', 'civil-defence', 'green', 'vacant', 'other'];

export const ENUM_CHECKS: readonly EnumCheck[] = [
  { table: 'admin_areas', column: 'level', enumeration: 'adminLevels', values: ADMIN_LEVELS },
  { table: 'admin_areas', column: 'kind', enumeration: 'townshipKinds', values: ['subdistrict', 'town', 'township', 'county'] },
  { table: 'risk_points', column: 'industry', enumeration: 'industries', values: ['hazardous-chemicals', 'gas', 'transport', 'construction', 'metallurgy', 'fireworks', 'ammonia-refrigeration', 'school', 'crowded-place', 'other'] },
  { table: 'risk_points', column: 'assessment_method', enumeration: 'assessmentMethods', values: ['lec', 'matrix'] },
  { table: 'risk_points', column: 'level', enumeration: 'riskLevels', values: [1, 2, 3, 4] },
  { table: 'hazard_sources', column: 'grade', enumeration: 'hazardGrades', values: [1, 2, 3, 4] },
  { table: 'shelters', column: 'shelter_class', enumeration: 'shelterClasses', values: ['emergency', 'short-term', 'medium-term', 'long-term', 'central'] },
  { table: 'shelters', column: 'site_type', enumeration: 'siteTypes', values: SITE_TYPES },
  { table: 'shelters', column: 'status', enumeration: 'shelterStatuses', values: ['planned', 'built', 'open', 'closed'] },
  { table: 'warehouses', column: 'level', enumeration: 'warehouseLevels', values: ['county', 'township', 'park'] },
  { table: 'fire_stations', column: 'station_type', enumeration: 'stationTypes', values: ['class-1', 'class-2', 'special', 'small', 'township-full-time-1', 'township-full-time-2', 'township-volunteer', 'micro'] },
  { table: 'demand_points', column: 'kind', enumeration: 'demandPointKinds', values: ['village', 'community'] },
  { table: 'candidate_sites', column: 'site_type', enumeration: 'siteTypes', values: SITE_TYPES },
  { table: 'candidate_sites', column: 'suitable_for', enumeration: 'candidateUses', values: ['shelter', 'fire-station'], list: true },
  { table: 'hidden_hazards', column: 'category', enumeration: 'hazardCategories', values: ['hazardous-chemicals', 'transport', 'fire', 'construction', 'industry', 'special-equipment', 'gas', 'farm-machinery', 'other'] },
  { table: 'hidden_hazards', column: 'grade', enumeration: 'hiddenHazardGrades', values: ['general', 'major'] },
  { table: 'hidden_hazards', column: 'discovery_source', enumeration: 'discoverySources', values: ['self-inspection', 'department-inspection', 'expert-inspection', 'public-report'] },
  { table: 'hidden_hazards', column: 'status', enumeration: 'hazardStatuses', values: ['found', 'rectifying', 'awaiting-acceptance', 'closed'] },
];

/** Ranges the layers' schemas state that no earlier migration checks (areas, capacity and population are checked since the first). */
export const RANGE_CHECKS: readonly RangeCheck[] = [
  { table: 'risk_points', column: 'score', min: 0 },
  { table: 'hazard_sources', column: 's_value', min: 0 },
  { table: 'hazard_sources', column: 'alpha', min: 0 },
  { table: 'hazard_sources', column: 'r_value', min: 0 },
  { table: 'hazard_sources', column: 'people_within_500m', min: 0 },
  { table: 'warehouses', column: 'floor_area_m2', min: 0 },
  { table: 'fire_stations', column: 'vehicles', min: 0 },
  { table: 'fire_stations', column: 'staff', min: 0 },
  { table: 'fire_stations', column: 'turnout_minutes', min: 0, above: true },
  { table: 'candidate_sites', column: 'area_m2', min: 0 },
  { table: 'candidate_sites', column: 'effective_area_m2', min: 0 },
  { table: 'hidden_hazards', column: 'funds_yuan', min: 0 },
];

/** The column checks of earlier migrations that this one replaces, as they were (restored by down). */
const REPLACED: readonly { table: string; column: string; expression: string }[] = [
  { table: 'admin_areas', column: 'level', expression: "level in ('county','township','village')" },
  { table: 'risk_points', column: 'assessment_method', expression: "assessment_method in ('lec','matrix')" },
  { table: 'risk_points', column: 'level', expression: 'level between 1 and 4' },
  { table: 'hazard_sources', column: 'grade', expression: 'grade between 1 and 4' },
  { table: 'shelters', column: 'status', expression: "status in ('planned','built','open','closed')" },
  { table: 'warehouses', column: 'level', expression: "level in ('county','township','park')" },
  { table: 'hidden_hazards', column: 'grade', expression: "grade in ('general','major')" },
];

/** The name of a column's check (PostgreSQL's convention for column constraints). */
export function checkName(table: string, column: string): string {
  return `${table}_${column}_check`;
}

function enumExpression(c: EnumCheck): RawBuilder<unknown> {
  const column = sql.ref(c.column);
  const values = sql.join(c.values.map((v) => sql.lit(v)));
  if (!c.list) return sql`${column} in (${values})`;
  const allowed = JSON.stringify(c.values);
  return sql`jsonb_typeof(${column}) = 'array' and ${column} <@ ${sql.lit(allowed)}::jsonb`;
}

function rangeExpression(c: RangeCheck): RawBuilder<unknown> {
  return c.above ? sql`${sql.ref(c.column)} > ${sql.lit(c.min)}` : sql`${sql.ref(c.column)} >= ${sql.lit(c.min)}`;
}

function constraints(): { table: string; column: string; rule: string; expression: RawBuilder<unknown> }[] {
  return [
    ...ENUM_CHECKS.map((c) => ({ table: c.table, column: c.column, rule: c.list ? `each item one of ${c.values.join(', ')}` : `one of ${c.values.join(', ')}`, expression: enumExpression(c) })),
    ...RANGE_CHECKS.map((c) => ({ table: c.table, column: c.column, rule: `${c.above ? '>' : '≥'} ${c.min}`, expression: rangeExpression(c) })),
  ];
}

/** Rows that would violate a constraint, at most five a column: `table.column = value (code …)`. */
async function violations(db: Kysely<any>): Promise<string[]> {
  const found: string[] = [];
  for (const c of constraints()) {
    const { rows } = await sql<{ code: string; value: unknown }>`
      select code, ${sql.ref(c.column)} as value from ${sql.table(c.table)}
      where not coalesce(${c.expression}, true) order by id limit 5`.execute(db);
    for (const r of rows) found.push(`${c.table}.${c.column} = ${JSON.stringify(r.value)} (code ${r.code}; must be ${c.rule})`);
  }
  return found;
}

export async function up(db: Kysely<any>): Promise<void> {
  const bad = await violations(db);
  if (bad.length) {
    throw new Error(
      `the vocabulary checks cannot be added: ${bad.length} stored value(s) are outside the vocabulary or range — ${bad.join('; ')}. ` +
        'Nothing was changed: correct these records (or extend the vocabulary with a migration of its own) and migrate again.',
    );
  }
  for (const r of REPLACED) await db.schema.alterTable(r.table).dropConstraint(checkName(r.table, r.column)).ifExists().execute();
  for (const c of constraints()) await db.schema.alterTable(c.table).addCheckConstraint(checkName(c.table, c.column), c.expression).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of constraints()) await db.schema.alterTable(c.table).dropConstraint(checkName(c.table, c.column)).ifExists().execute();
  for (const r of REPLACED) await db.schema.alterTable(r.table).addCheckConstraint(checkName(r.table, r.column), sql.raw(r.expression)).execute();
}
