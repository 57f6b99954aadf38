/** Facility editing: the attribute form's values, checks with messages (Chinese by default), the feature to send, server errors translated. */
import type { Feature, Point } from 'geojson';
import { fill, zhT, type MessageKey, type Translate } from '../i18n/index.js';
import type { FieldError } from './planning-api.js';

export type EditLayer = 'shelters' | 'fire-stations';

/** Form values (strings as typed) of a shelter or a fire station. */
export interface FacilityForm {
  code: string;
  name: string;
  shelterClass: string;
  siteType: string;
  status: string;
  totalAreaM2: string;
  effectiveAreaM2: string;
  capacity: string;
  stationType: string;
  vehicles: string;
  staff: string;
}

const FIELDS = ['code', 'name', 'shelterClass', 'siteType', 'status', 'totalAreaM2', 'effectiveAreaM2', 'capacity', 'stationType', 'vehicles', 'staff', 'geometry', 'townshipCode'];

/** The label of a form field (the field name itself when unknown). */
export function fieldLabel(key: string, t: Translate = zhT): string {
  return FIELDS.includes(key) ? t(`planning.field.${key}` as MessageKey) : key;
}

export const SHELTER_CLASSES = ['emergency', 'short-term', 'medium-term', 'long-term', 'central'];
export const SITE_TYPES = ['park', 'square', 'school', 'stadium', 'civil-defence', 'green', 'vacant', 'other'];
export const STATUSES = ['planned', 'built', 'open', 'closed'];
export const STATION_TYPES = ['class-1', 'class-2', 'special', 'small', 'township-full-time-1', 'township-full-time-2', 'township-volunteer', 'micro'];

/** The label of a candidate-site / shelter site type (the value itself when unknown). */
export function siteTypeLabel(v: string, t: Translate = zhT): string {
  return SITE_TYPES.includes(v) ? t(`planning.siteType.${v}` as MessageKey) : v;
}

/** The label of a fire-station type (the value itself when unknown). */
export function stationTypeLabel(v: string, t: Translate = zhT): string {
  return STATION_TYPES.includes(v) ? t(`planning.stationType.${v}` as MessageKey) : v;
}

/** A form for a new facility at a clicked point (planned, short-term shelter / class-2 station). */
export function emptyForm(): FacilityForm {
  return { code: '', name: '', shelterClass: 'short-term', siteType: 'park', status: 'planned', totalAreaM2: '', effectiveAreaM2: '', capacity: '', stationType: 'class-2', vehicles: '', staff: '' };
}

/** The form of a stored feature's properties. */
export function formOf(p: Record<string, unknown>): FacilityForm {
  const s = (k: string, d = '') => (p[k] === undefined || p[k] === null ? d : String(p[k]));
  return { code: s('code'), name: s('name'), shelterClass: s('shelterClass', 'short-term'), siteType: s('siteType', 'other'), status: s('status', 'planned'), totalAreaM2: s('totalAreaM2'), effectiveAreaM2: s('effectiveAreaM2'), capacity: s('capacity'), stationType: s('stationType', 'class-2'), vehicles: s('vehicles'), staff: s('staff') };
}

const nonNegative = (v: string) => v.trim() !== '' && Number.isFinite(Number(v)) && Number(v) >= 0;
const count = (v: string) => nonNegative(v) && Number.isInteger(Number(v));

/** Field → message (Chinese by default); empty when the form can be sent. */
export function checkFacility(layer: EditLayer, f: FacilityForm, t: Translate = zhT): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.code.trim()) e.code = t('planning.error.codeRequired');
  else if (f.code.length > 64) e.code = t('planning.error.codeTooLong');
  if (!f.name.trim()) e.name = t('planning.error.nameRequired');
  else if (f.name.length > 200) e.name = t('planning.error.nameTooLong');
  if (layer === 'shelters') {
    if (!nonNegative(f.totalAreaM2)) e.totalAreaM2 = t('planning.error.totalArea');
    if (!nonNegative(f.effectiveAreaM2)) e.effectiveAreaM2 = t('planning.error.effectiveArea');
    else if (nonNegative(f.totalAreaM2) && Number(f.effectiveAreaM2) > Number(f.totalAreaM2)) e.effectiveAreaM2 = t('planning.error.effectiveOverTotal');
    if (!count(f.capacity)) e.capacity = t('planning.error.capacity');
  } else {
    if (f.vehicles.trim() !== '' && !count(f.vehicles)) e.vehicles = t('planning.error.vehicles');
    if (f.staff.trim() !== '' && !count(f.staff)) e.staff = t('planning.error.staff');
  }
  return e;
}

/** The properties to send for a layer (numbers as numbers; only this layer's fields). */
export function propertiesOf(layer: EditLayer, f: FacilityForm): Record<string, unknown> {
  if (layer === 'shelters') {
    return { code: f.code.trim(), name: f.name.trim(), shelterClass: f.shelterClass, siteType: f.siteType, status: f.status, totalAreaM2: Number(f.totalAreaM2), effectiveAreaM2: Number(f.effectiveAreaM2), capacity: Number(f.capacity) };
  }
  const p: Record<string, unknown> = { code: f.code.trim(), name: f.name.trim(), stationType: f.stationType };
  if (f.vehicles.trim() !== '') p.vehicles = Number(f.vehicles);
  if (f.staff.trim() !== '') p.staff = Number(f.staff);
  return p;
}

/** A new GeoJSON Feature at [lon, lat] (rounded to 6 decimals ≈ 0.1 m). */
export function newFeature(layer: EditLayer, f: FacilityForm, lonLat: [number, number]): Feature<Point> {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [r(lonLat[0]), r(lonLat[1])] }, properties: propertiesOf(layer, f) };
}

/** Server field errors ({field: 'properties.capacity', message}) as form field → message (Chinese by default). */
export function serverFieldErrors(fields: readonly FieldError[], t: Translate = zhT): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of fields) {
    const key = field.replace(/^properties\./, '');
    out[FIELDS.includes(key) ? key : '_form'] = fill(t('planning.reason.join'), { label: fieldLabel(key, t), reason: translateReason(message, t) });
  }
  return out;
}

/** The server's (English) reasons that planners meet most often, translated; others are shown as they are. */
export function translateReason(message: string, t: Translate = zhT): string {
  if (/outside the county/.test(message)) return t('planning.reason.outsideCounty');
  if (/taken|duplicate|already exists|unique/i.test(message)) return t('planning.reason.taken');
  if (/Required|required/.test(message)) return t('planning.reason.required');
  if (/Too big|at most|<=/.test(message)) return fill(t('planning.reason.tooBig'), { message });
  if (/Too small|at least|>=/.test(message)) return fill(t('planning.reason.tooSmall'), { message });
  if (/Invalid option|expected one of/i.test(message)) return t('planning.reason.invalidOption');
  return message;
}

/** Which properties differ between what I sent and the other person's version (for the 409 view). */
export function conflictingFields(mine: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  return Object.keys(mine).filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
}
