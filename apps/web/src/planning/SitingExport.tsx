/** The siting result's export buttons: GeoJSON (sites, uncoverable demand, excluded candidates, the run) and CSV, in the page's language. */
import { useI18n } from '../i18n/index.js';
import { downloadText } from '../common/download.js';
import { sitingCsv, sitingFileName, sitingGeoJson } from './siting-export.js';
import type { SitingResult } from './siting-logic.js';

export function SitingExport({ result, sample }: { result: SitingResult; sample: boolean }) {
  const { t, locale } = useI18n();
  const save = (ext: 'geojson' | 'csv') => {
    const date = new Date().toISOString();
    const o = { t, locale, sample, date };
    if (ext === 'geojson') downloadText(sitingFileName(result, date, ext), JSON.stringify(sitingGeoJson(result, o), null, 1), 'application/geo+json;charset=utf-8');
    else downloadText(sitingFileName(result, date, ext), sitingCsv(result, o), 'text/csv;charset=utf-8');
  };
  return (
    <div className="row-buttons siting-export" role="group" aria-label={t('planning.siting.export.label')} data-testid="siting-export">
      <span className="sub-note">{t('planning.siting.export.label')}</span>
      <button type="button" onClick={() => save('geojson')} data-testid="siting-export-geojson">
        {t('planning.siting.export.geojson')}
      </button>
      <button type="button" onClick={() => save('csv')} data-testid="siting-export-csv">
        {t('planning.siting.export.csv')}
      </button>
    </div>
  );
}
