/** Search by name, zoom to township, export PNG, print. */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AdminAreaProps, LayerSet } from '../api/types.js';
import { translate, useI18n } from '../i18n/index.js';
import type { FeatureHit } from './search-features.js';
import { CommandSearch } from './CommandSearch.js';
import type { BBox } from '../common/geo-math.js';
import { composeMapPng, printFitted, type SheetText } from '../common/print-map.js';
import { PaperChoice } from '../common/PaperChoice.js';
import { downloadUrl } from '../common/download.js';

interface Props {
  layers: Partial<LayerSet>;
  townships: readonly Feature<Polygon | MultiPolygon, AdminAreaProps>[];
  onZoomTownship: (code: string) => void;
  onPickHit: (h: FeatureHit) => void;
  incidentActive: boolean;
  onIncident: () => void;
  /** Title, legend, date, source and watermark of the sheet (print and PNG). */
  sheet?: () => SheetText;
  /** What the sheet is about: the county, or the incident zones. */
  printBounds?: () => BBox | null;
}

/** Save an A4/A3-landscape sheet (the chosen paper; map sized to the frame and fitted to `bounds`, drawn with preserveDrawingBuffer, plus title, legend, scale bar, north arrow, date, source, watermark) as a PNG file; the view is restored. */
async function exportPng(sheet: SheetText | null, bounds: BBox | null): Promise<void> {
  const map = window.__riskmap?.map;
  if (!map) return;
  const url = sheet ? await composeMapPng(map, bounds, sheet) : map.getCanvas().toDataURL('image/png');
  window.__lastPng = url;
  downloadUrl(url, `riskmap-${new Date().toISOString().slice(0, 10)}.png`);
}

declare global {
  interface Window {
    __lastPng?: string;
  }
}

export function CommandToolbar({ layers, townships, onZoomTownship, onPickHit, incidentActive, onIncident, sheet, printBounds }: Props) {
  const { t, locale } = useI18n();
  return (
    <>
      <CommandSearch layers={layers} onPickHit={onPickHit} />
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
      <button type="button" className={incidentActive ? 'on' : ''} aria-pressed={incidentActive} onClick={onIncident} data-testid="incident-toggle">
        {translate(locale, 'incident.tool')}
      </button>
      <PaperChoice />
      <button type="button" onClick={() => void exportPng(sheet?.() ?? null, printBounds?.() ?? null)} data-testid="export-png">
        {t('exportPng')}
      </button>
      <button type="button" onClick={() => void printFitted(window.__riskmap?.map, printBounds?.() ?? null, { kind: 'command' })} data-testid="print-map">
        {t('print')}
      </button>
    </>
  );
}
