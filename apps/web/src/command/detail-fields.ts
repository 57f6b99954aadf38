/** What the detail panel shows for a clicked feature: labelled rows in the user's language. */
import type { Locale } from '../i18n/index.js';
import { translateLoose } from '../i18n/index.js';

const LABELS: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  code: ['编码', 'Code'],
  level: ['风险等级', 'Risk level'],
  industry: ['行业', 'Industry'],
  hazardTypes: ['危险类型', 'Hazard types'],
  assessmentMethod: ['评估方法', 'Method'],
  assessmentInputs: ['评估输入', 'Assessment inputs'],
  score: ['评估分值', 'Score'],
  methodVersion: ['方法版本', 'Method version'],
  assessedAt: ['评估日期', 'Assessed'],
  assessor: ['评估人', 'Assessor'],
  directMajorReason: ['直接判定重大的原因', 'Direct-major reason'],
  enterprise: ['企业', 'Enterprise'],
  townshipCode: ['所属乡镇', 'Township'],
  responsibleUnit: ['责任单位', 'Responsible unit'],
  responsiblePerson: ['责任人', 'Responsible person'],
  responsiblePhone: ['联系电话', 'Phone'],
  controlMeasures: ['管控措施', 'Control measures'],
  hazardSourceCode: ['关联危险源', 'Hazard source'],
  substances: ['危险物质', 'Substances'],
  sValue: ['S 值 (Σq/Q)', 'S (Σq/Q)'],
  isMajor: ['重大危险源', 'Major hazard'],
  alpha: ['α 校正系数', 'α'],
  rValue: ['R 值', 'R'],
  grade: ['分级', 'Grade'],
  peopleWithin500m: ['500 m 内人数', 'People within 500 m'],
  contactPerson: ['联系人', 'Contact'],
  contactPhone: ['联系电话', 'Phone'],
  shelterClass: ['场所类别', 'Class'],
  siteType: ['场地类型', 'Site type'],
  totalAreaM2: ['总面积 (m²)', 'Total area (m²)'],
  effectiveAreaM2: ['有效避难面积 (m²)', 'Effective area (m²)'],
  capacity: ['可容纳人数', 'Capacity'],
  status: ['状态', 'Status'],
  suitability: ['适用灾种', 'Suitable for'],
  facilities: ['设施', 'Facilities'],
  address: ['地址', 'Address'],
  access: ['出入口 / 交通', 'Access'],
  isPublic: ['向公众公开', 'Public'],
  floorAreaM2: ['库房面积 (m²)', 'Floor area (m²)'],
  stock: ['储备物资', 'Stock'],
  stationType: ['消防站类型', 'Station type'],
  vehicles: ['车辆', 'Vehicles'],
  staff: ['人员', 'Staff'],
  turnoutMinutes: ['出动时间 (分钟)', 'Turnout (min)'],
  population: ['常住人口', 'Population'],
  counts: ['各等级风险点数', 'Points per level'],
  sample: ['示例数据', 'Sample data'],
  version: ['版本', 'Version'],
};

const HIDDEN = new Set(['id', 'boundary', 'site', 'seat', 'color', 'cluster', 'cluster_id', 'point_count', 'point_count_abbreviated', 'minLevel', 'top']);
const GRADES = ['', '一级', '二级', '三级', '四级'];

export interface DetailRow {
  key: string;
  label: string;
  value: string;
}

/** maplibre stringifies nested properties; parse them back. */
function parseNested(v: unknown): unknown {
  if (typeof v === 'string' && /^[[{]/.test(v)) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function format(key: string, raw: unknown, locale: Locale, townshipName: (code: string) => string | undefined): string {
  const v = parseNested(raw);
  const zh = locale === 'zh-CN';
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
  if (key === 'level') return translateLoose(locale, `level.${v}`, String(v));
  if (key === 'grade') return zh ? (GRADES[Number(v)] ?? String(v)) : `Grade ${v}`;
  if (key === 'shelterClass') return translateLoose(locale, `shelterClass.${v}`, String(v));
  if (key === 'status') return translateLoose(locale, `status.${v}`, String(v));
  if (key === 'townshipCode') return `${townshipName(String(v)) ?? ''} (${v})`.trim();
  if (key === 'substances' && Array.isArray(v))
    return v.map((s: { name: string; quantityT: number; thresholdT: number }) => `${s.name} ${s.quantityT} t / Q ${s.thresholdT} t`).join('；');
  if (key === 'stock' && Array.isArray(v))
    return v.map((s: { item: string; quantity: number; unit: string; minimum: number }) => `${s.item} ${s.quantity}${s.unit}${s.quantity < s.minimum ? (zh ? '（低于下限）' : ' (below minimum)') : ''}`).join('；');
  if (key === 'suitability' && typeof v === 'object')
    return Object.entries(v as Record<string, boolean>).filter(([, ok]) => ok).map(([k]) => k).join(', ') || '—';
  if (key === 'counts' && typeof v === 'object') return Object.entries(v as Record<string, number>).map(([l, n]) => `${translateLoose(locale, `level.${l}`, l)} ${n}`).join(' · ');
  if (key === 'facilities' && Array.isArray(v)) return v.map((x) => translateLoose(locale, `facility.${x}`, String(x))).join(zh ? '、' : ', ') || '—';
  if (Array.isArray(v)) return v.join(zh ? '、' : ', ') || '—';
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${x}`).join(', ');
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString(locale) : v.toLocaleString(locale, { maximumFractionDigits: 2 });
  return String(v);
}

/** Rows for the detail panel, known fields first in a stable order, unknown fields after. */
export function detailRows(props: Record<string, unknown>, locale: Locale, townshipName: (code: string) => string | undefined = () => undefined): DetailRow[] {
  const known = Object.keys(LABELS).filter((k) => k in props);
  const other = Object.keys(props).filter((k) => !(k in LABELS) && !HIDDEN.has(k));
  return [...known, ...other].map((key) => ({
    key,
    label: LABELS[key]?.[locale === 'zh-CN' ? 0 : 1] ?? key,
    value: format(key, props[key], locale, townshipName),
  }));
}
