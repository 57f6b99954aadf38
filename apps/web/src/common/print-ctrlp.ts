/**
 * The browser's own print (Ctrl+P, the menu) prints the same fitted sheet as the screen's 打印 button.
 * A printable screen registers what its sheet is about (`usePrintTarget`); on `beforeprint` (and when
 * the print media query starts to match, for browsers that only report that) the map is sized to the
 * chosen paper's frame and fitted synchronously, before the browser lays out the page; afterprint
 * restores the screen (print-map.ts). A print started by a button is already fitted and left alone.
 */
import { useEffect, useRef } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { BBox } from './geo-math.js';
import { beginPrint, fitMapNow, printing, type PrintOptions } from './print-map.js';

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
  if (map && bounds) fitMapNow(map, bounds, paper, opts.kind, frame);
}

if (typeof window !== 'undefined') {
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
