/** What the detail panel shows for a clicked feature: labelled rows in the user's language. */
import type { Locale } from '../i18n/index.js';
import { translateLoose } from '../i18n/index.js';
import { placeNameEn } from '../map/place-names-en.js';
import { enumLabel, fieldSpec, labelIn, UNITS, type FieldSpec } from '@riskmap/contract';

type VocabLayer = Parameters<typeof fieldSpec>[0];
const VOCAB_LAYERS = new Set(['townships', 'risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations', 'demand-points', 'candidate-sites']);

/** The field in the domain vocabulary (packages/contract), when the layer has it. */
function spec(layer: string | undefined, key: string): FieldSpec | undefined {
  return layer && VOCAB_LAYERS.has(layer) ? fieldSpec(layer as VocabLayer, key) : undefined;
}

/** A value through the vocabulary: enumerated values and list items by their label; undefined when the vocabulary says nothing. */
function vocabValue(f: FieldSpec | undefined, v: unknown, locale: Locale): string | undefined {
  if (!f) return undefined;
  if (f.kind === 'enum' && f.enum && (typeof v === 'string' || typeof v === 'number')) return enumLabel(f.enum, v, locale);
  if (f.kind === 'list' && f.enum && Array.isArray(v)) return v.map((x) => enumLabel(f.enum!, x as string, locale)).join(locale === 'zh-CN' ? '、' : ', ') || '—';
  if (f.key === 'suitability' && v && typeof v === 'object') return Object.entries(v as Record<string, boolean>).filter(([, ok]) => ok).map(([k]) => enumLabel('shelterSuitability', k, locale)).join(locale === 'zh-CN' ? '、' : ', ') || '—';
  return undefined;
}

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
  kind: ['类型', 'Kind'],
  level_warehouse: ['级别', 'Level'],
  createdAt: ['创建时间', 'Created'],
  updatedAt: ['更新时间', 'Updated'],
  isUrban: ['城区', 'Urban'],
  parentCode: ['上级编码', 'Parent code'],
  approximate: ['边界为近似', 'Approximate boundary'],
  quantityT: ['数量 (t)', 'Quantity (t)'],
  action: ['操作', 'Action'],
};

/** Labels of enumerated values, [zh-CN, en], by field. */
const VALUES: Record<string, Record<string, [string, string]>> = {
  siteType: { park: ['公园', 'Park'], square: ['广场', 'Square'], school: ['学校', 'School'], stadium: ['体育场馆', 'Stadium'], 'civil-defence': ['人防工程', 'Civil-defence works'], green: ['绿地', 'Green space'], vacant: ['空地', 'Open land'], other: ['其他', 'Other'] },
  suitability: { earthquake: ['地震', 'Earthquake'], flood: ['洪涝', 'Flood'], fire: ['火灾', 'Fire'], hazmat: ['危化品事故', 'Hazardous materials'] },
  industry: {
    'hazardous-chemicals': ['危险化学品', 'Hazardous chemicals'], gas: ['燃气', 'Gas'], transport: ['交通运输', 'Transport'], construction: ['建筑施工', 'Construction'], metallurgy: ['冶金', 'Metallurgy'],
    fireworks: ['烟花爆竹', 'Fireworks'], 'ammonia-refrigeration': ['涉氨制冷', 'Ammonia refrigeration'], school: ['学校', 'School'], 'crowded-place': ['人员密集场所', 'Crowded place'], other: ['其他', 'Other'],
  },
  assessmentMethod: { lec: ['LEC 作业条件危险性分析法', 'LEC'], matrix: ['风险矩阵法', 'Risk matrix'] },
  stationType: {
    'class-1': ['一级普通消防站', 'Class-1 station'], 'class-2': ['二级普通消防站', 'Class-2 station'], special: ['特勤消防站', 'Special station'], small: ['小型消防站', 'Small station'],
    'township-full-time-1': ['乡镇一级专职队', 'Township full-time (1)'], 'township-full-time-2': ['乡镇二级专职队', 'Township full-time (2)'], 'township-volunteer': ['乡镇志愿队', 'Township volunteers'], micro: ['微型消防站', 'Micro station'],
  },
  kind: { village: ['村', 'Village'], community: ['社区', 'Community'], subdistrict: ['街道', 'Subdistrict'], town: ['镇', 'Town'], township: ['乡', 'Township'], county: ['县', 'County'] },
  level_warehouse: { county: ['县级', 'County'], township: ['乡镇级', 'Township'], park: ['园区级', 'Industrial park'] },
};

/** The label of a value of a field in the language, or the value itself when it is not enumerated. */
export function valueLabel(key: string, value: string, locale: Locale): string {
  const v = VALUES[key]?.[value];
  return v ? v[locale === 'zh-CN' ? 0 : 1] : value;
}

/** A field's label in the language; unknown keys are shown as they are. */
export function fieldLabel(key: string, locale: Locale): string {
  return LABELS[key]?.[locale === 'zh-CN' ? 0 : 1] ?? key;
}

/** "2026-11-30 08:00" style date-time in the user's locale. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

// `clusterCount`: how many points a thinned tile feature stands for, said by the panel's own line (DetailPanel).
const HIDDEN = new Set(['id', 'boundary', 'site', 'seat', 'color', 'cluster', 'cluster_id', 'point_count', 'point_count_abbreviated', 'minLevel', 'top', 'clusterCount']);
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

/** A field's value as text in the language (enumerations labelled, dates formatted, units kept). */
export function formatValue(key: string, raw: unknown, locale: Locale, townshipName: (code: string) => string | undefined = () => undefined): string {
  return format(key, raw, locale, townshipName);
}

function format(key: string, raw: unknown, locale: Locale, townshipName: (code: string) => string | undefined): string {
  const v = parseNested(raw);
  const zh = locale === 'zh-CN';
  if (v === null || v === undefined || v === '') return '—';
  if ((key === 'createdAt' || key === 'updatedAt' || key === 'assessedAt' || key === 'at') && typeof v === 'string') return formatDateTime(v, locale);
  if (key in VALUES && typeof v === 'string') return valueLabel(key, v, locale);
  if (key === 'hazardTypes' && Array.isArray(v)) return v.map((x) => valueLabel('suitability', String(x), locale)).join(zh ? '、' : ', ') || '—';
  if (typeof v === 'boolean') return v ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
  if (key === 'level' && typeof v === 'string' && Number.isNaN(Number(v))) return valueLabel('level_warehouse', v, locale);
  if (key === 'level') return translateLoose(locale, `level.${v}`, String(v));
  if (key === 'grade') return zh ? (GRADES[Number(v)] ?? String(v)) : `Grade ${v}`;
  if (key === 'shelterClass') return translateLoose(locale, `shelterClass.${v}`, String(v));
  if (key === 'status') return translateLoose(locale, `status.${v}`, String(v));
  if (key === 'townshipCode') {
    const n = townshipName(String(v)) ?? '';
    return `${zh ? n : placeNameEn(n)} (${v})`.trim();
  }
  if (key === 'substances' && Array.isArray(v))
    return v.map((s: { name: string; quantityT: number; thresholdT: number }) => `${s.name} ${s.quantityT} t / Q ${s.thresholdT} t`).join('；');
  if (key === 'stock' && Array.isArray(v))
    return v.map((s: { item: string; quantity: number; unit: string; minimum: number }) => `${s.item} ${s.quantity}${s.unit}${s.quantity < s.minimum ? (zh ? '（低于下限）' : ' (below minimum)') : ''}`).join('；');
  if (key === 'suitability' && typeof v === 'object')
    return Object.entries(v as Record<string, boolean>).filter(([, ok]) => ok).map(([k]) => valueLabel('suitability', k, locale)).join(zh ? '、' : ', ') || '—';
  if (key === 'counts' && typeof v === 'object') return Object.entries(v as Record<string, number>).map(([l, n]) => `${translateLoose(locale, `level.${l}`, l)} ${n}`).join(' · ');
  if (key === 'facilities' && Array.isArray(v)) return v.map((x) => translateLoose(locale, `facility.${x}`, String(x))).join(zh ? '、' : ', ') || '—';
  if (Array.isArray(v)) return v.join(zh ? '、' : ', ') || '—';
  if (key === 'assessmentInputs' && typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${x}`).join(', ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${fieldLabel(k, locale)} ${x}`).join(zh ? '；' : '; ');
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString(locale) : v.toLocaleString(locale, { maximumFractionDigits: 2 });
  return String(v);
}

/** Rows for the detail panel, known fields first in a stable order, unknown fields after. */
export function detailRows(props: Record<string, unknown>, locale: Locale, townshipName: (code: string) => string | undefined = () => undefined, layer?: string): DetailRow[] {
  const known = Object.keys(LABELS).filter((k) => k in props);
  const other = Object.keys(props).filter((k) => !(k in LABELS) && !HIDDEN.has(k));
  return [...known, ...other].map((key) => {
    const f = spec(layer, key);
    const u = f?.unit ? UNITS[f.unit] : null;
    const unit = u ? (locale === 'en' && /[^\x00-\x7f²°]/.test(u.symbol) ? u.en : u.symbol) : null;
    const label = f ? `${labelIn(f.label, locale)}${unit && !labelIn(f.label, locale).includes(unit) ? ` (${unit})` : ''}` : fieldLabel(key === 'level' && typeof props.level === 'string' && Number.isNaN(Number(props.level)) ? 'level_warehouse' : key, locale);
    const raw = parseNested(props[key]);
    const value = raw === null || raw === undefined || raw === '' ? '—' : (vocabValue(f, raw, locale) ?? format(key, props[key], locale, townshipName));
    return { key, label, value };
  });
}
