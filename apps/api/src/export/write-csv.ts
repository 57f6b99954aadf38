import Papa from 'papaparse';
import type { Table } from './table-rows.js';

/**
 * CSV text with a UTF-8 byte-order mark (so Excel opens Chinese text correctly) and CRLF line ends.
 * Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas.
 * @example toCsv({ headings: ['name'], rows: [['人民广场']] }) // '\uFEFFname\r\n人民广场'
 */
export function toCsv(table: Table): string {
  const safe = (v: string | number | boolean | null) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v);
  return '\uFEFF' + Papa.unparse({ fields: table.headings, data: table.rows.map((r) => r.map(safe)) }, { newline: '\r\n' });
}
