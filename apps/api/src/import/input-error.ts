import { IMPORT_FILE_REASONS, type ImportFileReason } from '@riskmap/contract';

/** Where in the file a refusal is, when known: the request part (`field`: body, prj, crs …), the row and the column as written. */
export interface InputPlace {
  field?: string;
  row?: number;
  column?: string;
}

/**
 * A reader's refusal of a file (readers know no HTTP): a reason key of IMPORT_FILE_REASONS with its figures and the
 * place; `code` is the answer's error code. The import route turns it into the one error shape in the user's language.
 * @example throw new ImportInputError('file.noDbf', { base: 'shelters' }, { field: 'body' })
 */
export class ImportInputError extends Error {
  readonly code: (typeof IMPORT_FILE_REASONS)[ImportFileReason]['code'];

  constructor(
    readonly key: ImportFileReason,
    readonly params: Record<string, unknown> = {},
    readonly place: InputPlace = { field: 'body' },
    /** Figures kept in the answer's details under their own names (limitBytes, rows …). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'ImportInputError';
    this.code = IMPORT_FILE_REASONS[key].code;
  }
}
