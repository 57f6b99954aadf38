/** Indicator panel: per-township shelter area per resident against the target line, the county town, risk counts. */
import { placeNameEn } from '../map/place-names-en.js';
import type { CoverageAnswer, PerCapitaAnswer } from '@riskmap/contract';
import type { LayerSet, RiskLevel } from '../api/types.js';
import { translateLoose, useI18n } from '../i18n/index.js';
import { countByLevel } from './level-counts.js';

interface Props {
  layers: Partial<LayerSet>;
  /** GET /api/analytics/shelter-per-capita (null when it did not answer). */
  perCapita: PerCapitaAnswer | null;
  targetM2: number;
  colours: Record<RiskLevel, string>;
  /** GET /api/analytics/coverage for the facilities shown (those that answered). */
  coverage: CoverageAnswer[];
}

export function IndicatorPanel({ layers, perCapita, targetM2, colours, coverage }: Props) {
  const { t, locale } = useI18n();
  const rows = [...(perCapita?.townships ?? [])].sort((a, b) => (b.perCapitaM2 ?? -1) - (a.perCapitaM2 ?? -1));
  const max = Math.max(targetM2 * 1.6, ...rows.map((r) => r.perCapitaM2 ?? 0));
  const counts = countByLevel(layers['risk-points']?.features ?? []);
  const ct = perCapita?.countyTown;
  const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString(locale, { maximumFractionDigits: 2 }));
  return (
    <section className="panel indicator-panel" aria-label={t('indicators')} tabIndex={0} data-testid="indicator-panel">
      <h2>{t('riskCounts')}</h2>
      <div className="level-counts">
        {([1, 2, 3, 4] as RiskLevel[]).map((l) => (
          <div key={l} className="level-count" style={{ borderColor: colours[l] }}>
            <span className="n">{counts[l]}</span>
            <span>{t(`level.${l}`)}</span>
          </div>
        ))}
      </div>
      <h2>{t('perCapita')}</h2>
      {ct ? (
        <p className={(ct.perCapitaM2 ?? 0) >= targetM2 ? 'ok' : 'warn'}>
          {t('countyTown')}: <strong>{fmt(ct.perCapitaM2)}</strong> m² / {t('perCapitaTarget')} {targetM2} m²
        </p>
      ) : null}
      <div className="bars" role="list">
        {rows.map((r) => (
          <div key={r.townshipCode} className="bar-row" role="listitem" aria-label={`${r.name} ${fmt(r.perCapitaM2)} m²`}>
            <span className="bar-name">{locale === 'en' ? placeNameEn(r.name) : r.name}</span>
            <span className="bar-track">
              <span className={`bar ${(r.perCapitaM2 ?? 0) >= targetM2 ? 'ok' : 'warn'}`} style={{ width: `${((r.perCapitaM2 ?? 0) / max) * 100}%` }} />
              <span className="target-line" style={{ left: `${(targetM2 / max) * 100}%` }} title={`${t('perCapitaTarget')} ${targetM2}`} />
            </span>
            <span className="bar-value">{fmt(r.perCapitaM2)}</span>
          </div>
        ))}
      </div>
      <p className="sub-note" data-testid="per-capita-source">{t(perCapita ? 'perCapitaApi' : 'analyticsUnavailable')}</p>
      <h2>{t('coverage')}</h2>
      {coverage.length === 0 ? <p className="sub-note">{t('notAvailable')}</p> : null}
      {coverage.map((c) => (
        <p key={c.facility} data-testid={`coverage-${c.facility}`}>
          {translateLoose(locale, `coverage.${c.facility}`, c.facility)}: <strong>{(c.coveredShare * 100).toFixed(1)}%</strong>{' '}
          <span className="sub-note">
            ({c.coveredPopulation.toLocaleString(locale)} / {c.population.toLocaleString(locale)}
            {c.impedance.method ? ` · ${translateLoose(locale, `impedance.${c.impedance.method}`, c.impedance.method)}` : ''})
          </span>
        </p>
      ))}
    </section>
  );
}
