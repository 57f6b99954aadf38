/**
 * The attribute form's check before sending: the contract's schema of a new feature's properties (the one the API
 * validates `POST /api/layers/:id` with) and its cross-field rule (effective area ≤ total area), each refused value
 * said in the reader's language per field. One rule is the form's own (see PHONE).
 */
import { createFeatureSchema, crossFieldIssues } from '@riskmap/contract';
import { fill, zhT, type MessageKey, type Translate } from '../i18n/index.js';
import { fieldLabel, propertiesOf, type EditLayer, type FacilityForm } from './edit-logic.js';

/** What a field says when its value is missing or blank (`empty`), too long (`long`), or otherwise refused (`bad`). */
interface FieldMessages {
  empty?: MessageKey;
  long?: MessageKey;
  bad?: MessageKey;
}

/** The form's sentences per field; fields not listed say the generic ones (too long, too big, invalid) with their label. */
export const FIELD_MESSAGES: Readonly<Record<string, FieldMessages>> = {
  code: { empty: 'planning.error.codeRequired', long: 'planning.error.codeTooLong' },
  name: { empty: 'planning.error.nameRequired', long: 'planning.error.nameTooLong' },
  totalAreaM2: { bad: 'planning.error.totalArea' },
  effectiveAreaM2: { bad: 'planning.error.effectiveArea' },
  capacity: { bad: 'planning.error.capacity' },
  vehicles: { bad: 'planning.error.vehicles' },
  staff: { bad: 'planning.error.staff' },
};

/**
 * The form's own rule, stricter than the API: the API stores any phone text verbatim (as every free-text field), the
 * form asks for digits, spaces and + - ( ).
 */
export const PHONE = /^[0-9+\-() ]{1,50}$/;

const schemas = new Map<EditLayer, ReturnType<typeof build>>();
const build = (layer: EditLayer) => createFeatureSchema(layer).shape.properties;

/** The properties schema the API checks a new feature of the layer with (@riskmap/contract), built once per layer. */
export function propertiesSchema(layer: EditLayer) {
  let s = schemas.get(layer);
  if (!s) schemas.set(layer, (s = build(layer)));
  return s;
}

/** One refused value, as the schema reports it. */
type Issue = NonNullable<ReturnType<ReturnType<typeof propertiesSchema>['safeParse']>['error']>['issues'][number];

function sentence(field: string, issue: Issue, value: unknown, t: Translate): string {
  const own = FIELD_MESSAGES[field] ?? {};
  const label = fieldLabel(field, t);
  if ((value === undefined || value === null || value === '') && own.empty) return t(own.empty);
  if (issue.code === 'too_big') {
    const limit = Number(issue.maximum).toLocaleString('en');
    if (issue.origin === 'string') return own.long ? t(own.long) : fill(t('planning.error.tooLong'), { label, limit });
    return fill(t('planning.error.tooBig'), { label, limit });
  }
  return own.bad ? t(own.bad) : fill(t('planning.error.invalid'), { label });
}

/** Field → message (Chinese by default); empty when the form can be sent. */
export function checkFacility(layer: EditLayer, f: FacilityForm, t: Translate = zhT): Record<string, string> {
  const props = propertiesOf(layer, f) as Record<string, unknown>;
  const e: Record<string, string> = {};
  const parsed = propertiesSchema(layer).safeParse(props);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    e[field] ??= sentence(field, issue, props[field], t);
  }
  for (const c of crossFieldIssues(layer, props)) if (!e[c.field] && !e[c.bound]) e[c.field] = t('planning.error.effectiveOverTotal');
  if (!e.contactPhone && f.contactPhone.trim() !== '' && !PHONE.test(f.contactPhone.trim())) e.contactPhone = t('plan.error.phone');
  return e;
}
