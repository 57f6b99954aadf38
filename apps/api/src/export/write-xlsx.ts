import ExcelJS from 'exceljs';
import type { Table } from './table-rows.js';

/**
 * An XLSX workbook of one worksheet (named `sheetName`, bold frozen heading row, auto filter).
 * @example const bytes = await toXlsx({ headings: ['name'], rows: [['人民广场']] }, '应急避难场所')
 */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'riskmap';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headings).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  if (table.headings.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headings.length } };
  sheet.columns.forEach((c, i) => {
    c.width = Math.min(40, Math.max(8, table.headings[i]!.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
