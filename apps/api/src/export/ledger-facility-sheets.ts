import type ExcelJS from 'exceljs';
import type { FeatureCollection } from 'geojson';
import { enumLabel, fieldLabelOf, Layers, type EnumId } from '@riskmap/contract';

/** The facility layers the 台账 lists one by one. */
export const LEDGER_FACILITY_LAYERS = ['shelters', 'fire-stations', 'warehouses'] as const;
type FacilityLayer = (typeof LEDGER_FACILITY_LAYERS)[number];

interface Column {
  heading: string;
  value: (p: Record<string, unknown>) => string | number | null;
  width: number;
}

const text = (k: string) => (p: Record<string, unknown>) => (p[k] === null || p[k] === undefined || p[k] === '' ? null : String(p[k]));
const num = (k: string) => (p: Record<string, unknown>) => (typeof p[k] === 'number' ? (p[k] as number) : p[k] === null || p[k] === undefined ? null : Number(p[k]));
const label = (id: EnumId, k: string) => (p: Record<string, unknown>) => (p[k] === null || p[k] === undefined ? null : enumLabel(id, p[k] as string));
const heading = (layer: FacilityLayer, key: string, unit = '') => `${fieldLabelOf(layer, key)}${unit ? `（${unit}）` : ''}`;

function columns(layer: FacilityLayer, township: (code: unknown) => string | null): Column[] {
  const head: Column[] = [
    { heading: heading(layer, 'code'), value: text('code'), width: 14 },
    { heading: heading(layer, 'name'), value: text('name'), width: 26 },
    { heading: '所属乡镇（街道）', value: (p) => township(p.townshipCode), width: 14 },
  ];
  const tail: Column[] = [
    { heading: '最后修改', value: (p) => (p.updatedAt ? String(p.updatedAt).slice(0, 19).replace('T', ' ') : null), width: 20 },
    { heading: '示例数据', value: (p) => (p.sample === true ? '是' : '否'), width: 8 },
  ];
  if (layer === 'shelters') {
    return [
      ...head,
      { heading: heading(layer, 'address'), value: text('address'), width: 24 },
      { heading: heading(layer, 'shelterClass'), value: label('shelterClasses', 'shelterClass'), width: 18 },
      { heading: heading(layer, 'siteType'), value: label('siteTypes', 'siteType'), width: 10 },
      { heading: heading(layer, 'totalAreaM2', 'm²'), value: num('totalAreaM2'), width: 12 },
      { heading: heading(layer, 'effectiveAreaM2', 'm²'), value: num('effectiveAreaM2'), width: 12 },
      { heading: heading(layer, 'capacity', '人'), value: num('capacity'), width: 12 },
      { heading: heading(layer, 'status'), value: label('shelterStatuses', 'status'), width: 8 },
      { heading: heading(layer, 'contactPerson'), value: text('contactPerson'), width: 10 },
      { heading: heading(layer, 'contactPhone'), value: text('contactPhone'), width: 14 },
      ...tail,
    ];
  }
  if (layer === 'fire-stations') {
    return [
      ...head,
      { heading: heading(layer, 'stationType'), value: label('stationTypes', 'stationType'), width: 18 },
      { heading: heading(layer, 'vehicles', '辆'), value: num('vehicles'), width: 10 },
      { heading: heading(layer, 'staff', '人'), value: num('staff'), width: 10 },
      { heading: heading(layer, 'turnoutMinutes', '分钟'), value: num('turnoutMinutes'), width: 12 },
      { heading: heading(layer, 'contactPhone'), value: text('contactPhone'), width: 14 },
      ...tail,
    ];
  }
  return [
    ...head,
    { heading: heading(layer, 'level'), value: label('warehouseLevels', 'level'), width: 14 },
    { heading: heading(layer, 'floorAreaM2', 'm²'), value: num('floorAreaM2'), width: 12 },
    { heading: heading(layer, 'contactPerson'), value: text('contactPerson'), width: 10 },
    { heading: heading(layer, 'contactPhone'), value: text('contactPhone'), width: 14 },
    ...tail,
  ];
}

/**
 * One sheet per facility layer listing every facility (code, name, township, address, class/type, areas, capacity,
 * status, contact, last change), with the basis (口径) and the 示例数据 flag; values and labels from the vocabulary.
 * @example addFacilitySheets(wb, { shelters, 'fire-stations': stations, warehouses }, townshipNames, '2026-12-01')
 */
export function addFacilitySheets(wb: ExcelJS.Workbook, layers: Partial<Record<FacilityLayer, FeatureCollection>>, townshipNames: Map<string, string>, date: string): void {
  const township = (code: unknown) => (typeof code === 'string' ? `${townshipNames.get(code) ?? ''}（${code}）` : null);
  for (const layer of LEDGER_FACILITY_LAYERS) {
    const fc = layers[layer];
    if (!fc) continue;
    const title = Layers.labels[layer].zh;
    const cols = columns(layer, township);
    const sheet = wb.addWorksheet(`${title}台账`.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
    const width = cols.length + 1;
    sheet.addRow([`${title}台账`]);
    sheet.mergeCells(1, 1, 1, width);
    sheet.getRow(1).font = { bold: true, size: 14 };
    const sample = fc.features.some((f) => f.properties?.sample === true);
    const basis = layer === 'shelters' ? '面积为登记的总面积与有效避难面积（m²），容纳人数为登记值（人）；含规划中、已建、开放及已关闭场所' : '数值为登记值';
    sheet.addRow([`口径：列出本图层全部未删除的记录（共 ${fc.features.length} 条，按编号排序）；${basis}；制表日期 ${date}${sample ? '；示例数据' : ''}`]);
    sheet.mergeCells(2, 1, 2, width);
    const head = sheet.addRow(['序号', ...cols.map((c) => c.heading)]);
    head.font = { bold: true };
    head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const features = [...fc.features].sort((a, b) => String(a.properties?.code).localeCompare(String(b.properties?.code)));
    features.forEach((f, i) => sheet.addRow([i + 1, ...cols.map((c) => c.value(f.properties ?? {}))]));
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 6 : (cols[i - 1]?.width ?? 12)));
  }
}
