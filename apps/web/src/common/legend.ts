/** One legend entry of a printed sheet or PNG: a map icon (map/icons.ts) or a drawn swatch in the layer's own colours. */
import { iconDataUrl } from '../map/icons.js';

export type LegendShape = 'box' | 'dot' | 'ring' | 'diamond' | 'triangle' | 'line' | 'dash';

export interface LegendItem {
  label: string;
  colour: string;
  shape?: LegendShape;
  /** Outline colour of a dot or box. */
  stroke?: string;
  /** Id of a map icon (drawn with the map's own image). */
  icon?: string;
}

/** The icon images of the items, loaded (for drawing on a canvas). */
export async function legendImages(items: readonly LegendItem[]): Promise<Map<string, HTMLImageElement>> {
  const out = new Map<string, HTMLImageElement>();
  await Promise.all(
    items
      .filter((i) => i.icon)
      .map(async (i) => {
        const img = new Image();
        img.src = iconDataUrl(i.icon!);
        await img.decode().catch(() => undefined);
        out.set(i.icon!, img);
      }),
  );
  return out;
}

/** Draw an item's symbol in the square (x, y, s). */
export function drawSymbol(g: CanvasRenderingContext2D, item: LegendItem, x: number, y: number, s: number, images: Map<string, HTMLImageElement>): void {
  const img = item.icon ? images.get(item.icon) : undefined;
  if (img) return void g.drawImage(img, x, y, s, s);
  const c = s / 2;
  g.fillStyle = item.colour;
  g.strokeStyle = item.stroke ?? item.colour;
  g.lineWidth = Math.max(2, s / 8);
  g.setLineDash(item.shape === 'dash' ? [s / 4, s / 6] : []);
  g.beginPath();
  switch (item.shape) {
    case 'dot':
      g.arc(x + c, y + c, s * 0.35, 0, Math.PI * 2);
      g.fill();
      if (item.stroke) g.stroke();
      break;
    case 'ring':
      g.arc(x + c, y + c, s * 0.35, 0, Math.PI * 2);
      g.stroke();
      break;
    case 'line':
    case 'dash':
      g.moveTo(x, y + c);
      g.lineTo(x + s, y + c);
      g.stroke();
      break;
    case 'diamond':
      g.moveTo(x + c, y);
      g.lineTo(x + s, y + c);
      g.lineTo(x + c, y + s);
      g.lineTo(x, y + c);
      g.closePath();
      g.fill();
      break;
    case 'triangle':
      g.moveTo(x + c, y);
      g.lineTo(x + s, y + s);
      g.lineTo(x, y + s);
      g.closePath();
      g.fill();
      break;
    default:
      g.fillRect(x, y, s, s);
      if (item.stroke) g.strokeRect(x, y, s, s);
  }
  g.setLineDash([]);
}
