import type ExcelJS from 'exceljs';
import type { DomainConfig } from '@riskmap/config';
import type { coverageFigures } from '../services/coverage.js';

type Figures = Awaited<ReturnType<typeof coverageFigures>>;

const pct = (share: number) => Math.round(share * 1000) / 10;

/**
 * The ledger's 服务覆盖 sheet: per township, the resident population, the people within reach of a usable shelter and
 * of a fire station, and their shares — the figures of the coverage page (`coverageFigures`, the one coverage model),
 * with the rules and the denominator written above the table.
 * @example addCoverageSheet(wb, { shelters, fireStations }, names, domain, '2026-12-04', true)
 */
export function addCoverageSheet(wb: ExcelJS.Workbook, f: { shelters: Figures; fireStations: Figures }, townshipNames: Map<string, string>, domain: Readonly<DomainConfig>, date: string, sample: boolean): void {
  const sheet = wb.addWorksheet('服务覆盖', { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  const headings = ['序号', '乡镇（街道）', '常住人口（人）', '避难场所覆盖人口（人）', '避难场所覆盖率（%）', '消防站覆盖人口（人）', '消防站覆盖率（%）'];
  const width = headings.length;
  sheet.addRow(['避难场所与消防站服务覆盖']);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  const fs = domain.fireStations;
  const classes = Object.values(domain.shelters.classes).map((c) => `${c.zh} ${c.radiusM} 米`).join('、');
  sheet.addRow([`口径：避难场所按场所类别服务半径（${classes}），直线距离 × 步行绕行系数 ${domain.shelters.walkingDetourFactor}，计已建及开放场所；消防站按 ${fs.responseMinutes} 分钟响应，扣除各站登记的出动时间，直线距离 × 绕行系数 ${f.fireStations.impedance.detourFactor}，城区 ${fs.speedKmh.urban} km/h、乡村 ${fs.speedKmh.rural} km/h`]);
  sheet.mergeCells(2, 1, 2, width);
  sheet.addRow([`覆盖率 = 覆盖人口 ÷ 需求点常住人口合计（${f.shelters.population.toLocaleString('en-US')} 人）；与“覆盖分析”页面同一计算；制表日期 ${date}${sample ? '；示例数据' : ''}`]);
  sheet.mergeCells(3, 1, 3, width);
  const head = sheet.addRow(headings);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const stations = new Map(f.fireStations.townships.map((t) => [t.townshipCode, t]));
  f.shelters.townships.forEach((t, i) => {
    const s = stations.get(t.townshipCode);
    sheet.addRow([i + 1, townshipNames.get(t.townshipCode) ?? t.townshipCode, t.population, t.coveredPopulation, pct(t.coveredShare), s?.coveredPopulation ?? null, s ? pct(s.coveredShare) : null]);
  });
  sheet.addRow(['合计', '全县', f.shelters.population, f.shelters.coveredPopulation, pct(f.shelters.coveredShare), f.fireStations.coveredPopulation, pct(f.fireStations.coveredShare)]).font = { bold: true };
  [6, 16, 14, 18, 16, 18, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (let r = 4; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  }
}
