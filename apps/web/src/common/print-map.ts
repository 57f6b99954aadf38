/**
 * Deliverable maps: size the map to the printed frame (A4/A3 landscape), fit it to what the sheet is
 * about (county, township, zones), wait until it has drawn, then print; or compose a PNG with title,
 * legend, scale bar, north arrow, date, source and the 示例数据 watermark. The view is restored
 * afterwards. The fitted bounds are kept on `window.__printBounds` for checks.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { BBox } from './geo-math.js';
import { scaleBar } from './map-scale.js';
import { drawSymbol, legendImages, type LegendItem } from './legend.js';
import { getPaper, holdFrame, PAGE_MM, pngFrameMm, printFrameMm, setPagePaper, type Paper, type SheetKind } from './print-frame.js';
import './print-frame.css';

export type { Paper } from './print-frame.js';

declare global {
  interface Window {
    __printBounds?: { fitted: BBox; map: BBox; paper: Paper; kind: SheetKind; frameMm: { widthMm: number; heightMm: number }; via?: PrintVia; px?: [number, number]; tilesLoaded?: boolean };
  }
}

export interface SheetText {
  title: string;
  legend: LegendItem[];
  date: string;
  source: string;
  /** The 示例数据 watermark text when the data are sample data, else null. */
  watermark: string | null;
}

type Frame = { widthMm: number; heightMm: number };
/** What started the print: a screen's 打印 button, Ctrl/⌘+P (caught before the browser's dialog), or the browser's menu (beforeprint only). */
export type PrintVia = 'button' | 'keys' | 'beforeprint';

/** Size the map's container to `frame`, fit the map to `bounds` (no animation) and resolve when it has drawn. */
export function fitMap(map: MlMap, bounds: BBox, paper: Paper, kind: SheetKind, frame: Frame, via?: PrintVia): Promise<void> {
  map.resize();
  map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: 24, duration: 0, maxZoom: 15 });
  return new Promise((resolve) => {
    map.once('idle', () => {
      const b = map.getBounds();
      window.__printBounds = { fitted: bounds, map: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], paper, kind, frameMm: frame, ...(via ? { via } : {}), tilesLoaded: map.areTilesLoaded() };
      resolve();
    });
    map.triggerRepaint();
  });
}

/** Hold the map's frame and remember the view; the returned function puts both back. */
function holdMap(map: MlMap, frame: Frame): () => void {
  const view = { center: map.getCenter(), zoom: map.getZoom() };
  const wrap = map.getContainer().parentElement ?? map.getContainer();
  const release = holdFrame(wrap, frame);
  return () => {
    release();
    map.resize();
    map.jumpTo(view);
  };
}

export interface PrintOptions {
  kind: Exclude<SheetKind, 'png'>;
  paper?: Paper;
  /** A body class the print stylesheet keys on (e.g. the incident brief prints alone). */
  bodyClass?: string;
}

/** The print is under way (from a button or from the browser's own Ctrl+P): its undo, run once on afterprint. */
let ending: (() => void) | null = null;
export const printing = (): boolean => ending !== null;

/**
 * Start a print: the page size, the body classes and the map's container held at the printed frame.
 * Synchronous, so it can run inside `beforeprint`. Returns the frame; `endPrint` (on afterprint) undoes it.
 */
export function beginPrint(map: MlMap | undefined, opts: PrintOptions): { paper: Paper; frame: Frame } {
  endPrint();
  const paper = opts.paper ?? getPaper();
  const frame = printFrameMm(paper, opts.kind);
  setPagePaper(paper);
  document.body.classList.add('printing');
  if (opts.bodyClass) document.body.classList.add(opts.bodyClass);
  const restore = map ? holdMap(map, frame) : null;
  ending = () => {
    document.body.classList.remove('printing');
    if (opts.bodyClass) document.body.classList.remove(opts.bodyClass);
    restore?.();
  };
  return { paper, frame };
}

/** Undo the print under way (afterprint); nothing when none is. */
export function endPrint(): void {
  const end = ending;
  ending = null;
  end?.();
}

/**
 * Fit synchronously, for `beforeprint`, which cannot wait: the map takes the frame's size, jumps to
 * `bounds` and is drawn at once with the tiles it already holds (map.redraw()), before the browser
 * lays out the printed page. Returns whether every tile of the fitted view was there to draw.
 */
export function fitMapNow(map: MlMap, bounds: BBox, paper: Paper, kind: SheetKind, frame: Frame): boolean {
  map.resize();
  map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: 24, duration: 0, maxZoom: 15 });
  map.redraw();
  const b = map.getBounds();
  const c = map.getContainer();
  const tilesLoaded = map.areTilesLoaded();
  window.__printBounds = { fitted: bounds, map: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], paper, kind, frameMm: frame, via: 'beforeprint', px: [c.clientWidth, c.clientHeight], tilesLoaded };
  return tilesLoaded;
}

/** Size the map to the sheet's printed frame, fit it to `bounds`, wait until it has drawn, print, and restore everything afterwards. */
export async function printFitted(map: MlMap | undefined, bounds: BBox | null, opts: PrintOptions, via: Exclude<PrintVia, 'beforeprint'> = 'button'): Promise<void> {
  const { paper, frame } = beginPrint(map, opts);
  if (map && bounds) await fitMap(map, bounds, paper, opts.kind, frame, via);
  window.print();
}

/** Draw the sheet around the map and return a PNG data URL (A4/A3 landscape, 150 dpi); the map is drawn at the frame's own size and resolution. */
export async function composeMapPng(map: MlMap, bounds: BBox | null, text: SheetText, paper: Paper = getPaper()): Promise<string> {
  const [wMm, hMm] = PAGE_MM[paper];
  const pxPerMm = 150 / 25.4;
  const frameMm = pngFrameMm(paper);
  const restore = holdMap(map, frameMm);
  const ratio = map.getPixelRatio();
  map.setPixelRatio(150 / 96);
  try {
    if (bounds) await fitMap(map, bounds, paper, 'png', frameMm);
    else await fitMap(map, (() => { const b = map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as BBox; })(), paper, 'png', frameMm);
    const images = await legendImages(text.legend);
    return drawSheet(map, text, images, { W: Math.round(wMm * pxPerMm), H: Math.round(hMm * pxPerMm), pxPerMm });
  } finally {
    map.setPixelRatio(ratio);
    restore();
  }
}

function drawSheet(map: MlMap, text: SheetText, images: Map<string, HTMLImageElement>, { W, H, pxPerMm }: { W: number; H: number; pxPerMm: number }): string {
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  const g = c.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  const pad = Math.round(10 * pxPerMm);
  const head = Math.round(16 * pxPerMm);
  const side = Math.round(62 * pxPerMm);
  const frame = { x: pad, y: pad + head, w: W - 2 * pad - side, h: H - 2 * pad - head - Math.round(8 * pxPerMm) };
  // Title.
  g.fillStyle = '#111';
  g.font = `bold ${Math.round(7 * pxPerMm)}px sans-serif`;
  g.textBaseline = 'top';
  g.fillText(text.title, pad, pad);
  // Map, scaled to fit the frame with its proportions kept (the canvas already has the frame's proportions).
  const src = map.getCanvas();
  const k = Math.min(frame.w / src.width, frame.h / src.height);
  const mw = src.width * k;
  const mh = src.height * k;
  g.drawImage(src, frame.x, frame.y, mw, mh);
  g.strokeStyle = '#333';
  g.lineWidth = 2;
  g.strokeRect(frame.x, frame.y, mw, mh);
  // Scale bar (ground metres per drawn pixel = map's metres per CSS px × CSS px per drawn px).
  const cssPerDrawn = src.clientWidth > 0 ? src.clientWidth / mw : 1;
  const sb = scaleBar(map.getCenter().lat, map.getZoom(), 140 * cssPerDrawn);
  const sbPx = sb.px / cssPerDrawn;
  const sx = frame.x + 16;
  const sy = frame.y + mh - 28;
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(sx - 8, sy - 22, sbPx + 70, 40);
  g.fillStyle = '#111';
  g.fillRect(sx, sy, sbPx, 6);
  g.fillRect(sx, sy - 6, 2, 12);
  g.fillRect(sx + sbPx - 2, sy - 6, 2, 12);
  g.font = `${Math.round(3.2 * pxPerMm)}px sans-serif`;
  g.fillText(sb.label, sx + sbPx + 8, sy - 10);
  // North arrow (the map is never rotated).
  const nx = frame.x + mw - 40;
  const ny = frame.y + 20;
  g.beginPath();
  g.moveTo(nx, ny);
  g.lineTo(nx - 14, ny + 44);
  g.lineTo(nx, ny + 34);
  g.lineTo(nx + 14, ny + 44);
  g.closePath();
  g.fill();
  g.font = `bold ${Math.round(4.5 * pxPerMm)}px sans-serif`;
  g.fillText('N', nx - 8, ny + 48);
  // Legend: every symbol the map draws.
  const lx = frame.x + frame.w + Math.round(6 * pxPerMm);
  const step = Math.min(Math.round(8 * pxPerMm), Math.floor(frame.h / Math.max(1, text.legend.length)));
  const sym = Math.min(28, step - 6);
  g.font = `${Math.round(Math.min(3.6 * pxPerMm, step * 0.55))}px sans-serif`;
  text.legend.forEach((item, i) => {
    const ly = frame.y + i * step;
    drawSymbol(g, item, lx, ly, sym, images);
    g.fillStyle = '#111';
    g.fillText(item.label, lx + sym + 10, ly + 2, side - sym - 16);
  });
  // Footer: date and data source.
  g.fillStyle = '#111';
  g.font = `${Math.round(3.2 * pxPerMm)}px sans-serif`;
  g.fillText(`${text.date} · ${text.source}`, pad, H - pad - Math.round(4 * pxPerMm));
  // Watermark over the map.
  if (text.watermark) {
    g.save();
    g.translate(frame.x + mw / 2, frame.y + mh / 2);
    g.rotate(-Math.PI / 8);
    g.fillStyle = 'rgba(200, 0, 0, 0.16)';
    g.font = `bold ${Math.round(30 * pxPerMm)}px sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(text.watermark, 0, 0);
    g.restore();
  }
  return c.toDataURL('image/png');
}

// Whatever started the print, the browser's afterprint (or the print media query ending) undoes it.
if (typeof window !== 'undefined') {
  window.addEventListener('afterprint', () => endPrint());
  window.matchMedia?.('print').addEventListener?.('change', (e) => {
    if (!e.matches) endPrint();
  });
}
