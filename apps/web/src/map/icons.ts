/** Map symbols drawn on a canvas at start-up (no sprite file, no request): one image per kind. */
import type { Map as MlMap } from 'maplibre-gl';

interface IconSpec {
  id: string;
  shape: 'square' | 'triangle' | 'circle' | 'diamond';
  fill: string;
  stroke: string;
  text: string;
  textColor?: string;
}

export const ICONS: IconSpec[] = [
  { id: 'shelter-open', shape: 'square', fill: '#1a9850', stroke: '#fff', text: '避' },
  { id: 'shelter-built', shape: 'square', fill: '#238b8e', stroke: '#fff', text: '避' },
  { id: 'shelter-planned', shape: 'square', fill: '#ffffff', stroke: '#238b8e', text: '避', textColor: '#238b8e' },
  { id: 'shelter-closed', shape: 'square', fill: '#7b7b7b', stroke: '#fff', text: '避' },
  { id: 'hazard-major', shape: 'triangle', fill: '#8b0000', stroke: '#fff', text: '危' },
  { id: 'hazard', shape: 'triangle', fill: '#a0522d', stroke: '#fff', text: '危' },
  { id: 'warehouse', shape: 'diamond', fill: '#6a3d9a', stroke: '#fff', text: '储' },
  { id: 'fire-station', shape: 'circle', fill: '#c51b1b', stroke: '#fff', text: '消' },
];

const SIZE = 48;

function draw(spec: IconSpec): ImageData {
  const c = document.createElement('canvas');
  c.width = c.height = SIZE;
  const g = c.getContext('2d')!;
  g.fillStyle = spec.fill;
  g.strokeStyle = spec.stroke;
  g.lineWidth = 4;
  g.beginPath();
  const m = 4;
  if (spec.shape === 'square') g.roundRect(m, m, SIZE - 2 * m, SIZE - 2 * m, 8);
  else if (spec.shape === 'circle') g.arc(SIZE / 2, SIZE / 2, SIZE / 2 - m, 0, Math.PI * 2);
  else if (spec.shape === 'triangle') {
    g.moveTo(SIZE / 2, m);
    g.lineTo(SIZE - m, SIZE - m);
    g.lineTo(m, SIZE - m);
    g.closePath();
  } else {
    g.moveTo(SIZE / 2, m);
    g.lineTo(SIZE - m, SIZE / 2);
    g.lineTo(SIZE / 2, SIZE - m);
    g.lineTo(m, SIZE / 2);
    g.closePath();
  }
  g.fill();
  g.stroke();
  g.fillStyle = spec.textColor ?? '#fff';
  g.font = `bold ${spec.shape === 'triangle' ? 20 : 24}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(spec.text, SIZE / 2, spec.shape === 'triangle' ? SIZE * 0.62 : SIZE / 2 + 1);
  return g.getImageData(0, 0, SIZE, SIZE);
}

/** Add every icon to the map (pixelRatio 2, so 24 css px). */
export function addIcons(map: MlMap): void {
  for (const spec of ICONS) if (!map.hasImage(spec.id)) map.addImage(spec.id, draw(spec), { pixelRatio: 2 });
}

const urls = new Map<string, string>();

/** A data URL of an icon for legends (drawn once, then cached). */
export function iconDataUrl(id: string): string {
  const hit = urls.get(id);
  if (hit) return hit;
  const spec = ICONS.find((i) => i.id === id);
  if (!spec || typeof document === 'undefined') return '';
  const c = document.createElement('canvas');
  c.width = c.height = SIZE;
  c.getContext('2d')!.putImageData(draw(spec), 0, 0);
  const url = c.toDataURL();
  urls.set(id, url);
  return url;
}
