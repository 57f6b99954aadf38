import type { Feature, Geometry } from 'geojson';
import { checkLocations, toCamel, type Database, type EditableFeature, type Kysely, type LayerDescriptor, type LocationInput } from '@riskmap/db';
import { validateGeometry } from '@riskmap/geo';
import { EditRefusal } from './edit-refusal.js';
import type { SessionUser } from '../http/role.js';
import { crossFieldCheck, ruleRefusal, scopeCheck } from './edit-rules.js';

/** The geometry tolerances of the rules (domain config `geometry`). */
export interface GeometryTolerances {
  countyToleranceM: number;
  townshipToleranceM: number;
}

/** One broken rule: the field it concerns, why, and 403 when the editor's scope forbids it (else 400). */
export interface RuleError {
  field: string;
  message: string;
  status: 400 | 403;
  /** A machine-readable reason, e.g. `swapped-lon-lat` from the shape check. */
  code?: string;
  /** Which rule, with its figures, so the import can say it in the user's language (`geometry.outside`, `scope.outside`…). */
  key?: RuleKey;
  params?: Record<string, unknown>;
}

export type RuleKey = 'scope.townships' | 'scope.claimed' | 'geometry.shape' | 'geometry.invalid' | 'geometry.outside' | 'scope.outside' | 'township.unknown' | 'township.mismatch';

/** What the rules say of one feature: the broken rules, and the township code the feature gets (derived when not given). */
export interface RuleVerdict {
  errors: RuleError[];
  /** For layers with a township: the code to store (the one given, or the township its location lies in). */
  townshipCode?: string | null;
}

/** The township scope of a user: a planner's township, or null (not limited). */
export function scopeOf(user: SessionUser): string | null {
  return user.role === 'planner' ? user.townshipCode : null;
}

/** Every geometry a feature carries as [field, geometry]: the main one, then secondary ones (a shelter's site, a plant boundary, a seat). */
export function geometriesOf(d: LayerDescriptor, f: Pick<Feature, 'geometry' | 'properties'>): [string, Geometry][] {
  const out: [string, Geometry][] = f.geometry ? [['geometry', f.geometry]] : [];
  for (const column of d.geometryColumns) {
    const name = toCamel(column);
    const v = f.properties?.[name] as Geometry | [number, number] | null | undefined;
    if (v) out.push([`properties.${name}`, Array.isArray(v) ? { type: 'Point', coordinates: v } : v]);
  }
  return out;
}

function syncRuleErrors(rule: ((f: EditableFeature) => void) | undefined, d: LayerDescriptor, f: Feature): RuleError[] {
  const refusal = ruleRefusal(rule, d, f);
  if (!refusal) return [];
  const fields = refusal.details.fields ?? [{ field: refusal.details.field ?? 'properties', message: refusal.message }];
  return fields.map((x) => ({ field: x.field, message: x.message, status: refusal.reason === 'outside_scope' ? 403 : 400 }));
}

/**
 * The rules every created or changed feature obeys, for edits and imports alike (one query per 500 features):
 * the cross-field rules; every geometry (secondary ones too) well-formed, OGC-valid and inside the county; for
 * layers with a township, a `townshipCode` that exists and matches the location (derived from the location when
 * absent); and for a township-scoped planner, no township outlines and every geometry inside the scope township
 * (within `townshipToleranceM`) — those answer 403 naming the field. `shapesChecked`: the caller already ran
 * the shape check (checkGeometryShape), so it is not repeated here.
 * @example const [v] = await featureRules(db, LAYERS.shelters, user, [feature], config.domain.geometry)
 */
export async function featureRules(
  db: Kysely<Database>,
  d: LayerDescriptor,
  user: SessionUser,
  features: readonly Feature[],
  tolerances: GeometryTolerances,
  options: { shapesChecked?: boolean } = {},
): Promise<RuleVerdict[]> {
  const scope = scopeOf(user);
  const hasTownship = d.columns.includes('township_code');
  const verdicts: RuleVerdict[] = features.map(() => ({ errors: [] }));
  const inputs: LocationInput[] = [];
  const owners: { feature: number; field: string }[] = [];
  for (const [i, f] of features.entries()) {
    const v = verdicts[i]!;
    if (scope && d.id === 'townships') {
      v.errors.push(townshipsError(scope));
      continue;
    }
    v.errors.push(...syncRuleErrors(crossFieldCheck(d), d, f));
    const claimedCode = hasTownship ? (f.properties?.townshipCode as string | null | undefined) : undefined;
    if (scope && claimedCode && claimedCode !== scope) {
      v.errors.push({ field: 'properties.townshipCode', message: `you may edit only features of township ${scope} (this one says ${claimedCode})`, status: 403, key: 'scope.claimed', params: { scope, township: claimedCode } });
    }
    for (const [field, geometry] of geometriesOf(d, f)) {
      // An edit checked its shapes before the transaction (bounded, off the main thread when large).
      const shape = options.shapesChecked ? { valid: true as const } : validateGeometry(geometry);
      if (!shape.valid) {
        v.errors.push({ field, message: shape.reason, status: 400, key: 'geometry.shape', params: { reason: shape.reason }, ...(shape.code ? { code: shape.code } : {}) });
        continue;
      }
      const claimed = field === 'geometry' && hasTownship ? ((f.properties?.townshipCode as string | null | undefined) ?? null) : null;
      inputs.push({ geometry, townshipCode: claimed });
      owners.push({ feature: i, field });
    }
  }
  const checks = await checkLocations(db, inputs, { ...tolerances, scope });
  for (const [k, c] of checks.entries()) {
    const { feature, field } = owners[k]!;
    const v = verdicts[feature]!;
    if (!c.valid) {
      v.errors.push({ field, message: `not valid (${c.reason})`, status: 400, key: 'geometry.invalid', params: { reason: c.reason } });
      continue;
    }
    if (!c.insideCounty) v.errors.push({ field, message: `outside the county (more than ${tolerances.countyToleranceM} m from its boundary)`, status: 400, key: 'geometry.outside', params: { tolerance: tolerances.countyToleranceM } });
    else if (!c.inScope) v.errors.push({ field, message: `outside your township ${scope} (more than ${tolerances.townshipToleranceM} m beyond its outline)`, status: 403, key: 'scope.outside', params: { scope, tolerance: tolerances.townshipToleranceM } });
    if (field !== 'geometry' || !hasTownship) continue;
    const claimed = (features[feature]!.properties?.townshipCode as string | null | undefined) ?? null;
    if (claimed && !c.codeExists) v.errors.push({ field: 'properties.townshipCode', message: `no township "${claimed}"`, status: 400, key: 'township.unknown', params: { township: claimed } });
    else if (claimed && !c.codeMatches) {
      v.errors.push({ field: 'properties.townshipCode', message: `the location lies in township ${c.locatedIn ?? '(none)'}, not ${claimed}`, status: 400, key: 'township.mismatch', params: { township: claimed, located: c.locatedIn ?? '' } });
    } else v.townshipCode = claimed ?? c.locatedIn;
  }
  for (const [i, f] of features.entries()) {
    const v = verdicts[i]!;
    if (v.errors.length || !scope || d.id === 'townships') continue;
    const code = v.townshipCode ?? null;
    v.errors.push(...syncRuleErrors(scopeCheck(user), d, { ...f, properties: { ...f.properties, townshipCode: code } }));
  }
  return verdicts;
}

/**
 * The refusal of one feature's verdict (`outside_scope` when the scope forbids it, else `invalid_input`), naming
 * every field; undefined when no rule is broken.
 * @example const refusal = verdictRefusal(v)
 */
export function verdictRefusal(v: RuleVerdict): EditRefusal | undefined {
  if (v.errors.length === 0) return undefined;
  const forbidden = v.errors.filter((e) => e.status === 403);
  const shown = forbidden.length ? forbidden : v.errors;
  const fields = shown.map(({ field, message, code, key, params }) => ({ field, message, ...(code ? { code } : {}), ...(key ? { key, params: params ?? {} } : {}) }));
  const message = shown.map((e) => `${e.field}: ${e.message}`).join('; ');
  if (forbidden.length) return new EditRefusal('outside_scope', message, { field: fields[0]!.field, fields });
  return new EditRefusal('invalid_input', message, { fields });
}

/**
 * The township code to store for a feature whose verdict has no broken rule; throws its refusal otherwise (inside
 * an edit's transaction, to roll it back).
 * @example const code = throwVerdict(v)
 */
export function throwVerdict(v: RuleVerdict): string | null | undefined {
  const refusal = verdictRefusal(v);
  if (refusal) throw refusal;
  return v.townshipCode;
}

function townshipsError(scope: string): RuleError {
  return { field: 'layer', message: `township outlines are edited by unscoped planners or admins (you are limited to township ${scope})`, status: 403, key: 'scope.townships', params: { scope } };
}

function townshipsRefusal(scope: string): EditRefusal {
  return verdictRefusal({ errors: [townshipsError(scope)] })!;
}

/**
 * A township-scoped planner may not edit township outlines at all: the refusal naming `layer` (checked before the body is read).
 * @example const refusal = layerRefusal(d, user)
 */
export function layerRefusal(d: LayerDescriptor, user: SessionUser): EditRefusal | undefined {
  const scope = scopeOf(user);
  return scope && d.id === 'townships' ? townshipsRefusal(scope) : undefined;
}

/**
 * The scope rule for an existing feature (before a move, a delete or a restore): a scoped planner may touch only
 * features whose every geometry lies in their township; throws the refusal naming the field otherwise.
 * @example await checkCurrentInScope(trx, d, user, current.feature, config.domain.geometry)
 */
export async function checkCurrentInScope(db: Kysely<Database>, d: LayerDescriptor, user: SessionUser, f: Feature, tolerances: GeometryTolerances): Promise<void> {
  const scope = scopeOf(user);
  if (!scope) return;
  if (d.id === 'townships') throw townshipsRefusal(scope);
  const geometries = geometriesOf(d, f);
  const checks = await checkLocations(db, geometries.map(([, geometry]) => ({ geometry })), { ...tolerances, scope });
  const errors: RuleError[] = [];
  for (const [k, c] of checks.entries()) {
    if (!c.inScope) errors.push({ field: geometries[k]![0], message: `this feature lies outside your township ${scope}`, status: 403, key: 'scope.outside', params: { scope, tolerance: tolerances.townshipToleranceM } });
  }
  throwVerdict({ errors });
}
