import { unzipSync } from 'fflate';
import { ImportInputError } from './input-error.js';

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function tooLarge(total: number, cap: number): ImportInputError {
  return new ImportInputError('file.inflatedTooLarge', { limitMb: mb(cap) }, { field: 'body' }, { inflatedBytes: total, limitBytes: cap });
}

/**
 * Refuse a zip (Shapefile, KMZ, XLSX) whose entries together expand beyond the cap, from the sizes its directory
 * declares, before anything is inflated (413 inflated_too_large).
 * @example assertInflatedSize(bytes, config.imports.maxInflatedBytes)
 */
export function assertInflatedSize(bytes: Uint8Array, cap: number): void {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return; // not a readable zip: the reader names the problem
  }
  if (total > cap) throw tooLarge(total, cap);
}

/**
 * Unzip with the cap enforced on what is really inflated too (a directory can understate sizes); bytes that are not
 * a readable zip are refused as `file.notZip`.
 * @example const files = unzipCapped(bytes, cap)
 */
export function unzipCapped(bytes: Uint8Array, cap: number): Record<string, Uint8Array> {
  assertInflatedSize(bytes, cap);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new ImportInputError('file.notZip', { detail: (err as Error).message });
  }
  const total = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (total > cap) throw tooLarge(total, cap);
  return files;
}
