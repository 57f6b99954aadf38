import type { Kysely } from 'kysely';
import type { Database, SitingScenarioRow } from '../schema.js';

/** A saved siting run as the API returns it (params and result are the stored JSON). */
export interface SitingScenario {
  id: number;
  name: string;
  problem: string;
  params: unknown;
  result: unknown;
  createdBy: string;
  createdAt: string;
  version: number;
  /** The stored run it was saved from (null when saved from params and result, or the run was forgotten). */
  runId: string | null;
}

/** A scenario without its (possibly large) result, for lists. */
export type SitingScenarioSummary = Omit<SitingScenario, 'result' | 'params'> & { params: unknown };

/**
 * Save a siting run as a named scenario and return it with its id.
 * @example await createScenario(db, { name: '5 more shelters', problem: 'mclp', params, result, createdBy: 'planner' })
 */
export async function createScenario(
  db: Kysely<Database>,
  s: { name: string; problem: string; params: unknown; result: unknown; createdBy: string; runId?: string | null },
): Promise<SitingScenario> {
  const row = await db
    .insertInto('siting_scenarios')
    .values({ name: s.name, problem: s.problem, params: JSON.stringify(s.params), result: JSON.stringify(s.result), created_by: s.createdBy, run_id: s.runId ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toScenario(row);
}

/**
 * Saved scenarios, newest first, optionally of one problem kind (without their results).
 * @example await listScenarios(db, { problem: 'mclp' }) // [{ id, name, problem, params, createdBy, createdAt, version }]
 */
export async function listScenarios(db: Kysely<Database>, filter: { problem?: string; limit?: number } = {}): Promise<SitingScenarioSummary[]> {
  let q = db
    .selectFrom('siting_scenarios')
    .select(['id', 'name', 'problem', 'params', 'created_by', 'created_at', 'version', 'run_id'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200);
  if (filter.problem !== undefined) q = q.where('problem', '=', filter.problem);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    problem: r.problem,
    params: r.params,
    runId: r.run_id ?? null,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at as unknown as string).toISOString(),
    version: r.version,
  }));
}

/**
 * One saved scenario with its result, or undefined.
 * @example (await getScenario(db, 3))?.result
 */
export async function getScenario(db: Kysely<Database>, id: number): Promise<SitingScenario | undefined> {
  const row = await db.selectFrom('siting_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toScenario(row) : undefined;
}

/**
 * Delete a saved scenario; true when it existed.
 * @example await deleteScenario(db, 3) // true
 */
export async function deleteScenario(db: Kysely<Database>, id: number): Promise<boolean> {
  const r = await db.deleteFrom('siting_scenarios').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

function toScenario(r: SitingScenarioRow): SitingScenario {
  return {
    id: r.id,
    name: r.name,
    problem: r.problem,
    params: r.params,
    result: r.result,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at as unknown as string).toISOString(),
    version: r.version,
    runId: r.run_id ?? null,
  };
}
