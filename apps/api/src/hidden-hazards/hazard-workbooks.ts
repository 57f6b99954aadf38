import ExcelJS from 'exceljs';
import type { HiddenHazardsConfig } from '@riskmap/config';
import type { HazardRow, HazardStep } from '@riskmap/db';
import { hazardState } from './hazard-state.js';
import type { HazardGroupStats, HazardStatistics } from './hazard-statistics.js';

export const REGISTER_HEADINGS = [
  '序号', '隐患编号', '隐患名称', '乡镇（街道）', '企业/单位', '部位/场所', '关联风险点', '行业领域', '隐患等级', '发现方式', '发现人', '发现日期', '隐患描述',
  '责任单位', '责任人', '整改措施', '整改资金（元）', '整改时限', '应急预案', '状态', '是否逾期', '挂牌督办', '上报日期', '上报说明', '销号日期', '示例数据',
];
/** The flow step whose date and note fill 上报日期 / 上报说明 (a record step of the flow: it keeps the status). */
export const REPORTED_STEP = 'escalate';
export const BULLETIN_HEADINGS = ['序号', '名称', '发现（项）', '其中重大（项）', '已销号（项）', '未销号（项）', '逾期（项）', '整改率', '平均整改天数（天）'];

function titled(sheet: ExcelJS.Worksheet, title: string, note: string, width: number): void {
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow([note]);
  sheet.mergeCells(2, 1, 2, width);
}

function heading(sheet: ExcelJS.Worksheet, headings: string[]): void {
  const row = sheet.addRow(headings);
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/**
 * The 隐患台账 workbook: every hazard with its five 到位, state on `today` and 上报 (date, note), and a sheet of
 * every step of its history.
 * @example await registerWorkbook(rows, steps, { today: '2026-12-01', cfg, townships, sample: true })
 */
export async function registerWorkbook(
  rows: HazardRow[],
  steps: HazardStep[],
  o: { today: string; cfg: HiddenHazardsConfig; townships: Map<string, string>; sample: boolean },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'riskmap';
  const sheet = wb.addWorksheet('隐患台账', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  titled(sheet, '生产安全事故隐患排查治理台账', `口径：全部未删除隐患；逾期 = 整改时限已过且未销号（按 ${o.today} 计）；制表日期 ${o.today}${o.sample ? '；示例数据' : ''}`, REGISTER_HEADINGS.length);
  heading(sheet, REGISTER_HEADINGS);
  const code = new Map(rows.map((r) => [r.id, r.code]));
  const reported = new Map(steps.filter((s) => s.step === REPORTED_STEP).map((s) => [s.hazardId, s]));
  rows.forEach((r, i) => {
    const s = hazardState(r, o.today, o.cfg);
    const up = reported.get(r.id);
    sheet.addRow([
      i + 1, r.code, r.name, o.townships.get(r.townshipCode ?? '') ?? r.townshipCode ?? '', r.enterprise, r.place, r.riskPointCode ?? '',
      o.cfg.categories[r.category]?.zh ?? r.category, o.cfg.grades[r.grade as 'general']?.zh ?? r.grade, o.cfg.sources[r.discoverySource]?.zh ?? r.discoverySource,
      r.finder, r.foundOn, r.description, r.responsibleUnit, r.responsiblePerson, r.measures, r.fundsYuan, r.deadline ?? '', r.contingencyPlan,
      o.cfg.statuses[r.status]?.zh ?? r.status, s.overdue ? '是' : '否', r.supervised ? '是' : '否', up?.onDate ?? '', up?.note ?? '', r.closedOn ?? '', r.sample ? '示例数据' : '',
    ]);
  });
  sheet.columns.forEach((c, i) => (c.width = [6, 20, 24, 12, 20, 16, 14, 10, 10, 14, 10, 12, 30][i] ?? 16));
  const history = wb.addWorksheet('整改记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  heading(history, ['隐患编号', '步骤', '原状态', '新状态', '日期', '说明', '操作人', '角色', '记录时间']);
  for (const s of steps) {
    const step = o.cfg.flow.find((f) => f.key === s.step);
    history.addRow([code.get(s.hazardId) ?? s.hazardId, step?.zh ?? s.step, o.cfg.statuses[s.fromStatus]?.zh ?? '', o.cfg.statuses[s.toStatus]?.zh ?? s.toStatus, s.onDate, s.note, s.actor, s.role, s.at]);
  }
  history.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function statsRow(i: number | string, name: string, g: HazardGroupStats): (string | number | null)[] {
  const rate = g.rectificationRate === null ? '—' : `${(g.rectificationRate * 100).toFixed(1)}%`;
  return [i, name, g.found, g.major, g.rectified, g.open, g.overdue, rate, g.avgDaysToClose === null ? '—' : Math.round(g.avgDaysToClose * 10) / 10];
}

/**
 * The monthly 通报: per township and per category, the hazards found in the month and cumulatively to its
 * end, and the 屡改屡犯 units. Names come from `names(by, key)`.
 * @example await bulletinWorkbook('2026-11', { township: [month, cumulative], category: [month, cumulative] }, …)
 */
export async function bulletinWorkbook(
  month: string,
  stats: Record<'township' | 'category', [HazardStatistics, HazardStatistics]>,
  o: { names: (by: 'township' | 'category', key: string) => string; sample: boolean; today: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'riskmap';
  const [y, m] = month.split('-');
  for (const by of ['township', 'category'] as const) {
    const sheet = wb.addWorksheet(by === 'township' ? '按乡镇（街道）' : '按行业领域', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
    titled(sheet, `隐患排查治理情况通报（${y}年${Number(m)}月）`, `口径：本月 = 发现日期在本月的隐患；累计 = 发现日期不晚于月末；已销号、逾期按 ${o.today} 计；整改率 = 已销号 ÷ 发现${o.sample ? '；示例数据' : ''}`, BULLETIN_HEADINGS.length);
    for (const [label, s] of [['本月', stats[by][0]], ['累计', stats[by][1]]] as const) {
      sheet.addRow([label]).font = { bold: true };
      heading(sheet, BULLETIN_HEADINGS);
      s.groups.forEach((g, i) => sheet.addRow(statsRow(i + 1, o.names(by, g.key), g)));
      sheet.addRow(statsRow('合计', '全县', s.total)).font = { bold: true };
      sheet.addRow([]);
    }
    if (by === 'township') {
      const r = stats.township[1].recurring;
      sheet.addRow([`屡改屡犯单位（近 ${r.rule.windowDays} 天内发现隐患 ≥ ${r.rule.minHazards} 项）`]).font = { bold: true };
      heading(sheet, ['序号', '单位', '乡镇（街道）', '隐患（项）', '隐患编号']);
      r.units.forEach((u, i) => sheet.addRow([i + 1, u.unit, o.names('township', u.townshipCode ?? ''), u.count, u.codes.join('、')]));
    }
    sheet.columns.forEach((c, i) => (c.width = [8, 22, 12, 14, 12, 12, 10, 10, 18][i] ?? 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
