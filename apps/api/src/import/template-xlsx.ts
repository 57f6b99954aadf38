import ExcelJS from 'exceljs';
import { ENUMERATIONS, UNITS, editableFields, enumOptions, labelIn, POSITION_FIELDS, type FieldSpec, type Locale } from '@riskmap/contract';
import type { LayerId } from '@riskmap/geo';

/** Where the example row sits: a township seat of the county and its code (so the example imports as it is). */
export interface TemplateExample {
  lon: number;
  lat: number;
  townshipCode: string;
}

const ROWS_WITH_LISTS = 2000;
const POLYGON_LAYERS: readonly LayerId[] = ['townships'];

/** The heading of a field in a template: its label, the unit in brackets, `*` when required. */
export function templateHeading(f: FieldSpec, locale: Locale): string {
  const unit = f.unit ? (locale === 'en' ? ` (${UNITS[f.unit].symbol})` : `（${UNITS[f.unit].symbol}）`) : '';
  return `${labelIn(f.label, locale)}${unit}${f.required ? '*' : ''}`;
}

function exampleValue(layer: LayerId, f: FieldSpec, ex: TemplateExample, locale: Locale): string | number | null {
  const zh = locale !== 'en';
  if (f.key === 'code') return `EX-${layer.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 4)}-001`;
  if (f.key === 'name') return zh ? '示例记录（可删除）' : 'Example record (delete me)';
  if (f.key === 'sample') return labelIn(ENUMERATIONS.booleans.labels.true, locale);
  if (f.key === 'townshipCode') return ex.townshipCode;
  if (f.key === 'parentCode') return ex.townshipCode.slice(0, 6);
  if (f.key === 'totalAreaM2' || f.key === 'areaM2') return 10000;
  if (f.key === 'effectiveAreaM2') return 6000;
  if (f.key === 'turnoutMinutes') return 1;
  if (f.key === 'methodVersion') return 'LEC-2024.1';
  if (f.key === 'score') return 126;
  if (f.kind === 'enum' && f.enum) return enumOptions(f.enum, locale)[0]!.label;
  if (f.kind === 'list' && f.enum) return enumOptions(f.enum, locale)[0]!.label;
  if (f.kind === 'integer' || f.kind === 'number') return f.required ? 1000 : null;
  if (f.kind === 'boolean') return labelIn(ENUMERATIONS.booleans.labels.false, locale);
  if (f.kind === 'date') return '2026-01-01';
  return null;
}

function ruleText(f: FieldSpec, locale: Locale): string {
  const zh = locale !== 'en';
  const parts: string[] = [];
  if (f.enum) {
    const opts = enumOptions(f.enum, locale).map((o) => o.label).join(zh ? '、' : ', ');
    parts.push(f.kind === 'list' ? (zh ? `可填多个，用“、”分隔：${opts}${f.open ? '（也可填其他）' : ''}` : `one or more, separated by ";": ${opts}${f.open ? ' (others allowed)' : ''}`) : zh ? `从下拉列表选择：${opts}` : `choose from the list: ${opts}`);
  }
  if (f.kind === 'boolean') parts.push(zh ? '填“是”或“否”' : 'yes or no');
  if (f.kind === 'integer') parts.push(zh ? '整数，不小于 0' : 'a whole number, at least 0');
  if (f.kind === 'number') parts.push(zh ? '数字，不小于 0' : 'a number, at least 0');
  if (f.kind === 'json') parts.push(zh ? 'JSON 文本' : 'JSON text');
  if (f.rule) parts.push(labelIn(f.rule, locale));
  return parts.join(zh ? '；' : '; ');
}

/**
 * The import template of a layer: a data sheet with the vocabulary's headings (Chinese first), drop-down lists for
 * enumerated fields, one example row that imports as it is (marked 示例数据), a 填表说明 sheet with units and rules,
 * and a sheet of the allowed values the lists read.
 * @example const bytes = await importTemplate('shelters', 'zh-CN', { lon: 115.79, lat: 36.11, townshipCode: '371521001' }, '应急避难场所')
 */
export async function importTemplate(layer: LayerId, locale: Locale, ex: TemplateExample, title: string): Promise<Buffer> {
  const zh = locale !== 'en';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'riskmap';
  const fields = editableFields(layer);
  const position = POLYGON_LAYERS.includes(layer) ? [POSITION_FIELDS.geometry] : [POSITION_FIELDS.lon, POSITION_FIELDS.lat];
  const data = wb.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet(zh ? '填表说明' : 'Instructions');
  const lists = wb.addWorksheet(zh ? '选项' : 'Lists', { state: 'hidden' });

  const headings = [...fields.map((f) => templateHeading(f, locale)), ...position.map((f) => (f.key === 'geometry' ? `${labelIn(f.label, locale)}（WKT）*` : `${labelIn(f.label, locale)}*`))];
  const head = data.addRow(headings);
  head.font = { bold: true };
  head.eachCell((c, i) => {
    if (headings[i - 1]!.endsWith('*')) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  const d = 0.002;
  const square = `POLYGON((${ex.lon - d} ${ex.lat - d},${ex.lon + d} ${ex.lat - d},${ex.lon + d} ${ex.lat + d},${ex.lon - d} ${ex.lat + d},${ex.lon - d} ${ex.lat - d}))`;
  data.addRow([...fields.map((f) => exampleValue(layer, f, ex, locale)), ...(position.length === 1 ? [square] : [ex.lon, ex.lat])]);
  data.columns.forEach((c, i) => (c.width = Math.max(10, Math.min(40, headings[i]!.length * 2 + 4))));

  // drop-down lists: one column of allowed labels per enumerated field on the hidden sheet
  let listColumn = 0;
  fields.forEach((f, i) => {
    const values = f.kind === 'boolean' ? enumOptions('booleans', locale) : f.kind === 'enum' && f.enum ? enumOptions(f.enum, locale) : undefined;
    if (!values) return;
    listColumn += 1;
    const col = lists.getColumn(listColumn);
    col.values = [templateHeading(f, locale), ...values.map((v) => v.label)];
    const letter = col.letter;
    const range = `'${lists.name}'!$${letter}$2:$${letter}$${values.length + 1}`;
    for (let r = 2; r <= ROWS_WITH_LISTS; r++) {
      data.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !f.required,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: zh ? '取值不在列表中' : 'Not in the list',
        error: zh ? `请从下拉列表中选择${labelIn(f.label, locale)}` : `choose a ${labelIn(f.label, locale)} from the list`,
      };
    }
  });

  guide.addRow([zh ? `${title}导入模板 · 填表说明` : `${title} import template · instructions`]).font = { bold: true, size: 14 };
  guide.addRow([zh ? '第一张表的第 1 行为列名，请勿修改；带 * 的列必填。第 2 行为示例（标记为示例数据），可删除或改写。' : 'Row 1 of the first sheet holds the headings (keep them); columns marked * are required. Row 2 is an example (marked sample data): delete or overwrite it.']);
  guide.addRow([zh ? '坐标：默认 WGS84 / CGCS2000 经纬度（度）；其他坐标系请在导入时选择。编号已存在时，选择“按编号更新”可修改已有记录。' : 'Coordinates: WGS84 / CGCS2000 longitude/latitude (degrees) by default; choose another system when importing. To change existing records, import with update by code.']);
  guide.addRow([]);
  const gh = guide.addRow(zh ? ['列名', '字段', '必填', '单位', '取值与规则'] : ['Heading', 'Field', 'Required', 'Unit', 'Values and rules']);
  gh.font = { bold: true };
  for (const f of [...fields, ...position]) {
    guide.addRow([templateHeading(f, locale), f.key, f.required || position.includes(f) ? (zh ? '是' : 'yes') : '', f.unit ? `${labelIn(UNITS[f.unit], locale)}（${UNITS[f.unit].symbol}）` : '', ruleText(f, locale)]);
  }
  guide.getColumn(1).width = 24;
  guide.getColumn(2).width = 18;
  guide.getColumn(5).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
