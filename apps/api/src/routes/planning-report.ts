import { Router } from 'express';
import ExcelJS from 'exceljs';
import { planningReport } from '@riskmap/contract';
import { shelterAreaPerCapita, type PerCapitaResult } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import type { LayerCache } from '../services/layer-cache.js';
import { addFacilitySheets } from '../export/ledger-facility-sheets.js';
import { addCoverageSheet } from '../export/ledger-coverage-sheet.js';
import { coverageFigures } from '../services/coverage.js';
import type { FeatureCollection } from 'geojson';

/** Columns of the 台账 (ledger) sheet, in order. */
export const LEDGER_HEADINGS = ['序号', '乡镇（街道）', '常住人口（人）', '避难场所（处）', '有效避难面积（m²）', '人均有效避难面积（m²/人）', '目标（m²/人）', '缺口（m²；合计行为净缺口，乡镇间可调剂）', '是否达标'];

type Row = PerCapitaResult['townships'][number];
const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

function ledgerRow(index: number | string, r: Row, targetM2: number): (string | number | null)[] {
  const met = r.meetsTarget === null ? '—' : r.meetsTarget ? '达标' : '未达标';
  return [index, r.name, r.population, r.shelterCount, Math.round(r.effectiveAreaM2), round(r.perCapitaM2, 2), targetM2, Math.round(r.shortfallM2), met];
}

/** Both county shortfalls, named as docs/coverage-model.md §Shortfall names them. */
export function shortfallNote(result: Pick<PerCapitaResult, 'shortfall'>): string {
  const m2 = (n: number) => Math.round(n).toLocaleString('zh-CN');
  return `全县净缺口（乡镇间可调剂）${m2(result.shortfall.netM2)} m²，乡镇缺口合计（各乡镇各自达标）${m2(result.shortfall.sumOfTownshipsM2)} m²`;
}

/**
 * The per-township shelter table as an XLSX workbook in the 台账 layout: a title, a note on the
 * figures (effective area only, target, statuses counted, sample data), one row per township, then
 * the county town (the plan's indicator) and the county.
 * @example const bytes = await ledgerWorkbook(shelterAreaPerCapita(townships, shelters), { sample: true })
 */
export async function ledgerWorkbook(result: PerCapitaResult, about: { sample: boolean; includePlanned: boolean; date?: Date; facilities?: Parameters<typeof addFacilitySheets>[1]; townshipNames?: Map<string, string>; coverage?: (wb: ExcelJS.Workbook, date: string) => void }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'riskmap';
  const sheet = wb.addWorksheet('人均避难面积台账', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  const width = LEDGER_HEADINGS.length;
  sheet.addRow(['应急避难场所人均有效避难面积台账']);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  const date = (about.date ?? new Date()).toISOString().slice(0, 10);
  const statuses = about.includePlanned ? '已建、开放及规划中' : '已建及开放';
  sheet.addRow([`口径：仅计有效避难面积；目标 ${result.targetM2} m²/人；统计${statuses}场所；${shortfallNote(result)}；制表日期 ${date}${about.sample ? '；示例数据' : ''}`]);
  sheet.mergeCells(2, 1, 2, width);
  const head = sheet.addRow(LEDGER_HEADINGS);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  result.townships.forEach((r, i) => sheet.addRow(ledgerRow(i + 1, r, result.targetM2)));
  if (result.countyTown) sheet.addRow(ledgerRow('合计', { ...result.countyTown, name: `县城（${result.countyTown.name}）` }, result.targetM2)).font = { bold: true };
  sheet.addRow(ledgerRow('合计', result.county, result.targetM2)).font = { bold: true };
  const widths = [6, 16, 14, 12, 16, 18, 12, 22, 10];
  sheet.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
  for (let r = 3; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  }
  about.coverage?.(wb, date);
  if (about.facilities) addFacilitySheets(wb, about.facilities, about.townshipNames ?? new Map(), date);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * `GET /api/planning/report.xlsx?target=&includePlanned=` (planner, admin): the per-township table as a 台账 workbook.
 * @example curl -b cookies -OJ '/api/planning/report.xlsx?target=2.5'
 */
export function planningReportRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  mountRoute(router, planningReport, async (_req, res, { query: q }) => {
    const [townships, shelters, stations, warehouses] = await Promise.all([layers.get('townships'), layers.get('shelters'), layers.get('fire-stations'), layers.get('warehouses')]);
    const result = shelterAreaPerCapita(townships as never, shelters as never, { targetM2: q.target, includePlanned: q.includePlanned, shelters: deps.config.domain.shelters });
    const sample = [...townships.features, ...shelters.features].some((f) => f.properties?.sample === true);
    const townshipNames = new Map(townships.features.map((f) => [String(f.properties?.code), String(f.properties?.name)]));
    const facilities = { shelters, 'fire-stations': stations, warehouses } as Record<string, FeatureCollection>;
    // The coverage page's figures (the one coverage model), as its own sheet.
    const [shelterCover, stationCover] = await Promise.all([coverageFigures(deps.config.domain, layers, { facility: 'shelters' }), coverageFigures(deps.config.domain, layers, { facility: 'fire-stations' })]);
    const coverage = (wb: ExcelJS.Workbook, date: string) => addCoverageSheet(wb, { shelters: shelterCover, fireStations: stationCover }, townshipNames, deps.config.domain, date, sample);
    const bytes = await ledgerWorkbook(result, { sample, includePlanned: q.includePlanned, facilities, townshipNames, coverage });
    const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    res.attachment(`shelter-ledger-${stamp}.xlsx`);
    res.set('Cache-Control', 'no-store');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(bytes);
  });
  return router;
}
