import { LAYERS, toCamel, type EditableFeature, type LayerDescriptor } from '@riskmap/db';
import { LAYER_IDS, crossFieldIssues, enumeration, fieldSpec } from '@riskmap/contract';
import { HttpError } from '../http/http-error.js';
import type { SessionUser } from '../http/role.js';

/**
 * The township-scope rule: a planner with a township scope edits only features of that township
 * (the feature before and after the change); others are not restricted.
 * @example ctx.authorize = scopeCheck(user)
 */
export function scopeCheck(user: SessionUser): ((f: EditableFeature) => void) | undefined {
  const scope = user.role === 'planner' ? user.townshipCode : null;
  if (!scope) return undefined;
  return (f) => {
    if (f.townshipCode !== scope) {
      throw new HttpError(403, 'outside_scope', `you may edit only features of township ${scope} (this one is in ${f.townshipCode ?? 'no township'})`, {
        field: 'townshipCode',
        scope,
      });
    }
  };
}

/**
 * Rules across properties of the record an edit would commit (the contract's `crossFieldIssues`: effective area ≤ total area).
 * @example ctx.check = crossFieldCheck(LAYERS.shelters)
 */
export function crossFieldCheck(d: LayerDescriptor): (f: EditableFeature) => void {
  return (f) => {
    const p = f.feature.properties ?? {};
    const [issue] = crossFieldIssues(d.id, p);
    if (issue) {
      const message = `effective area ${p.effectiveAreaM2} m² exceeds ${issue.bound} ${p[issue.bound]} m²`;
      throw new HttpError(400, 'invalid_input', `properties.${issue.field}: ${message}`, { fields: [{ field: `properties.${issue.field}`, message }] });
    }
  };
}

/**
 * The property a check constraint of a layer table guards: `<table>_<column>_check` (the vocabulary and range checks,
 * PostgreSQL's name for a column check) or a rule named after its first column (`shelters_effective_le_total`), with
 * the values the vocabulary allows when the field is enumerated.
 * @example checkedField('shelters_shelter_class_check') // { field: 'properties.shelterClass', allowed: ['emergency', …] }
 */
export function checkedField(constraint: string | undefined): { field: string; allowed?: string[] } | null {
  if (!constraint) return null;
  for (const layer of LAYER_IDS) {
    const d = LAYERS[layer];
    if (!constraint.startsWith(`${d.table}_`)) continue;
    const rest = constraint.slice(d.table.length + 1);
    const column = [...d.columns].sort((a, b) => b.length - a.length).find((c) => rest === `${c}_check` || rest.startsWith(`${c}_`))
      ?? (rest.startsWith('effective_') ? 'effective_area_m2' : undefined);
    if (!column) continue;
    const key = toCamel(column);
    const spec = fieldSpec(layer, key);
    return { field: `properties.${key}`, ...(spec?.enum ? { allowed: enumeration(spec.enum).values.map(String) } : {}) };
  }
  return null;
}

/**
 * Map a database error of an edit to an HttpError: unique code → 409, check or bad value → 400 naming the field the
 * check guards (with the rule key the clients translate, for a value outside the vocabulary); others unchanged.
 * @example throw toHttpEditError(err)
 */
export function toHttpEditError(err: unknown): unknown {
  if (err instanceof HttpError) return err;
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505') return new HttpError(409, 'duplicate', 'a feature with this code exists (possibly deleted: restore it)', { fields: [{ field: 'properties.code', message: 'taken' }] });
  if (e.code === '23514' || e.code === '23502' || e.code === '22P02' || e.code === '22023') {
    const checked = checkedField(e.constraint);
    const field = checked?.field ?? e.constraint ?? 'body';
    const rule = checked?.allowed ? { key: 'value.notOption', params: { value: '', allowed: checked.allowed } } : {};
    return new HttpError(400, 'invalid_input', `${field}: rejected by the database: ${e.message}`, { fields: [{ field, message: e.message, ...rule }] });
  }
  return err;
}

/**
 * A hidden hazard's status moves only through its flow (POST /api/hidden-hazards/:id/steps): a plain edit
 * that sets status, supervised or closedOn is refused (409 naming the flow).
 * @example refuseFlowFields(LAYERS['hidden-hazards'], { status: 'closed' }) // throws 409
 */
export function refuseFlowFields(d: LayerDescriptor, properties: Record<string, unknown>): void {
  if (d.id !== 'hidden-hazards') return;
  const fields = ['status', 'supervised', 'closedOn'].filter((f) => properties[f] !== undefined);
  if (fields.length) {
    throw new HttpError(409, 'use_flow', `properties.${fields[0]}: a hidden hazard's status changes only by a step (POST /api/hidden-hazards/:id/steps)`, {
      fields: fields.map((f) => ({ field: `properties.${f}`, message: 'set by the flow' })),
    });
  }
}
