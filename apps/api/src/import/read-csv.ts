import Papa from 'papaparse';
import type { LayerId } from '@riskmap/geo';
import type { ImportEncoding, ReadResult } from './types.js';
import { decodeText } from './decode-text.js';
import { recordsFromRows } from './tabular.js';
import type { UserMapping } from './mapping.js';

/**
 * Rows of a CSV file (UTF-8 or GBK, declared or detected; comma, semicolon or tab separated) with a heading row;
 * row = line number in the file (the heading is row 1).
 * @example readCsv('shelters', Buffer.from('code,name,lon,lat\nS1,广场,115.79,36.11\n'), 'auto').records[0].row // 2
 */
export function readCsv(layer: LayerId, bytes: Uint8Array, encoding: ImportEncoding, mapping: UserMapping = {}): ReadResult {
  const decoded = decodeText(bytes, encoding);
  const parsed = Papa.parse<Record<string, string>>(decoded.text, { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const headings = parsed.meta.fields ?? [];
  // papaparse reports a row by its index among data rows; with the heading that is line index + 2 (no multi-line cells assumed).
  const rowOf = (i: number) => i + 2;
  const parseErrors = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: e.row === undefined ? 1 : rowOf(e.row), field: 'row', code: 'csv.parse', params: { detail: e.message }, message: `CSV: ${e.message}` }));
  const out = recordsFromRows(layer, parsed.data, rowOf, headings, undefined, mapping);
  return { records: out.records, errors: [...parseErrors, ...out.errors], warnings: out.warnings, encoding: decoded.encoding, mapping: out.mapping };
}
