/** Facility editing: the attribute form's values, the feature to send, server errors by code (the check before sending: facility-check.ts). */
import type { Feature, Point } from 'geojson';
import { fill, zhT, type Locale, type MessageKey, type Translate } from '../i18n/index.js';
import { enumLabel, SHELTER_CLASSES as CONTRACT_SHELTER_CLASSES, SHELTER_FACILITIES, SHELTER_STATUSES, SHELTER_SUITABILITY, SITE_TYPES as CONTRACT_SITE_TYPES, STATION_TYPES as CONTRACT_STATION_TYPES, type LayerProperties } from '@riskmap/contract';
import { codeText, fieldReason } from '../i18n/errors.js';
import type { ApiError } from '../api/client.js';

export type EditLayer = 'shelters' | 'fire-stations';

/** The properties the API takes for each layer, typed from the contract's per-layer schemas (@riskmap/contract). */
export type ShelterProperties = LayerProperties<'shelters'>;
export type StationProperties = LayerProperties<'fire-stations'>;
export type Hazard = keyof ShelterProperties['suitability'];

/** The form's drop-down fields: their values are the contract's. */
export interface FacilityChoices {
  shelterClass: ShelterProperties['shelterClass'];
  siteType: ShelterProperties['siteType'];
  status: ShelterProperties['status'];
  stationType: StationProperties['stationType'];
}
export type ChoiceField = keyof FacilityChoices;

/** Form values of a shelter or a fire station: choices as the contract's values, the rest as typed (strings). */
export interface FacilityForm extends FacilityChoices {
  code: string;
  name: string;
  totalAreaM2: string;
  effectiveAreaM2: string;
  capacity: string;
  vehicles: string;
  staff: string;
  address: string;
  access: string;
  contactPerson: string;
  contactPhone: string;
  townshipCode: string;
  isPublic: boolean;
  suitability: Hazard[];
  facilities: ShelterProperties['facilities'];
}

/** Text fields of the form (typed into inputs). */
export type TextField = Exclude<{ [K in keyof FacilityForm]: FacilityForm[K] extends string ? K : never }[keyof FacilityForm], ChoiceField>;
/** The form's choices are the vocabulary's (@riskmap/contract): values and their zh-CN/en labels in one place. */
export const HAZARDS: readonly Hazard[] = SHELTER_SUITABILITY;
export const FACILITIES: readonly string[] = SHELTER_FACILITIES;
const EXTRA = ['address', 'access', 'contactPerson', 'contactPhone', 'suitability', 'facilities', 'isPublic'];

const FIELDS = ['code', 'name', 'shelterClass', 'siteType', 'status', 'totalAreaM2', 'effectiveAreaM2', 'capacity', 'stationType', 'vehicles', 'staff', 'geometry', 'townshipCode'];

/** The label of a form field (the field name itself when unknown). */
export function fieldLabel(key: string, t: Translate = zhT): string {
  if (EXTRA.includes(key)) return t(`plan.field.${key}` as MessageKey);
  return FIELDS.includes(key) ? t(`planning.field.${key}` as MessageKey) : key;
}

export const SHELTER_CLASSES: readonly FacilityChoices['shelterClass'][] = CONTRACT_SHELTER_CLASSES;
export const SITE_TYPES: readonly FacilityChoices['siteType'][] = CONTRACT_SITE_TYPES;
export const STATUSES: readonly FacilityChoices['status'][] = SHELTER_STATUSES;
export const STATION_TYPES: readonly FacilityChoices['stationType'][] = CONTRACT_STATION_TYPES;

/** The label of a candidate-site / shelter site type (the value itself when unknown). */
export function siteTypeLabel(v: string, locale: Locale = 'zh-CN'): string {
  return enumLabel('siteTypes', v, locale);
}

/** The label of a fire-station type (the value itself when unknown). */
export function stationTypeLabel(v: string, locale: Locale = 'zh-CN'): string {
  return enumLabel('stationTypes', v, locale);
}

/** A form for a new facility at a clicked point (planned, short-term shelter / class-2 station). */
export function emptyForm(): FacilityForm {
  return { code: '', name: '', shelterClass: 'short-term', siteType: 'park', status: 'planned', totalAreaM2: '', effectiveAreaM2: '', capacity: '', stationType: 'class-2', vehicles: '', staff: '', address: '', access: '', contactPerson: '', contactPhone: '', townshipCode: '', isPublic: true, suitability: [], facilities: [] };
}

/** The form of a stored feature's properties. */
export function formOf(p: Record<string, unknown>): FacilityForm {
  const s = (k: string, d = '') => (p[k] === undefined || p[k] === null ? d : String(p[k]));
  /** A stored choice, or the default when it is not one of the vocabulary's values. */
  const choice = <V extends string>(k: ChoiceField, values: readonly V[], d: V): V => (values as readonly string[]).includes(String(p[k])) ? (p[k] as V) : d;
  const parsed = (k: string): unknown => (typeof p[k] === 'string' && /^[[{]/.test(p[k] as string) ? JSON.parse(p[k] as string) : p[k]);
  const suit = (parsed('suitability') ?? {}) as Record<string, boolean>;
  const fac = parsed('facilities');
  return {
    code: s('code'), name: s('name'), shelterClass: choice('shelterClass', SHELTER_CLASSES, 'short-term'), siteType: choice('siteType', SITE_TYPES, 'other'), status: choice('status', STATUSES, 'planned'), totalAreaM2: s('totalAreaM2'), effectiveAreaM2: s('effectiveAreaM2'), capacity: s('capacity'), stationType: choice('stationType', STATION_TYPES, 'class-2'), vehicles: s('vehicles'), staff: s('staff'),
    address: s('address'), access: s('access'), contactPerson: s('contactPerson'), contactPhone: s('contactPhone'), townshipCode: s('townshipCode'), isPublic: p.isPublic !== false,
    suitability: HAZARDS.filter((h) => suit[h] === true), facilities: Array.isArray(fac) ? fac.map(String) : [],
  };
}

/** A typed number, or undefined when left blank (the schema then says it is required); not a number stays NaN. */
const numberOf = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));

/** The properties to send for a layer (numbers as numbers; only this layer's fields), typed by the contract's schema of the layer. */
export function propertiesOf(layer: EditLayer, f: FacilityForm): Partial<ShelterProperties> | Partial<StationProperties> {
  if (layer === 'shelters') {
    const shelter: Partial<ShelterProperties> = {
      code: f.code.trim(), name: f.name.trim(), shelterClass: f.shelterClass, siteType: f.siteType, status: f.status, totalAreaM2: numberOf(f.totalAreaM2), effectiveAreaM2: numberOf(f.effectiveAreaM2), capacity: numberOf(f.capacity),
      address: f.address.trim(), access: f.access.trim(), contactPerson: f.contactPerson.trim(), contactPhone: f.contactPhone.trim(), townshipCode: f.townshipCode || null, isPublic: f.isPublic,
      suitability: Object.fromEntries(HAZARDS.map((h) => [h, f.suitability.includes(h)])), facilities: f.facilities,
    };
    return shelter;
  }
  const p: Partial<StationProperties> = { code: f.code.trim(), name: f.name.trim(), stationType: f.stationType, contactPhone: f.contactPhone.trim(), townshipCode: f.townshipCode || null };
  if (f.vehicles.trim() !== '') p.vehicles = numberOf(f.vehicles);
  if (f.staff.trim() !== '') p.staff = numberOf(f.staff);
  return p;
}

/** A new GeoJSON Feature at [lon, lat] (rounded to 6 decimals ≈ 0.1 m). */
export function newFeature(layer: EditLayer, f: FacilityForm, lonLat: [number, number]): Feature<Point> {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [r(lonLat[0]), r(lonLat[1])] }, properties: propertiesOf(layer, f) };
}

/**
 * A refused save's fields as form field → message, from the answer's error code and each field's rule key (never the
 * server's English reason): a duplicate code says "already in use", a rule with a key says its sentence, other refused
 * values say "invalid value" after the field's label (the form's own checks name the limits before sending).
 */
export function serverFieldErrors(err: Pick<ApiError, 'code' | 'fields'>, t: Translate = zhT, locale: Locale = 'zh-CN'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of err.fields) {
    const key = f.field.replace(/^properties\./, '');
    const reason = f.key ? fieldReason(f, locale) : err.code === 'duplicate' ? t('planning.reason.taken') : err.code === 'invalid_input' ? fieldReason(f, locale) : codeText(err.code, locale);
    out[FIELDS.includes(key) ? key : '_form'] = fill(t('planning.reason.join'), { label: fieldLabel(key, t), reason });
  }
  return out;
}

/** Which properties differ between what I sent and the other person's version (for the 409 view). */
export function conflictingFields(mine: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  return Object.keys(mine).filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
}
