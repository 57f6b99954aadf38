import ExcelJS from 'exceljs';
import type { LayerId } from '@riskmap/geo';
import { ImportInputError } from './input-error.js';
import type { ReadResult } from './types.js';
import { recordsFromRows } from './tabular.js';
import type { UserMapping } from './mapping.js';

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('result' in v) return v.result; // formula: its cached result
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return v.text; // hyperlink
  if ('error' in v) return undefined;
  return String(v);
}

/**
 * Rows of the first worksheet of an XLSX workbook with a heading row; row = the spreadsheet row number.
 * @example (await readXlsx('shelters', bytes)).records[0].row // 2
 */
export async function readXlsx(layer: LayerId, bytes: Uint8Array, mapping: UserMapping = {}): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    throw new ImportInputError('file.notXlsx', { detail: (err as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportInputError('file.noWorksheet');
  const headingRow = sheet.getRow(1);
  const headings: string[] = [];
  headingRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headings[col - 1] = String(cellValue(cell.value) ?? '').trim();
  });
  const rows: Record<string, unknown>[] = [];
  const numbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Record<string, unknown> = {};
    let blank = true;
    headings.forEach((h, i) => {
      if (!h) return;
      const v = cellValue(row.getCell(i + 1).value);
      if (v !== undefined && String(v).trim() !== '') blank = false;
      cells[h] = v;
    });
    if (blank) return;
    rows.push(cells);
    numbers.push(n);
  });
  const out = recordsFromRows(layer, rows, (i) => numbers[i]!, headings.filter(Boolean), undefined, mapping);
  return { records: out.records, errors: out.errors, warnings: out.warnings, mapping: out.mapping };
}
