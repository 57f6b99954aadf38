/** The printed legend: every symbol the sheet's map draws, in the map's own icons and colours. */
import type { CSSProperties } from 'react';
import { iconDataUrl } from '../map/icons.js';
import type { LegendItem } from './legend.js';

function Swatch({ item }: { item: LegendItem }) {
  if (item.icon) return <img className="legend-icon" src={iconDataUrl(item.icon)} width={16} height={16} alt="" />;
  const s = item.shape ?? 'box';
  const style: CSSProperties =
    s === 'dot' ? { background: item.colour, borderRadius: '50%', border: item.stroke ? `1.5px solid ${item.stroke}` : undefined, width: 11, height: 11 }
    : s === 'ring' ? { borderRadius: '50%', border: `3px solid ${item.colour}`, width: 9, height: 9 }
    : s === 'line' || s === 'dash' ? { borderTop: `3px ${s === 'dash' ? 'dashed' : 'solid'} ${item.colour}`, height: 0, width: 18 }
    : s === 'diamond' ? { background: item.colour, transform: 'rotate(45deg) scale(0.8)' }
    : s === 'triangle' ? { background: item.colour, clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' }
    : { background: item.colour, border: item.stroke ? `1px solid ${item.stroke}` : undefined };
  return <span className="swatch box" style={style} />;
}

export function PrintLegend({ items, title }: { items: readonly LegendItem[]; title?: string }) {
  return (
    <div className="print-legend" data-testid="print-legend">
      {title ? <strong>{title}</strong> : null}
      {items.map((l) => (
        <span key={l.label} data-legend={l.icon ?? l.shape ?? 'box'}>
          <Swatch item={l} /> {l.label}
        </span>
      ))}
    </div>
  );
}
