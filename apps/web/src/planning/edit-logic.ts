/** Facility editing: the attribute form's values, checks with Chinese messages, the feature to send, server errors in Chinese. */
import type { Feature, Point } from 'geojson';
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

export const FIELD_ZH: Record<string, string> = {
  code: '编号',
  name: '名称',
  shelterClass: '场所类别',
  siteType: '场地类型',
  status: '状态',
  totalAreaM2: '总面积',
  effectiveAreaM2: '有效面积',
  capacity: '可容纳人数',
  stationType: '消防站类型',
  vehicles: '车辆数',
  staff: '人员数',
  geometry: '位置',
  townshipCode: '所属乡镇',
};

export const SHELTER_CLASSES = ['emergency', 'short-term', 'medium-term', 'long-term', 'central'];
export const SITE_TYPES = ['park', 'square', 'school', 'stadium', 'civil-defence', 'green', 'vacant', 'other'];
export const STATUSES = ['planned', 'built', 'open', 'closed'];
export const STATION_TYPES = ['class-1', 'class-2', 'special', 'small', 'township-full-time-1', 'township-full-time-2', 'township-volunteer', 'micro'];

export const SITE_TYPE_ZH: Record<string, string> = { park: '公园', square: '广场', school: '学校', stadium: '体育场馆', 'civil-defence': '人防工程', green: '绿地', vacant: '空地', other: '其他' };
export const STATION_TYPE_ZH: Record<string, string> = {
  'class-1': '一级普通消防站',
  'class-2': '二级普通消防站',
  special: '特勤消防站',
  small: '小型消防站',
  'township-full-time-1': '乡镇一级专职队',
  'township-full-time-2': '乡镇二级专职队',
  'township-volunteer': '乡镇志愿队',
  micro: '微型消防站',
};

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

/** Field → Chinese message; empty when the form can be sent. */
export function checkFacility(layer: EditLayer, f: FacilityForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.code.trim()) e.code = '请填写编号';
  else if (f.code.length > 64) e.code = '编号不能超过 64 个字符';
  if (!f.name.trim()) e.name = '请填写名称';
  else if (f.name.length > 200) e.name = '名称不能超过 200 个字符';
  if (layer === 'shelters') {
    if (!nonNegative(f.totalAreaM2)) e.totalAreaM2 = '总面积须为不小于 0 的数字（m²）';
    if (!nonNegative(f.effectiveAreaM2)) e.effectiveAreaM2 = '有效面积须为不小于 0 的数字（m²）';
    else if (nonNegative(f.totalAreaM2) && Number(f.effectiveAreaM2) > Number(f.totalAreaM2)) e.effectiveAreaM2 = '有效面积不能大于总面积';
    if (!count(f.capacity)) e.capacity = '可容纳人数须为不小于 0 的整数';
  } else {
    if (f.vehicles.trim() !== '' && !count(f.vehicles)) e.vehicles = '车辆数须为不小于 0 的整数';
    if (f.staff.trim() !== '' && !count(f.staff)) e.staff = '人员数须为不小于 0 的整数';
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

/** Server field errors ({field: 'properties.capacity', message}) as form field → Chinese message. */
export function serverFieldErrors(fields: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of fields) {
    const key = field.replace(/^properties\./, '');
    const label = FIELD_ZH[key] ?? key;
    out[key in FIELD_ZH ? key : '_form'] = `${label}：${translateReason(message)}`;
  }
  return out;
}

/** The server's (English) reasons that planners meet most often, in Chinese; others are shown as they are. */
export function translateReason(message: string): string {
  if (/outside the county/.test(message)) return '位置在县域范围之外';
  if (/taken|duplicate|already exists|unique/i.test(message)) return '已被使用，请换一个';
  if (/Required|required/.test(message)) return '必填';
  if (/Too big|at most|<=/.test(message)) return `数值或长度超出上限（${message}）`;
  if (/Too small|at least|>=/.test(message)) return `数值或长度低于下限（${message}）`;
  if (/Invalid option|expected one of/i.test(message)) return '不是允许的取值';
  return message;
}

/** Which properties differ between what I sent and the other person's version (for the 409 view). */
export function conflictingFields(mine: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  return Object.keys(mine).filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
}
