import { LAYERS, toCamel, type EditContext, type EditableFeature, type LayerDescriptor } from '@riskmap/db';
import type { Feature } from 'geojson';
import { LAYER_IDS, crossFieldIssues, enumeration, fieldSpec } from '@riskmap/contract';
import { EditRefusal } from './edit-refusal.js';
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
      throw new EditRefusal('outside_scope', `you may edit only features of township ${scope} (this one is in ${f.townshipCode ?? 'no township'})`, {
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
      throw new EditRefusal('invalid_input', `properties.${issue.field}: ${message}`, { fields: [{ field: `properties.${issue.field}`, message }] });
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
 * The refusal an edit's error stands for: a refusal of the rules as it is; a database's unique code → `duplicate`,
 * check or bad value → `invalid_input` naming the field the check guards (with the rule key the clients translate,
 * for a value outside the vocabulary); undefined for any other error.
 * @example const refusal = refusalOf(err)
 */
export function refusalOf(err: unknown): EditRefusal | undefined {
  if (err instanceof EditRefusal) return err;
  const e = err as { code?: string; constraint?: string; message?: string } | null | undefined;
  if (e?.code === '23505') return new EditRefusal('duplicate', 'a feature with this code exists (possibly deleted: restore it)', { fields: [{ field: 'properties.code', message: 'taken' }] });
  if (e?.code === '23514' || e?.code === '23502' || e?.code === '22P02' || e?.code === '22023') {
    const checked = checkedField(e.constraint);
    const field = checked?.field ?? e.constraint ?? 'body';
    const rule = checked?.allowed ? { key: 'value.notOption', params: { value: '', allowed: checked.allowed } } : {};
    return new EditRefusal('invalid_input', `${field}: rejected by the database: ${e.message}`, { fields: [{ field, message: e.message as string, ...rule }] });
  }
  return undefined;
}

/**
 * A hidden hazard's status moves only through its flow (POST /api/hidden-hazards/:id/steps): a plain edit
 * that sets status, supervised or closedOn is refused (`use_flow`, naming the flow).
 * @example flowFieldsRefusal(LAYERS['hidden-hazards'], { status: 'closed' }) // EditRefusal use_flow
 */
export function flowFieldsRefusal(d: LayerDescriptor, properties: Record<string, unknown>): EditRefusal | undefined {
  if (d.id !== 'hidden-hazards') return undefined;
  const fields = ['status', 'supervised', 'closedOn'].filter((f) => properties[f] !== undefined);
  if (fields.length) {
    return new EditRefusal('use_flow', `properties.${fields[0]}: a hidden hazard's status changes only by a step (POST /api/hidden-hazards/:id/steps)`, {
      fields: fields.map((f) => ({ field: `properties.${f}`, message: 'set by the flow' })),
    });
  }
  return undefined;
}

/**
 * What the database's edit functions are handed for a user's change to a layer: the actor (audit row, change
 * trigger, status history), the scope rule on the record before and after, and the cross-field rules.
 * @example await createFeature(trx, d, feature, editContext(d, user))
 */
export function editContext(d: LayerDescriptor, user: SessionUser): EditContext {
  return { actor: user.username, authorize: scopeCheck(user), check: crossFieldCheck(d) };
}

/**
 * What a rule of an edit (scopeCheck, crossFieldCheck) says of a record before it is written: its refusal, or undefined.
 * @example const refusal = ruleRefusal(crossFieldCheck(d), d, feature)
 */
export function ruleRefusal(rule: ((f: EditableFeature) => void) | undefined, d: LayerDescriptor, f: Feature): EditRefusal | undefined {
  if (!rule) return undefined;
  const props = f.properties ?? {};
  const townshipCode = ((d.id === 'townships' ? props.code : props.townshipCode) as string | null | undefined) ?? null;
  try {
    rule({ feature: f, version: 0, deletedAt: null, townshipCode });
    return undefined;
  } catch (err) {
    if (err instanceof EditRefusal) return err;
    throw err;
  }
}
