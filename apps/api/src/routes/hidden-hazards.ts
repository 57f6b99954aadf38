import { Router } from 'express';
import { z } from 'zod';
import { hiddenHazardGet, hiddenHazardList, hiddenHazardRecord, hiddenHazardStep, hiddenHazardVocabulary } from '@riskmap/contract';
import type { Feature } from 'geojson';
import { LAYERS, createFeature, getLayer, insertHazardStep, listHazardAttachments, listHazardSteps, readFeatureForEdit, riskPointByCode, updateFeature } from '@riskmap/db';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http/http-error.js';
import { userOf } from '../http/role.js';
import { SIGNED_IN, requireRole } from '../auth/require-role.js';
import { mountRoute } from '../http/mount-route.js';
import { parseCreate } from '../validation/index.js';
import { editContext } from '../editing/edit-rules.js';
import { editTransaction } from '../editing/edit-transaction.js';
import { refusalError } from './edit-answer.js';
import { featureRules, throwVerdict } from '../editing/feature-rules.js';
import { checkGeometryShape } from '../validation/geometry-shape.js';
import { allowedStep, missingRequirements, statusAfter } from '../hidden-hazards/flow.js';
import { hazardState } from '../hidden-hazards/hazard-state.js';
import { todayOf } from '../hidden-hazards/today.js';

const d = LAYERS['hidden-hazards'];

/** A stored feature with its state on `today` (逾期 computed, never stored). */
export function withState(f: Feature, today: string, deps: AppDeps): Feature {
  const p = f.properties as Record<string, any>;
  const s = hazardState({ status: p.status, deadline: p.deadline, grade: p.grade, supervised: p.supervised }, today, deps.config.domain.hiddenHazards);
  return { ...f, properties: { ...p, open: s.open, overdue: s.overdue, shown: s.shown, shownZh: s.shownZh, shownEn: s.shownEn, color: s.color } };
}

function idOf(raw: string): number {
  const parsed = z.coerce.number().int().positive().max(2 ** 31 - 1).safeParse(raw);
  if (!parsed.success) throw new HttpError(404, 'not_found', `no hidden hazard "${raw}"`, { field: 'id' });
  return parsed.data;
}

/**
 * The hidden-hazard register (signed-in roles only): `GET /api/hidden-hazards` (GeoJSON with 逾期 computed),
 * `GET /api/hidden-hazards/:id` (with its steps and attachments), `POST /api/hidden-hazards` (the 登记 step)
 * and `POST /api/hidden-hazards/:id/steps` (one step of the configured flow, by an allowed role, versioned).
 * @example curl -b jar -d '{"step":"assign","version":1,"properties":{…}}' /api/hidden-hazards/3/steps
 */
export function hiddenHazardsRouter(deps: AppDeps): Router {
  const router = Router();
  const cfg = () => deps.config.domain.hiddenHazards;
  const signedIn = requireRole(...SIGNED_IN);

  mountRoute(router, hiddenHazardVocabulary, (_req, res) => {
    const c = cfg();
    res.json({ categories: c.categories, grades: c.grades, sources: c.sources, statuses: c.statuses, overdue: c.overdue, supervised: c.supervised, flow: c.flow, recurring: c.recurring, flagRiskPointGrades: c.flagRiskPointGrades, attachments: c.attachments, majorCriteria: c.majorCriteria, today: todayOf(deps) });
  });

  mountRoute(router, hiddenHazardList, async (_req, res, { query: q }) => {
    const today = todayOf(deps);
    const fc = await getLayer(deps.db, d);
    const features = fc.features
      .map((f) => withState(f, today, deps))
      .filter((f) => {
        const p = f.properties as Record<string, any>;
        return (q.open === undefined || String(p.open) === q.open) && (!q.township || p.townshipCode === q.township) && (!q.category || p.category === q.category) && (!q.grade || p.grade === q.grade) && (!q.riskPoint || p.riskPointCode === q.riskPoint);
      });
    res.set('Cache-Control', 'no-store').type('application/geo+json').json({ type: 'FeatureCollection', today, features });
  });

  mountRoute(router, hiddenHazardGet, async (_req, res, { params }) => {
    const id = idOf(params.id);
    const current = await readFeatureForEdit(deps.db, d, id);
    if (!current || current.deletedAt) throw new HttpError(404, 'not_found', `no hidden hazard ${id}`, { field: 'id' });
    const [steps, attachments] = await Promise.all([listHazardSteps(deps.db, id), listHazardAttachments(deps.db, id)]);
    res.set('Cache-Control', 'no-store').json({ ...withState(current.feature, todayOf(deps), deps), steps, attachments });
  });

  // Signed-in roles reach the handler; the flow's record step says who may record (planner and admin by default).
  router.post('/hidden-hazards', signedIn);
  mountRoute(router, hiddenHazardRecord, async (req, res) => {
    const user = userOf(res)!;
    const step = allowedStep(cfg(), 'record', '', user.role);
    const today = todayOf(deps);
    const body = req.body as { properties?: Record<string, unknown> } | undefined;
    const props = { ...(body?.properties ?? {}) };
    props.code ??= `YH-${today.replaceAll('-', '')}-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    props.foundOn ??= today;
    props.status = step.to;
    props.closedOn = null;
    const input = parseCreate('hidden-hazards', { ...(body ?? {}), properties: props });
    const p = input.properties as Record<string, any>;
    await checkGeometryShape(input.geometry!, 'geometry', deps.config.resilience.geometry);
    if (!Object.hasOwn(cfg().categories, p.category)) {
      throw new HttpError(400, 'invalid_input', `properties.category: unknown category "${p.category}"`, { fields: [{ field: 'properties.category', message: 'unknown category', allowed: Object.keys(cfg().categories) }] });
    }
    if (p.riskPointCode) {
      const rp = await riskPointByCode(deps.db, p.riskPointCode);
      if (!rp) throw new HttpError(400, 'invalid_input', `properties.riskPointCode: no risk point "${p.riskPointCode}"`, { fields: [{ field: 'properties.riskPointCode', message: 'no such risk point' }] });
      p.townshipCode ??= rp.townshipCode;
      if (!p.enterprise) p.enterprise = rp.enterprise;
    }
    p.supervised = cfg().supervisedGrades.includes(p.grade);
    const outcome = await editTransaction(deps, async (trx) => {
      // The same rules as every edit: inside the county, township from the location, the planner's scope by location.
      const [verdict] = await featureRules(trx, d, user, [{ type: 'Feature', geometry: input.geometry!, properties: p }], deps.config.domain.geometry, { shapesChecked: true });
      const township = throwVerdict(verdict!);
      if (township !== undefined) p.townshipCode = township;
      const o = await createFeature(trx, d, input, editContext(d, user));
      if (!o.ok) return o;
      await insertHazardStep(trx, { hazardId: o.feature.id as number, step: step.key, fromStatus: '', toStatus: step.to, onDate: p.foundOn, note: String((req.body as any)?.note ?? ''), actor: user.username, role: user.role });
      return o;
    });
    if (!outcome.ok) throw outcome.reason === 'refused' ? refusalError(outcome.refusal) : new HttpError(409, 'conflict', 'not recorded');
    res.status(201).type('application/geo+json').json(withState(outcome.feature, today, deps));
  });

  mountRoute(router, hiddenHazardStep, async (_req, res, { params, body }) => {
    const user = userOf(res)!;
    const id = idOf(params.id);
    const today = todayOf(deps);
    const onDate = body.onDate ?? today;
    const outcome = await editTransaction(deps, async (trx) => {
      const current = await readFeatureForEdit(trx, d, id, { forUpdate: true });
      if (!current || current.deletedAt) throw new HttpError(404, 'not_found', `no hidden hazard ${id}`, { field: 'id' });
      const props = current.feature.properties as Record<string, any>;
      const taken = (await listHazardSteps(trx, id)).map((s) => s.step);
      const step = allowedStep(cfg(), body.step, props.status, user.role, { grade: props.grade, taken });
      if (current.version !== body.version) {
        throw new HttpError(409, 'version_conflict', `the hazard changed since you read it (now version ${current.version})`, { current: current.feature, currentVersion: current.version, step: step.key });
      }
      const after = { ...props, ...body.properties };
      const missing = missingRequirements(step, after);
      if (missing.length) {
        throw new HttpError(400, 'invalid_input', `the step “${step.zh}” (${step.key}) needs ${missing.map((f) => `properties.${f}`).join(', ')}`, { step: step.key, fields: missing.map((f) => ({ field: `properties.${f}`, message: 'required for this step' })) });
      }
      if (step.needsNote && body.note.trim() === '') {
        throw new HttpError(400, 'invalid_input', `note: the step “${step.zh}” (${step.key}) needs a note (e.g. to whom it was reported)`, { step: step.key, fields: [{ field: 'note', message: 'required for this step' }] });
      }
      if (onDate < props.foundOn) throw new HttpError(400, 'invalid_input', `onDate: ${onDate} is before the hazard was found (${props.foundOn})`, { fields: [{ field: 'onDate', message: 'before foundOn' }] });
      const to = statusAfter(step, props.status);
      const set = step.to === '*' ? { ...body.properties } : { ...body.properties, status: to, closedOn: cfg().statuses[to]?.open === false ? onDate : null };
      const o = await updateFeature(trx, d, id, body.version, { properties: set }, editContext(d, user));
      if (!o.ok) throw new HttpError(409, 'version_conflict', 'the hazard changed since you read it', { step: step.key });
      await insertHazardStep(trx, { hazardId: id, step: step.key, fromStatus: props.status, toStatus: to, onDate, note: body.note, actor: user.username, role: user.role });
      return o;
    });
    if (!outcome.ok) throw refusalError(outcome.refusal);
    res.type('application/geo+json').json(withState(outcome.feature, today, deps));
  });

  return router;
}

