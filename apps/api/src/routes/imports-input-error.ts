import { IMPORT_FILE_REASONS, importFileMessage, type Locale } from '@riskmap/contract';
import { crsInfo, InputError, type CrsInfo } from '@riskmap/geo';
import { HttpError } from '../http/http-error.js';
import { ImportInputError } from '../import/input-error.js';

/**
 * A reader's typed refusal as the one error shape: the reason's status and code, `message` in the user's language,
 * `details` with the reason `key`, its `params`, the field (and row and column where known) and `fields`. Other
 * errors pass unchanged.
 * @example throw importErrorAnswer(err, 'zh-CN')
 */
export function importErrorAnswer(err: unknown, locale: Locale): unknown {
  if (!(err instanceof ImportInputError)) return err;
  const message = importFileMessage(err.key, err.params, locale);
  const { field = 'body', row, column } = err.place;
  const allowed = err.extra.allowed;
  return new HttpError(IMPORT_FILE_REASONS[err.key].status, err.code, message, {
    key: err.key,
    params: err.params,
    field,
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
    fields: [{ field, message, ...(allowed ? { allowed } : {}) }],
    ...err.extra,
  });
}

/** crsInfo, with an unknown code refused as the import's `crs.unknown` naming the field (crs, prj, srs). */
export function importCrs(code: string, field = 'crs'): CrsInfo {
  try {
    return crsInfo(code, field);
  } catch (err) {
    if (err instanceof InputError) throw new ImportInputError('crs.unknown', { crs: code }, { field }, { allowed: err.allowed });
    throw err;
  }
}
