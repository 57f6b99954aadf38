import Papa from 'papaparse';
import type { Table } from './table-rows.js';

/**
 * CSV text with a UTF-8 byte-order mark (so Excel opens Chinese text correctly) and CRLF line ends.
 * Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas.
 * @example toCsv({ headings: ['name'], rows: [['人民广场']] }) // '\uFEFFname\r\n人民广场'
 */
export function toCsv(table: Table): string {
  // A plain number written as text (e.g. "-12.5") stays a number; anything else starting with a formula character,
  // "-1+HYPERLINK(…)" included, is prefixed.
  const safe = (v: string | number | boolean | null) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && !/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? `'${v}` : v);
  return '\uFEFF' + Papa.unparse({ fields: table.headings, data: table.rows.map((r) => r.map(safe)) }, { newline: '\r\n' });
}
