/**
 * The browser's own print (Ctrl+P, the menu) prints the same fitted sheet as the screen's 打印 button.
 * A printable screen registers what its sheet is about (`usePrintTarget`).
 * - Ctrl/⌘+P is caught before the browser opens its dialog and takes the button's path: the map is
 *   fitted, its tiles load and draw, then the dialog opens — so a print from a far zoom is not blank.
 * - The browser's menu only reports `beforeprint` (or the print media query starting to match), which
 *   cannot wait: the map is sized to the paper's frame and fitted synchronously with the tiles it holds;
 *   if some were missing, the sheet says so in print and names the two ways that wait.
 * afterprint restores the screen (print-map.ts). A print already under way is left alone.
 */
import { useEffect, useRef } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { BBox } from './geo-math.js';
import { currentLocale, translate } from '../i18n/index.js';
import { beginPrint, fitMapNow, printFitted, printing, type PrintOptions } from './print-map.js';

export interface PrintTarget {
  map: () => MlMap | undefined;
  /** What the sheet is about (county, township, zones); null prints the current view. */
  bounds: () => BBox | null;
  options: () => PrintOptions;
}

const targets: PrintTarget[] = [];

/** Fit the registered sheet for a print the browser started; a no-op when a print is already under way. */
export function prepareBrowserPrint(): void {
  const target = targets[targets.length - 1];
  if (!target || printing()) return;
  const map = target.map();
  const opts = target.options();
  const { paper, frame } = beginPrint(map, opts);
  const bounds = target.bounds();
  if (map && bounds && !fitMapNow(map, bounds, paper, opts.kind, frame)) notePendingTiles(map);
}

/** Ctrl/⌘+P on a printable screen: the button's path (fit, wait until drawn, then the print dialog). */
export function printFromKeys(e: KeyboardEvent): void {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return;
  const target = targets[targets.length - 1];
  if (!target || printing()) return;
  e.preventDefault();
  void printFitted(target.map(), target.bounds(), target.options(), 'keys');
}

/** A print-only line over the map saying the printed map may be incomplete; removed after the print. */
function notePendingTiles(map: MlMap): void {
  const note = document.createElement('div');
  note.className = 'print-tiles-pending';
  note.dataset.testid = 'print-tiles-pending';
  note.textContent = translate(currentLocale(), 'print.tilesPending');
  map.getContainer().appendChild(note);
  window.addEventListener('afterprint', () => note.remove(), { once: true });
}

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', printFromKeys, true);
  window.addEventListener('beforeprint', prepareBrowserPrint);
  window.matchMedia?.('print').addEventListener?.('change', (e) => {
    if (e.matches) prepareBrowserPrint();
  });
}

/** Register the screen's printable sheet while the component is mounted (the latest callbacks are used). */
export function usePrintTarget(target: PrintTarget): void {
  const ref = useRef(target);
  ref.current = target;
  useEffect(() => {
    const t: PrintTarget = { map: () => ref.current.map(), bounds: () => ref.current.bounds(), options: () => ref.current.options() };
    targets.push(t);
    return () => {
      const i = targets.indexOf(t);
      if (i >= 0) targets.splice(i, 1);
    };
  }, []);
}
