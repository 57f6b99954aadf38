import type { Request } from 'express';
import { enumOptions, fieldSpec, labelIn, type Locale } from '@riskmap/contract';
import type { LayerId } from '@riskmap/geo';
import type { RowError } from './types.js';

/** The user's language: `?lang=`, else the first Accept-Language tag; Chinese unless English is asked for. */
export function requestLocale(req: Request): Locale {
  const q = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  const tag = (q ?? req.get('accept-language')?.split(',')[0] ?? '').trim().toLowerCase();
  return tag.startsWith('en') ? 'en' : 'zh-CN';
}

type Params = Record<string, unknown>;
const T: Record<string, { zh: (p: Params) => string; en: (p: Params) => string }> = {
  'position.none': { zh: () => '找不到位置列：需要“经度”“纬度”两列（或 lon/lat、X/Y），或一列 WKT / GeoJSON 几何', en: () => 'no position columns: expected longitude and latitude (lon/lat, X/Y, 经度/纬度) or a WKT / GeoJSON geometry column' },
  'position.missing': { zh: (p) => `缺少${p.axis === 'lon' ? '经度' : '纬度'}`, en: (p) => `${p.axis === 'lon' ? 'longitude' : 'latitude'} missing` },
  'position.notNumber': { zh: (p) => `${p.axis === 'lon' ? '经度' : '纬度'}“${p.value}”不是数字`, en: (p) => `${p.axis === 'lon' ? 'longitude' : 'latitude'} "${p.value}" is not a number` },
  'geometry.notText': { zh: () => '不是 WKT 或 GeoJSON 几何文本', en: () => 'not WKT or GeoJSON geometry text' },
  'geometry.missing': { zh: () => '缺少位置（几何）', en: () => 'no geometry' },
  'geometry.wrongType': { zh: (p) => `几何类型须为 ${p.expected}`, en: (p) => `the geometry must be a ${p.expected}` },
  'geometry.invalid': { zh: (p) => `几何无效（${p.reason}）`, en: (p) => `not a valid geometry (${p.reason})` },
  'geometry.outside': { zh: (p) => `位置在县域范围之外（距县界超过 ${p.tolerance} 米）`, en: (p) => `outside the county (more than ${p.tolerance} m from its boundary)` },
  'geometry.projected': { zh: (p) => `坐标（${p.x}, ${p.y}）像是投影坐标（米），不是经纬度；请选择文件的坐标系（如 CGCS2000 3° 带 EPSG:4548）`, en: (p) => `coordinates (${p.x}, ${p.y}) look projected (metres), not longitude/latitude; choose the file's coordinate system (e.g. CGCS2000 3° zone EPSG:4548)` },
  'code.taken': { zh: (p) => `编号“${p.code}”已存在（可能已删除，请先恢复）；如要更新已有记录，请选择“按编号更新”`, en: (p) => `code "${p.code}" already exists (possibly deleted: restore it); to update existing records choose update by code` },
  'code.repeats': { zh: (p) => `编号“${p.code}”与第 ${p.other} 行重复`, en: (p) => `code "${p.code}" repeats row ${p.other}` },
  'value.required': { zh: () => '必填，不能为空', en: () => 'required' },
  'value.notOption': { zh: (p) => `“${p.value}”不是允许的取值（可填：${p.options}）`, en: (p) => `"${p.value}" is not one of the allowed values (${p.options})` },
  'value.notNumber': { zh: (p) => `“${p.value}”不是数字`, en: (p) => `"${p.value}" is not a number` },
  'value.notInteger': { zh: (p) => `“${p.value}”须为整数`, en: (p) => `"${p.value}" must be a whole number` },
  'value.notBoolean': { zh: (p) => `“${p.value}”须为“是”或“否”`, en: (p) => `"${p.value}" must be yes or no` },
  'value.notText': { zh: () => '须为文字', en: () => 'must be text' },
  'value.badType': { zh: (p) => `“${p.value}”格式不对（须为 ${p.expected}）`, en: (p) => `"${p.value}" has the wrong form (expected ${p.expected})` },
  'value.tooSmall': { zh: (p) => `“${p.value}”小于下限 ${p.limit}`, en: (p) => `"${p.value}" is below the minimum ${p.limit}` },
  'value.tooBig': { zh: (p) => `“${p.value}”超过上限 ${p.limit}`, en: (p) => `"${p.value}" is above the maximum ${p.limit}` },
  'value.tooShort': { zh: () => '不能为空', en: () => 'must not be empty' },
  'value.tooLong': { zh: (p) => `不能超过 ${p.limit} 个字符`, en: (p) => `at most ${p.limit} characters` },
  'value.badDate': { zh: (p) => `“${p.value}”不是日期（如 2026-11-28）`, en: (p) => `"${p.value}" is not a date like 2026-11-28` },
  'value.unknownKeys': { zh: (p) => `不属于本图层的字段：${p.keys}`, en: (p) => `not fields of this layer: ${p.keys}` },
  'value.invalid': { zh: (p) => `取值无效（${p.detail}）`, en: (p) => `invalid (${p.detail})` },
  'rule.effectiveOverTotal': { zh: (p) => `有效面积 ${p.effective} m² 大于${p.totalLabel} ${p.total} m²`, en: (p) => `effective area ${p.effective} m² exceeds the ${p.totalLabel} ${p.total} m²` },
  'geometry.shape': { zh: (p) => `几何形状有误（${p.reason}）`, en: (p) => `the geometry is malformed (${p.reason})` },
  'scope.outside': { zh: (p) => `位置在您负责的乡镇 ${p.scope} 之外（超出其边界 ${p.tolerance} 米以上）`, en: (p) => `outside your township ${p.scope} (more than ${p.tolerance} m beyond its outline)` },
  'scope.claimed': { zh: (p) => `您只能导入乡镇 ${p.scope} 的记录（此行填写的是 ${p.township}）`, en: (p) => `you may import only records of township ${p.scope} (this row says ${p.township})` },
  'scope.townships': { zh: (p) => `限定乡镇（${p.scope}）的规划人员不能导入乡镇边界`, en: (p) => `township outlines are imported by unscoped planners or admins (you are limited to township ${p.scope})` },
  'township.unknown': { zh: (p) => `没有编码为“${p.township}”的乡镇`, en: (p) => `no township "${p.township}"` },
  'township.mismatch': { zh: (p) => `位置位于乡镇 ${p.located || '（县域外）'}，不是 ${p.township}`, en: (p) => `the location lies in township ${p.located || '(none)'}, not ${p.township}` },
  'rule.outsideScope': { zh: (p) => `您只能导入乡镇 ${p.scope} 的记录（此行属于 ${p.township || '无乡镇'}）`, en: (p) => `you may import only records of township ${p.scope} (this row is in ${p.township || 'no township'})` },
  'row.notFeature': { zh: () => '不是 GeoJSON Feature', en: () => 'not a GeoJSON Feature' },
  'csv.parse': { zh: (p) => `CSV 格式错误（${p.detail}）`, en: (p) => `CSV: ${p.detail}` },
  'update.stale': { zh: (p) => `编号“${p.code}”的记录在导出后已被修改（文件中版本 v${p.fileVersion}，当前 v${p.version}）；请重新导出后再改`, en: (p) => `the record with code "${p.code}" changed since the file was exported (file v${p.fileVersion}, now v${p.version}); export again and redo the change` },
  'update.deleted': { zh: (p) => `编号“${p.code}”的记录已删除；请先恢复`, en: (p) => `the record with code "${p.code}" is deleted; restore it first` },
};

/** The name a field goes by in messages: the column as written in the file, else the field's label. */
function columnName(layer: LayerId, e: RowError, locale: Locale): string {
  if (e.column) return e.column;
  const key = e.field.replace(/^properties\./, '').split('.')[0]!;
  if (key === 'geometry' || key === 'lon' || key === 'lat') return locale === 'en' ? { geometry: 'position', lon: 'longitude', lat: 'latitude' }[key] : { geometry: '位置', lon: '经度', lat: '纬度' }[key];
  const spec = fieldSpec(layer, key);
  return spec ? labelIn(spec.label, locale) : key;
}

/** The allowed values of a field, as labels in the locale (for "not an allowed value" messages). */
export function optionsOf(layer: LayerId, field: string, locale: Locale): string | undefined {
  const spec = fieldSpec(layer, field.replace(/^properties\./, '').split('.')[0]!);
  if (!spec?.enum) return undefined;
  return enumOptions(spec.enum, locale).map((o) => o.label).join(locale === 'en' ? ', ' : '、');
}

/** The reason of one problem in the locale (the English message where no code is known). */
export function reasonText(e: RowError, locale: Locale): string {
  const t = e.code ? T[e.code] : undefined;
  if (!t) return e.message;
  return locale === 'en' ? t.en(e.params ?? {}) : t.zh(e.params ?? {});
}

/**
 * Row problems in the user's language: `reason` alone, `message` the whole sentence naming the row and the column
 * as written in the file (第 3 行「场所类别」：… / Row 3, column "场所类别": …).
 * @example localizeErrors('shelters', errors, 'zh-CN')[0].message // '第 3 行「状态」：“在建”不是允许的取值（可填：规划中、已建成、开放中、已关闭）'
 */
export function localizeErrors(layer: LayerId, errors: RowError[], locale: Locale): RowError[] {
  return errors.map((e) => {
    const params = { ...e.params };
    if (e.code === 'value.notOption') params.options = optionsOf(layer, e.field, locale) ?? params.options;
    const reason = reasonText({ ...e, params }, locale);
    const wholeFile = e.code === 'position.none';
    const col = wholeFile ? '' : columnName(layer, e, locale);
    const message = locale === 'en'
      ? `Row ${e.row}${col ? `, column "${col}"` : ''}: ${reason}`
      : `第 ${e.row} 行${col ? `「${col}」` : ''}：${reason}`;
    return { ...e, ...(e.params || params.options ? { params } : {}), reason, message };
  });
}
