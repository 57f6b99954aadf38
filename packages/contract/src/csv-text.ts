/** CSV text as riskmap writes it everywhere (API exports and the web app's downloads): UTF-8 byte-order mark, CRLF, quoting, formula cells prefixed. */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A cell a spreadsheet would run as a formula is prefixed with '; a number written as text stays as it is.
  if (typeof v === 'string' && FORMULA.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as CSV text with a byte-order mark (so Excel opens Chinese text correctly) and CRLF line ends.
 * @example csvText(['名称'], [['人民广场']]) // '\uFEFF名称\r\n人民广场'
 */
export function csvText(headings: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + [headings, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}
