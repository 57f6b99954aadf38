/** Saving a file the page made itself (a PNG sheet, a siting export) through a link with `download`. */

/** Save `url` (a data: or blob: URL) as `filename`. */
export function downloadUrl(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * Save text as a file of the given media type.
 * @example downloadText('siting.csv', csv, 'text/csv;charset=utf-8')
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, filename);
  // Freed a while later, not at once: the browser may still be reading the blob into the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
