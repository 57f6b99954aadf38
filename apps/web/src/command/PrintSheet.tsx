/** Elements only the printed sheet shows: title, date, legend and data-source note (map and scale bar print as they are). */
import type { RiskLevel } from '../api/types.js';
import { useI18n } from '../i18n/index.js';

export function PrintSheet({ colours, sample }: { colours: Record<RiskLevel, string>; sample: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="print-only print-sheet" aria-hidden="true">
      <h1 className="print-title">{t('printTitle')}</h1>
      <div className="print-legend">
        {([1, 2, 3, 4] as RiskLevel[]).map((l) => (
          <span key={l}>
            <span className="swatch box" style={{ background: colours[l] }} /> {t(`level.${l}`)}
          </span>
        ))}
      </div>
      <p className="print-footer">
        {t('printDate')}: {new Date().toLocaleDateString(locale)} · {t('printSource')}
        {sample ? ` · ${t('sample')}` : ''}
      </p>
    </div>
  );
}
