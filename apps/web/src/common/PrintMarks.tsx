/** What every printed map carries besides the map: north arrow, scale bar, 示例数据 watermark (print only). */
import { useEffect, useState } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import { scaleBar } from './map-scale.js';

export function PrintMarks({ getMap, watermark }: { getMap: () => MlMap | undefined; watermark: string | null }) {
  const [bar, setBar] = useState<{ px: number; label: string } | null>(null);
  useEffect(() => {
    const update = () => {
      const m = getMap();
      if (m) setBar(scaleBar(m.getCenter().lat, m.getZoom(), 160));
    };
    update();
    const m = getMap();
    m?.on('moveend', update);
    window.addEventListener('beforeprint', update);
    return () => {
      m?.off('moveend', update);
      window.removeEventListener('beforeprint', update);
    };
  }, [getMap]);
  return (
    <div className="print-only print-marks" aria-hidden="true" data-testid="print-marks">
      <svg className="north-arrow" viewBox="0 0 40 60" width="28" height="42" role="img" aria-label="N">
        <polygon points="20,0 6,44 20,34 34,44" fill="#111" />
        <text x="20" y="58" textAnchor="middle" fontSize="14" fontWeight="bold">N</text>
      </svg>
      {bar ? (
        <div className="scale-bar">
          <span style={{ width: `${bar.px}px` }} />
          {bar.label}
        </div>
      ) : null}
      {watermark ? <div className="watermark">{watermark}</div> : null}
    </div>
  );
}
