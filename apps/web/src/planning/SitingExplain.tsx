/** What a siting result's figures count and under which rule, the demand it cannot cover, and the candidates it left out. */
import { fill, useI18n } from '../i18n/index.js';
import { fmt } from './per-capita-logic.js';
import type { SitingResult } from './siting-logic.js';

const MAX_EXCLUDED = 8;

export function SitingExplain({ result }: { result: SitingResult }) {
  const { t, locale } = useI18n();
  const text = (x: { zh: string; en: string } | null | undefined) => (x ? (locale === 'en' ? x.en : x.zh) : null);
  const excluded = result.excludedCandidates ?? [];
  const hazard = excluded.filter((e) => e.reason === 'hazard-distance');
  const u = result.uncoverable;
  return (
    <div className="siting-explain" data-testid="siting-explain">
      {result.coverageRule ? (
        <p className="sub-note" data-testid="siting-rule">
          <strong>{t('planning.siting.ruleLabel')}</strong>
          {t('planning.list.colon')}
          {text(result.coverageRule)}
        </p>
      ) : null}
      {result.demandBasis ? (
        <p className="sub-note" data-testid="siting-basis">
          <strong>{t('planning.siting.basisLabel')}</strong>
          {t('planning.list.colon')}
          {text(result.demandBasis)}
        </p>
      ) : null}
      {u && u.count > 0 ? (
        <p className="sub-note warn" data-testid="siting-uncoverable">
          {fill(t('planning.siting.uncoverable'), { n: u.count, people: fmt(u.population) })}
        </p>
      ) : null}
      {hazard.length > 0 ? (
        <details className="excluded" data-testid="siting-excluded">
          <summary>{fill(t('planning.siting.excludedHazard'), { n: hazard.length })}</summary>
          <ul>
            {hazard.slice(0, MAX_EXCLUDED).map((e) => (
              <li key={String(e.id)}>
                {fill(t('planning.siting.excludedRow'), { id: String(e.id), hazard: e.hazardName ?? '—', d: fmt(e.distanceM ?? null), min: fmt(e.minDistanceM ?? null) })}
              </li>
            ))}
          </ul>
          {hazard.length > MAX_EXCLUDED ? <p className="sub-note">{fill(t('planning.list.more'), { n: hazard.length - MAX_EXCLUDED })}</p> : null}
        </details>
      ) : null}
    </div>
  );
}
