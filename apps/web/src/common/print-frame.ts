/**
 * The printed map's frame: A4/A3 landscape pages (10 mm margin) and the share of the page each sheet
 * gives its map. The map container is sized to this frame (CSS mm, 96 px per inch) before the map is
 * fitted, so what is fitted on screen is exactly what prints; the paper choice is remembered.
 */
import { useSyncExternalStore } from 'react';

export type Paper = 'A4' | 'A3';
export type SheetKind = 'command' | 'planning' | 'incident' | 'png';

export const PAPERS: readonly Paper[] = ['A4', 'A3'];
/** Page size in mm, landscape. */
export const PAGE_MM: Record<Paper, [number, number]> = { A4: [297, 210], A3: [420, 297] };
export const PAGE_MARGIN_MM = 10;
/** Height (mm) each printed sheet keeps for its title, legend, footer or tables besides the map. */
const RESERVED_MM: Record<Exclude<SheetKind, 'png'>, number> = { command: 40, planning: 70, incident: 120 };
/** CSS px per mm (96 px per inch). */
export const PX_PER_MM = 96 / 25.4;

/** Width and height (mm) of the map on the printed sheet. */
export function printFrameMm(paper: Paper, kind: Exclude<SheetKind, 'png'>): { widthMm: number; heightMm: number } {
  const [w, h] = PAGE_MM[paper];
  return { widthMm: w - 2 * PAGE_MARGIN_MM, heightMm: h - 2 * PAGE_MARGIN_MM - RESERVED_MM[kind] };
}

/** The map frame of the PNG sheet (mm): the page less margins, the title band, the legend column and the footer. */
export function pngFrameMm(paper: Paper): { widthMm: number; heightMm: number } {
  const [w, h] = PAGE_MM[paper];
  return { widthMm: w - 20 - 62, heightMm: h - 20 - 16 - 8 };
}

/** Size the element to the frame in both screen and print layout (print-frame.css); returns the undo. */
export function holdFrame(el: HTMLElement, frame: { widthMm: number; heightMm: number }): () => void {
  el.style.setProperty('--print-map-w', `${frame.widthMm}mm`);
  el.style.setProperty('--print-map-h', `${frame.heightMm}mm`);
  el.classList.add('print-frame');
  return () => {
    el.classList.remove('print-frame');
    el.style.removeProperty('--print-map-w');
    el.style.removeProperty('--print-map-h');
  };
}

/** `@page { size: A3 landscape }` follows the choice (the injected rule comes after every stylesheet). */
export function setPagePaper(paper: Paper): void {
  let el = document.getElementById('print-paper') as HTMLStyleElement | null;
  if (!el) {
    el = document.createElement('style');
    el.id = 'print-paper';
    document.head.appendChild(el);
  }
  el.textContent = `@media print { @page { size: ${paper} landscape; margin: ${PAGE_MARGIN_MM}mm; } }`;
  document.body.dataset.paper = paper;
}

// The remembered paper (one value for every sheet of the app).
const KEY = 'riskmap.paper';
const listeners = new Set<() => void>();
function read(): Paper {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'A3' ? 'A3' : 'A4';
  } catch {
    return 'A4';
  }
}
let current: Paper | null = null;
export function getPaper(): Paper {
  return (current ??= read());
}
export function choosePaper(p: Paper): void {
  current = p;
  try {
    localStorage.setItem(KEY, p);
  } catch {
    /* private mode: remembered for this page only */
  }
  if (typeof document !== 'undefined') setPagePaper(p);
  listeners.forEach((l) => l());
}
export function usePaper(): [Paper, (p: Paper) => void] {
  const p = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getPaper,
    () => 'A4' as Paper,
  );
  return [p, choosePaper];
}
