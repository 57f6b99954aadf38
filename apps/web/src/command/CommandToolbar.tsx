/** Search by name, zoom to township, export PNG, print. */
import { useState } from 'react';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AdminAreaProps, LayerSet } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { searchFeatures, type FeatureHit } from './search-features.js';
import { wt } from '../whatif/messages.js';

interface Props {
  layers: Partial<LayerSet>;
  townships: readonly Feature<Polygon | MultiPolygon, AdminAreaProps>[];
  onZoomTownship: (code: string) => void;
  onPickHit: (h: FeatureHit) => void;
  whatifActive: boolean;
  onWhatif: () => void;
}

/** Save the map canvas (drawn with preserveDrawingBuffer) as a PNG file. */
function exportPng(): void {
  const map = window.__riskmap?.map;
  if (!map) return;
  map.once('render', () => {
    const a = document.createElement('a');
    a.href = map.getCanvas().toDataURL('image/png');
    a.download = `riskmap-${new Date().toISOString().slice(0, 10)}.png`;
    a.click();
  });
  map.triggerRepaint();
}

export function CommandToolbar({ layers, townships, onZoomTownship, onPickHit, whatifActive, onWhatif }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const hits = searchFeatures(q, layers);
  return (
    <>
      <div className="search" role="search">
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchPlaceholder')} aria-label={t('search')} data-testid="search" />
        {hits.length > 0 ? (
          <ul className="search-results" role="listbox">
            {hits.map((h, i) => (
              <li key={`${h.layer}-${i}`} role="option" aria-selected="false">
                <button
                  type="button"
                  onClick={() => {
                    onPickHit(h);
                    setQ('');
                  }}
                >
                  {h.name} <small>{t(`layer.${h.layer}`)}</small>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <select aria-label={t('zoomToTownship')} defaultValue="" onChange={(e) => onZoomTownship(e.target.value)} data-testid="zoom-township">
        <option value="" disabled>
          {t('zoomToTownship')}
        </option>
        <option value="*">{t('county')}</option>
        {townships.map((f) => (
          <option key={f.properties.code} value={f.properties.code}>
            {f.properties.name}
          </option>
        ))}
      </select>
      <button type="button" className={whatifActive ? 'on' : ''} aria-pressed={whatifActive} onClick={onWhatif} data-testid="whatif-toggle">
        {wt(locale, 'tool')}
      </button>
      <button type="button" onClick={exportPng} data-testid="export-png">
        {t('exportPng')}
      </button>
      <button type="button" onClick={() => window.print()}>
        {t('print')}
      </button>
    </>
  );
}
