/** A4 / A3 landscape for every printed sheet and the PNG export (remembered; the page size follows). */
import { useI18n } from '../i18n/index.js';
import { PAPERS, usePaper } from './print-frame.js';

export function PaperChoice({ testid = 'paper' }: { testid?: string }) {
  const { t } = useI18n();
  const [paper, setPaper] = usePaper();
  return (
    <label className="paper-choice">
      {t('print.paper')}
      <select value={paper} onChange={(e) => setPaper(e.target.value as never)} data-testid={testid} aria-label={t('print.paper')}>
        {PAPERS.map((p) => (
          <option key={p} value={p}>
            {t(`print.paper.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
