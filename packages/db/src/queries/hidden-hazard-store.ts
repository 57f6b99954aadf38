import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface HazardStep {
  id: number;
  hazardId: number;
  step: string;
  fromStatus: string;
  toStatus: string;
  onDate: string;
  note: string;
  actor: string;
  role: string;
  at: string;
}

export interface HazardAttachmentInfo {
  id: number;
  hazardId: number;
  stepId: number | null;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
}

/** The plain rows statistics and reports are figured from (no geometry). */
export interface HazardRow {
  id: number;
  code: string;
  name: string;
  sample: boolean;
  riskPointCode: string | null;
  enterprise: string;
  place: string;
  townshipCode: string | null;
  category: string;
  grade: string;
  discoverySource: string;
  finder: string;
  foundOn: string;
  description: string;
  responsibleUnit: string;
  responsiblePerson: string;
  measures: string;
  fundsYuan: number | null;
  deadline: string | null;
  contingencyPlan: string;
  status: string;
  supervised: boolean;
  closedOn: string | null;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/**
 * Append one status step to a hazard's history (inside the transaction that changes its status).
 * @example await insertHazardStep(trx, { hazardId: 3, step: 'assign', fromStatus: 'found', toStatus: 'rectifying', onDate: '2026-12-01', note: '', actor: 'li', role: 'planner' })
 */
export async function insertHazardStep(trx: Kysely<Database>, s: Omit<HazardStep, 'id' | 'at'>): Promise<number> {
  const row = await trx
    .insertInto('hidden_hazard_steps')
    .values({ hazard_id: s.hazardId, step: s.step, from_status: s.fromStatus, to_status: s.toStatus, on_date: s.onDate, note: s.note, actor: s.actor, role: s.role })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Append many steps at once (an import's 登记 rows), in batches, inside the caller's transaction.
 * @example await insertHazardSteps(trx, ids.map((hazardId) => ({ hazardId, step: 'record', fromStatus: '', toStatus: 'found', onDate: '2026-12-01', note: '导入', actor: 'li', role: 'planner' })))
 */
export async function insertHazardSteps(trx: Kysely<Database>, steps: Omit<HazardStep, 'id' | 'at'>[]): Promise<void> {
  for (let i = 0; i < steps.length; i += 500) {
    const batch = steps.slice(i, i + 500).map((s) => ({ hazard_id: s.hazardId, step: s.step, from_status: s.fromStatus, to_status: s.toStatus, on_date: s.onDate, note: s.note, actor: s.actor, role: s.role }));
    await trx.insertInto('hidden_hazard_steps').values(batch).execute();
  }
}

/** The history of status steps, oldest first, of one hazard (or of every hazard when `hazardId` is omitted). */
export async function listHazardSteps(db: Kysely<Database>, hazardId?: number): Promise<HazardStep[]> {
  let q = db.selectFrom('hidden_hazard_steps').selectAll().orderBy('hazard_id').orderBy('on_date').orderBy('id');
  if (hazardId !== undefined) q = q.where('hazard_id', '=', hazardId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, hazardId: r.hazard_id, step: r.step, fromStatus: r.from_status, toStatus: r.to_status, onDate: String(r.on_date),
    note: r.note, actor: r.actor, role: r.role, at: iso(r.at),
  }));
}

/** Store one attachment (bytes in the database) of a hazard, optionally tied to a step. */
export async function insertHazardAttachment(
  trx: Kysely<Database>,
  a: { hazardId: number; stepId: number | null; filename: string; mediaType: string; data: Uint8Array; uploadedBy: string },
): Promise<HazardAttachmentInfo> {
  const row = await trx
    .insertInto('hidden_hazard_attachments')
    .values({ hazard_id: a.hazardId, step_id: a.stepId, filename: a.filename, media_type: a.mediaType, size_bytes: a.data.byteLength, data: a.data, uploaded_by: a.uploadedBy })
    .returning(['id', 'uploaded_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, hazardId: a.hazardId, stepId: a.stepId, filename: a.filename, mediaType: a.mediaType, sizeBytes: a.data.byteLength, uploadedBy: a.uploadedBy, uploadedAt: iso(row.uploaded_at) };
}

/** Attachment descriptions (no bytes) of one hazard, oldest first. */
export async function listHazardAttachments(db: Kysely<Database>, hazardId: number): Promise<HazardAttachmentInfo[]> {
  const rows = await db
    .selectFrom('hidden_hazard_attachments')
    .select(['id', 'hazard_id', 'step_id', 'filename', 'media_type', 'size_bytes', 'uploaded_by', 'uploaded_at'])
    .where('hazard_id', '=', hazardId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, hazardId: r.hazard_id, stepId: r.step_id, filename: r.filename, mediaType: r.media_type, sizeBytes: r.size_bytes, uploadedBy: r.uploaded_by, uploadedAt: iso(r.uploaded_at) }));
}

/** One attachment with its bytes, or undefined. */
export async function getHazardAttachment(db: Kysely<Database>, hazardId: number, id: number): Promise<{ filename: string; mediaType: string; data: Uint8Array } | undefined> {
  const r = await db.selectFrom('hidden_hazard_attachments').select(['filename', 'media_type', 'data']).where('hazard_id', '=', hazardId).where('id', '=', id).executeTakeFirst();
  return r ? { filename: r.filename, mediaType: r.media_type, data: r.data } : undefined;
}

/** Every live hazard as plain rows (ordered by code), for statistics and reports. */
export async function listHazardRows(db: Kysely<Database>): Promise<HazardRow[]> {
  const rows = await db.selectFrom('hidden_hazards').selectAll().where('deleted_at', 'is', null).orderBy('code').execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, sample: r.sample, riskPointCode: r.risk_point_code, enterprise: r.enterprise, place: r.place,
    townshipCode: r.township_code, category: r.category, grade: r.grade, discoverySource: r.discovery_source, finder: r.finder,
    foundOn: String(r.found_on), description: r.description, responsibleUnit: r.responsible_unit, responsiblePerson: r.responsible_person,
    measures: r.measures, fundsYuan: r.funds_yuan === null ? null : Number(r.funds_yuan), deadline: r.deadline === null ? null : String(r.deadline),
    contingencyPlan: r.contingency_plan, status: r.status, supervised: r.supervised, closedOn: r.closed_on === null ? null : String(r.closed_on),
  }));
}

/** The township (code) whose polygon holds the point, or null. */
export async function townshipAtPoint(db: Kysely<Database>, lonLat: [number, number]): Promise<string | null> {
  const r = await db
    .selectFrom('admin_areas')
    .select('code')
    .where('level', '=', 'township')
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`ST_Contains(geom, ST_SetSRID(ST_MakePoint(${lonLat[0]}, ${lonLat[1]}), 4326))`)
    .orderBy('code')
    .executeTakeFirst();
  return r?.code ?? null;
}

/** A risk point's code, township and enterprise by code (live rows only), or undefined. */
export async function riskPointByCode(db: Kysely<Database>, code: string): Promise<{ code: string; townshipCode: string | null; enterprise: string; name: string } | undefined> {
  const r = await db.selectFrom('risk_points').select(['code', 'township_code', 'enterprise', 'name']).where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst();
  return r ? { code: r.code, townshipCode: r.township_code, enterprise: r.enterprise, name: r.name } : undefined;
}

/** Township code → name (live townships). */
export async function townshipNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('admin_areas').select(['code', 'name']).where('level', '=', 'township').where('deleted_at', 'is', null).orderBy('code').execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
